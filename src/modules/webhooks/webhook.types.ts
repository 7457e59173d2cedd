/** The events a webhook may subscribe to; `ping` is the newsroom's test delivery, sent on request only. */
export const WEBHOOK_EVENTS = ['story.published', 'story.updated', 'story.unpublished'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export type DeliveryEvent = WebhookEvent | 'ping';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Webhook {
  id: string;
  name: string;
  url: string;
  /** The HMAC key; shown to admins only, so they can configure the receiver. */
  secret: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: Date;
}

/** A webhook as the newsroom's list shows it, with how its latest delivery went. */
export interface WebhookListItem extends Webhook {
  lastDelivery: { status: DeliveryStatus; at: Date; statusCode: number | null } | null;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  event: string;
  articleId: string | null;
  /** The story's headline as sent (read from the payload), for the log. */
  headline: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** What an admin submits for a webhook; checked by `WebhookService`. */
export interface WebhookFields {
  name: string;
  url: string;
  events: string[];
}
