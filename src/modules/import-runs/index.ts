// The import-runs module's public face: the newsroom's Import page runs archive imports
// (modules/imports) in the background through it. Its repository and rows stay private.
export { ImportRunService } from './import-run.service.js';
export type { ImportRunServiceOptions } from './import-run.service.js';
export { INTERRUPTED } from './import-execution.js';
export type { ImportRunLogger } from './import-execution.js';
export type { ImportOptionsForm } from './import-options.js';
export { IMPORT_RUN_JOB, importRunJob } from './import-run.job.js';
export { IMPORT_KINDS } from './import-run.types.js';
export type { ImportKind, ImportRun, ImportRunOptions, ImportRunStatus, StoredUpload } from './import-run.types.js';
