// The sitemaps module's public face: other modules and src/web/** import from here, never from its
// files directly. The repository and its rows stay private.
export { SitemapService, ARTICLES_PER_SITEMAP, SITEMAP_REFRESH_INTERVAL_MS } from './sitemap.service.js';
export type { SitemapDocument, SitemapOptions, SitemapUrls } from './sitemap.service.js';
// Its job (src/job-list.ts).
export { SITEMAPS_REFRESH_JOB, sitemapsRefreshJob } from './sitemaps-refresh.job.js';
// Its reaction (src/reactions.ts).
export { sitemapsReaction } from './sitemaps.reaction.js';
