import { HOUR_MS } from '../../shared/clock.js';
import type { JobDefinition } from '../../shared/jobs/job.types.js';
import type { NewsletterIssueService } from './newsletter-issue.service.js';

export const NEWSLETTER_RETENTION_JOB = 'newsletter-retention';

/**
 * At start and hourly, one node: issues sent more than NEWSLETTER_RECORDS_KEPT_MS ago keep their
 * delivery counts and their messages leave the mail queue (newsletter-retention.ts).
 */
export function newsletterRetentionJob(service: Pick<NewsletterIssueService, 'retireDeliveryRecords'>): JobDefinition {
  return {
    name: NEWSLETTER_RETENTION_JOB,
    everyMs: HOUR_MS,
    // A node restarted more often than hourly (deploys) would otherwise never purge.
    atStart: true,
    leaderOnly: { ttlMs: 2 * HOUR_MS },
    failureMessage: 'clearing old newsletter messages failed; it is tried again within the hour',
    run: async ({ signal }) => {
      await service.retireDeliveryRecords(signal);
    },
  };
}
