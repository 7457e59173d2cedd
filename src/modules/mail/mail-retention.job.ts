import { HOUR_MS } from '../../shared/clock.js';
import type { JobDefinition } from '../../shared/jobs/job.types.js';
import type { MailService } from './mail.service.js';

export const MAIL_RETENTION_JOB = 'mail-retention';

/**
 * At start and hourly, one node: finished one-to-one messages older than a day are deleted
 * (MailService.purgeFinished), so the queue does not keep one-time links and addresses for ever.
 */
export function mailRetentionJob(mail: Pick<MailService, 'purgeFinished'>): JobDefinition {
  return {
    name: MAIL_RETENTION_JOB,
    everyMs: HOUR_MS,
    // A node restarted more often than hourly (deploys) would otherwise never purge.
    atStart: true,
    leaderOnly: { ttlMs: 2 * HOUR_MS },
    failureMessage: 'purging sent mail failed; it is tried again within the hour',
    run: async ({ signal }) => {
      await mail.purgeFinished(signal);
    },
  };
}
