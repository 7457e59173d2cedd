// The webhooks module's public face: other modules and src/web/** import from here, never from its
// files directly. The repository and its rows stay private.
export { WebhookService, DELIVERIES_PAGE_SIZE } from './webhook.service.js';
export { WebhookDispatcher } from './webhook-dispatcher.js';
export { WebhookSender, RETRY_DELAYS_MS } from './webhook-sender.js';
export { DELIVERY_STATUSES, WEBHOOK_EVENTS } from './webhook.types.js';
export type { DeliveryEvent, DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent, WebhookFields, WebhookListItem } from './webhook.types.js';
// Its job (src/job-list.ts).
export { WEBHOOK_DELIVERY_JOB, webhookDeliveryJob } from './webhook-delivery.job.js';
// Its reaction (src/reactions.ts).
export { webhooksReaction } from './webhooks.reaction.js';
// The guard against private addresses, for other fetchers of addresses given by people (archive imports).
export { checkPublicHost } from './webhook-address.js';
