import type { JobDefinition } from '../../shared/jobs/job.types.js';
import { LIST_REFRESH_INTERVAL_MS, type RankedListsService } from './ranked-lists.service.js';

export const LISTS_REFRESH_JOB = 'lists-refresh';

/**
 * Recomputes the ranked lists every minute (Weekly Best every ten), and whenever the service asks
 * (content changed, comments on listed stories, the list leader shared new lists). Also once at
 * start, after the node has read its stored lists back: they may be as old as the downtime.
 *
 * Runs on every node, so not `leaderOnly`: each node holds its own copy of the lists in memory.
 * Which node ranks is decided inside the run (ListLeadership in ranked-lists.service.ts): the
 * holder of the `lists` lock computes and shares, the others load what it shared, and compute for
 * themselves when there is nothing to load.
 */
export function listsRefreshJob(lists: Pick<RankedListsService, 'refreshOnce'>): JobDefinition {
  return {
    name: LISTS_REFRESH_JOB,
    everyMs: LIST_REFRESH_INTERVAL_MS,
    atStart: true,
    failureMessage: 'refreshing the ranked lists failed; the previous lists are shown',
    run: () => lists.refreshOnce(),
  };
}
