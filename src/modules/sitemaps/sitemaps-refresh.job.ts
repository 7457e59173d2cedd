import type { JobDefinition } from '../../shared/jobs/job.types.js';
import { SITEMAP_REFRESH_INTERVAL_MS, type SitemapService } from './sitemap.service.js';

export const SITEMAPS_REFRESH_JOB = 'sitemaps-refresh';

/**
 * Rebuilds the sitemaps every minute (the news sitemap's 48-hour window moves with the clock alone)
 * and whenever `sitemaps.refresh()` asks (content changed). Every node rebuilds its own in-memory
 * copy from the shared database: a few cheap queries a minute, no coordination needed.
 */
export function sitemapsRefreshJob(sitemaps: Pick<SitemapService, 'refreshOnce'>): JobDefinition {
  return {
    name: SITEMAPS_REFRESH_JOB,
    everyMs: SITEMAP_REFRESH_INTERVAL_MS,
    failureMessage: 'rebuilding the sitemaps failed; the previous ones are served',
    run: () => sitemaps.refreshOnce(),
  };
}
