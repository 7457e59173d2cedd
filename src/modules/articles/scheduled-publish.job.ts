import type { JobDefinition } from '../../shared/jobs/job.types.js';
import { SCHEDULE_CHECK_INTERVAL_MS, type ScheduledPublisher } from './scheduled-publisher.js';

export const SCHEDULED_PUBLISH_JOB = 'scheduled-publish';

/**
 * Publishes scheduled stories that are due: at start (whatever fell due while the server was down),
 * then every 15 seconds. Every node checks, with no lock: each story's conditional UPDATE is won by
 * one transaction, so two nodes never publish a story twice.
 */
export function scheduledPublishJob(publisher: Pick<ScheduledPublisher, 'publishDue'>): JobDefinition {
  return {
    name: SCHEDULED_PUBLISH_JOB,
    everyMs: SCHEDULE_CHECK_INTERVAL_MS,
    atStart: true,
    failureMessage: 'publishing scheduled stories failed; they are published at the next check',
    run: async () => {
      await publisher.publishDue();
    },
  };
}
