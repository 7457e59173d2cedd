import type { JobDefinition } from '../../shared/jobs/job.types.js';
import { SEND_INTERVAL_MS, type MailSender } from './mail-sender.js';

export const MAIL_DELIVERY_JOB = 'mail-delivery';
/** How long one run keeps claiming batches before handing the node back to the job runner. */
const RUN_SLICE_MS = 10_000;

/**
 * Sends queued mail: at start (what was queued before a restart, and what a crashed sender held
 * once its lease lapses), then every second, one batch a run. Several nodes: one node at a time
 * sends, so MAIL_RATE_PER_MINUTE holds for the whole site; each message is also claimed with a
 * lease, so even overlapping senders (a lock handed over mid-run) never send one twice. A run
 * claims batch after batch for up to 10 s while mail is due, and stops between messages when the
 * node stops, handing back what it did not try.
 */
export function mailDeliveryJob(sender: Pick<MailSender, 'runDue'>): JobDefinition {
  return {
    name: MAIL_DELIVERY_JOB,
    everyMs: SEND_INTERVAL_MS,
    atStart: true,
    leaderOnly: { ttlMs: 30_000 },
    failureMessage: 'sending mail failed; queued messages are tried again',
    run: async ({ signal }) => {
      // Batch after batch while mail is due, up to a few seconds a run: one batch a second would cap
      // a newsletter at ~50 messages a second whatever MAIL_RATE_PER_MINUTE allows.
      const started = Date.now();
      while ((await sender.runDue(signal)) > 0 && !signal.aborted && Date.now() - started < RUN_SLICE_MS);
    },
  };
}
