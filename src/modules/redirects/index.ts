// The redirects module's public face: old links that keep working, the newsroom's list of them,
// the importer's bulk writer, and the log of paths not found. Repositories and rows stay private.
export { RedirectService, REDIRECTS_PAGE_SIZE } from './redirect.service.js';
export type { RedirectServiceOptions } from './redirect.service.js';
export { importRedirects } from './redirect-import.service.js';
export type { RedirectImportOptions } from './redirect-import.service.js';
export { NotFoundLog, NOT_FOUND_LOG_MAX_PATHS, NOT_FOUND_PATH_MAX } from './not-found-log.service.js';
export { notFoundLogFlushJob, NOT_FOUND_LOG_FLUSH_JOB } from './not-found-log.job.js';
export { normaliseRedirectPath, hasWordpressQuery, isServedPath, isSitePath, REDIRECT_PATH_MAX, REDIRECT_TARGET_MAX } from './redirect-path.js';
export type { Redirect, RedirectOrigin, NotFoundPath, RedirectImportEntry, RedirectImportResult } from './redirect.types.js';
