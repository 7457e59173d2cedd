import type { JobDefinition } from '../../shared/jobs/job.types.js';
import { SEND_INTERVAL_MS, type MailSender } from './mail-sender.js';

export const MAIL_DELIVERY_JOB = 'mail-delivery';

/**
 * Sends queued mail: at start (what was queued before a restart, and what a crashed sender held
 * once its lease lapses), then every second, one batch a run. Several nodes: one node at a time
 * sends, so MAIL_RATE_PER_MINUTE holds for the whole site; each message is also claimed with a
 * lease, so even overlapping senders (a lock handed over mid-run) never send one twice. A run
 * stops between messages when the node stops, handing back what it did not try.
 */
export function mailDeliveryJob(sender: Pick<MailSender, 'runDue'>): JobDefinition {
  return {
    name: MAIL_DELIVERY_JOB,
    everyMs: SEND_INTERVAL_MS,
    atStart: true,
    leaderOnly: { ttlMs: 30_000 },
    failureMessage: 'sending mail failed; queued messages are tried again',
    run: async ({ signal }) => {
      await sender.runDue(signal);
    },
  };
}
