// The pages module's public face: other modules and src/web/** import from here, never from its
// files directly. Its reads below return domain types; writes and rows stay private.
export { STATIC_PAGE_SLUGS, isFixedStaticPage } from './static-page.types.js';
export type { StaticPage, StaticPageInput, StaticPageSlug } from './static-page.types.js';
export { StaticPageService } from './static-page.service.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importStaticPage, takenStaticPageSlugs } from './static-page-import.service.js';
