import type { JobDefinition } from '../../shared/jobs/job.types.js';
import { SEND_INTERVAL_MS, type WebhookSender } from './webhook-sender.js';

export const WEBHOOK_DELIVERY_JOB = 'webhook-delivery';

/**
 * Sends due webhook deliveries: at start (whatever was queued before a restart), then every 2
 * seconds. A slow run (a receiver near its timeout) is never overlapped by the next tick, and the
 * node stops only after a send in progress has recorded its outcome. Every node sends: each
 * delivery is claimed with a lease first, so one node sends it.
 */
export function webhookDeliveryJob(sender: Pick<WebhookSender, 'runDue'>): JobDefinition {
  return {
    name: WEBHOOK_DELIVERY_JOB,
    everyMs: SEND_INTERVAL_MS,
    atStart: true,
    failureMessage: 'sending webhooks failed; pending deliveries are retried',
    run: async () => {
      await sender.runDue();
    },
  };
}
