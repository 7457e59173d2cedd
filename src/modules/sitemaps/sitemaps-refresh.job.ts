import type { JobDefinition } from '../../shared/jobs/job.types.js';
import { SITEMAP_REFRESH_INTERVAL_MS, type SitemapService } from './sitemap.service.js';

export const SITEMAPS_REFRESH_JOB = 'sitemaps-refresh';

/**
 * Every minute: the news sitemap (its 48-hour window moves with the clock alone) and the months of
 * stories that became visible by time alone; and whenever the service asks (a change made on this
 * node, whose details it holds). With several nodes each runs the minute's work against the shared
 * table: a few indexed queries, and a file is written only when its bytes change, so they agree.
 * Not `leaderOnly`: a follower must still write the changes made on it.
 */
export function sitemapsRefreshJob(sitemaps: Pick<SitemapService, 'refreshOnce'>): JobDefinition {
  return {
    name: SITEMAPS_REFRESH_JOB,
    everyMs: SITEMAP_REFRESH_INTERVAL_MS,
    failureMessage: 'rebuilding the sitemaps failed; the files stored before are served',
    run: () => sitemaps.refreshOnce(),
  };
}
