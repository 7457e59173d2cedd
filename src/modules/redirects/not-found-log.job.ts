import type { JobDefinition } from '../../shared/jobs/job.types.js';
import { NOT_FOUND_FLUSH_INTERVAL_MS, type NotFoundLog } from './not-found-log.service.js';

export const NOT_FOUND_LOG_FLUSH_JOB = 'not-found-log-flush';

/**
 * Writes the 404 log's counts gathered in memory every 10 seconds, and once more when the node
 * stops. Every node writes its own: the counts are added, so they sum up.
 */
export function notFoundLogFlushJob(log: Pick<NotFoundLog, 'flush'>): JobDefinition {
  return {
    name: NOT_FOUND_LOG_FLUSH_JOB,
    everyMs: NOT_FOUND_FLUSH_INTERVAL_MS,
    atStop: true,
    failureMessage: 'writing the 404 log failed; its counts are kept for the next batch',
    run: () => log.flush(),
  };
}
