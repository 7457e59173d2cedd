import type { JobDefinition } from '../../shared/jobs/job.types.js';
import { COUNTABLE_REFRESH_MS, type ViewCounter } from './view-counter.service.js';

export const COUNTABLE_STORIES_JOB = 'countable-stories';

/**
 * Re-reads which stories a view may count for every minute on every node (each keeps its own set):
 * content changes reload it at once, but an embargo lifting or a scheduled time passing is no event.
 */
export function countableStoriesJob(views: Pick<ViewCounter, 'loadCountable'>): JobDefinition {
  return {
    name: COUNTABLE_STORIES_JOB,
    everyMs: COUNTABLE_REFRESH_MS,
    failureMessage: 'reloading the stories views may count for failed; the previous set is used',
    run: () => views.loadCountable(),
  };
}
