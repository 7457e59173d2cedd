import type { JobDefinition } from '../../shared/jobs/job.types.js';
import type { NewsletterIssueService } from './newsletter-issue.service.js';

export const NEWSLETTER_SEND_JOB = 'newsletter-send';
export const NEWSLETTER_SEND_INTERVAL_MS = 15_000;

/**
 * At start (an issue a stop or a crash left half fanned out carries on from its cursor), every 15
 * seconds (the briefing's and weeklies' set time), and when an editor sends an issue. One node at a
 * time, so an issue is fanned out by one run; its cursor makes a resumed run start where the last
 * committed batch ended.
 */
export function newsletterSendJob(service: Pick<NewsletterIssueService, 'runDue'>): JobDefinition {
  return {
    name: NEWSLETTER_SEND_JOB,
    everyMs: NEWSLETTER_SEND_INTERVAL_MS,
    atStart: true,
    leaderOnly: { ttlMs: 60_000 },
    failureMessage: 'sending newsletters failed; issues carry on at the next run',
    run: async ({ signal }) => {
      await service.runDue(signal);
    },
  };
}
