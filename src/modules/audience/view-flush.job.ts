import type { JobDefinition } from '../../shared/jobs/job.types.js';
import { VIEW_FLUSH_INTERVAL_MS, type ViewCounter } from './view-counter.service.js';

export const VIEW_FLUSH_JOB = 'view-flush';

/**
 * Writes the views gathered in memory every second, and once more when the node stops, so a
 * graceful stop loses none (deps.close() stops the jobs before the database closes). Every node
 * writes its own: each batch is increments, so they add up.
 */
export function viewFlushJob(views: Pick<ViewCounter, 'flush'>): JobDefinition {
  return {
    name: VIEW_FLUSH_JOB,
    everyMs: VIEW_FLUSH_INTERVAL_MS,
    atStop: true,
    failureMessage: 'writing view counts failed; they are kept for the next batch',
    run: () => views.flush(),
  };
}
