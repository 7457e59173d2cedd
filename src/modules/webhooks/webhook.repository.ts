import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { WebhookDeliveriesTable, WebhooksTable } from '../../db/schema.js';
import { WEBHOOK_EVENTS, type DeliveryStatus, type Webhook, type WebhookDelivery, type WebhookEvent } from './webhook.types.js';

/** A delivery the sender is about to make: the stored body and where and how to send it. */
export interface DueDelivery {
  id: string;
  event: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
}

export interface NewDelivery {
  id: string;
  webhookId: string;
  event: string;
  articleId: string | null;
  payload: string;
  createdAt: Date;
}

export async function insertWebhook(
  db: Db,
  webhook: { id: string; name: string; url: string; secret: string; events: readonly string[]; createdByUserId: string | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto('webhooks')
    .values({
      id: webhook.id,
      name: webhook.name,
      url: webhook.url,
      secret: webhook.secret,
      events: JSON.stringify(webhook.events),
      active: 1,
      created_by_user_id: webhook.createdByUserId,
      created_at: now.toISOString(),
    })
    .execute();
}

export async function updateWebhook(db: Db, id: string, fields: { name: string; url: string; events: readonly string[] }): Promise<boolean> {
  const result = await db
    .updateTable('webhooks')
    .set({ name: fields.name, url: fields.url, events: JSON.stringify(fields.events) })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setWebhookActive(db: Db, id: string, active: boolean): Promise<boolean> {
  const result = await db
    .updateTable('webhooks')
    .set({ active: active ? 1 : 0 })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setWebhookSecret(db: Db, id: string, secret: string): Promise<boolean> {
  const result = await db.updateTable('webhooks').set({ secret }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes the webhook and its log (explicitly: SQLite enforces the cascade only with foreign keys on). */
export async function deleteWebhook(db: Db, id: string): Promise<boolean> {
  await db.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
  const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function findWebhookById(db: Db, id: string): Promise<Webhook | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toWebhook(row) : undefined;
}

/** Every webhook, oldest first: a publication has a handful, so no paging. */
export async function listWebhooks(db: Db): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toWebhook);
}

/** Active webhooks subscribed to `event` (the list is short; the JSON array is read here). */
export async function listActiveWebhooksFor(db: Db, event: WebhookEvent): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().where('active', '=', 1).orderBy('created_at').execute();
  return rows.map(toWebhook).filter((webhook) => webhook.events.includes(event));
}

export async function latestDelivery(db: Db, webhookId: string): Promise<WebhookDelivery | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toDelivery(row) : undefined;
}

export async function insertDeliveries(db: Db, deliveries: readonly NewDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      deliveries.map((delivery) => ({
        id: delivery.id,
        webhook_id: delivery.webhookId,
        event: delivery.event,
        article_id: delivery.articleId,
        payload: delivery.payload,
        status: 'pending',
        attempts: 0,
        next_attempt_at: delivery.createdAt.toISOString(),
        created_at: delivery.createdAt.toISOString(),
      })),
    )
    .execute();
}

/** One webhook's log, newest first. */
export async function listDeliveries(db: Db, webhookId: string, options: { limit: number; offset: number }): Promise<WebhookDelivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return rows.map(toDelivery);
}

export async function countDeliveries(db: Db, webhookId: string): Promise<number> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('webhook_id', '=', webhookId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findDelivery(db: Db, webhookId: string, id: string): Promise<WebhookDelivery | undefined> {
  const row = await db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).where('id', '=', id).executeTakeFirst();
  return row ? toDelivery(row) : undefined;
}

/**
 * Pending deliveries whose time has come, oldest first. A disabled webhook's deliveries wait until
 * it is enabled again; a test delivery (`ping`) is sent whatever the switch says.
 */
export async function findDueDeliveries(db: Db, now: Date, limit: number): Promise<DueDelivery[]> {
  return db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.event',
      'webhook_deliveries.payload',
      'webhook_deliveries.attempts',
      'webhooks.url',
      'webhooks.secret',
    ])
    .where('webhook_deliveries.status', '=', 'pending')
    .where('webhook_deliveries.next_attempt_at', '<=', now.toISOString())
    .where((eb) => eb.or([eb('webhooks.active', '=', 1), eb('webhook_deliveries.event', '=', 'ping')]))
    .orderBy('webhook_deliveries.next_attempt_at')
    .limit(limit)
    .execute();
}

/**
 * Takes a due delivery for one sender: one conditional UPDATE moves its time to the end of the
 * lease, so a second sender (another process, or an overlapping run) finds it not due and skips
 * it. If the sender dies mid-send, the lease runs out and the delivery is tried again.
 */
export async function claimDelivery(db: Db, id: string, now: Date, leaseUntil: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: leaseUntil.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The outcome of one attempt: delivered, retried at `nextAttemptAt`, or given up (`failed`). */
export async function recordAttempt(
  db: Db,
  id: string,
  outcome: { status: DeliveryStatus; attempts: number; statusCode: number | null; error: string | null; nextAttemptAt: Date | null; at: Date },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      next_attempt_at: outcome.nextAttemptAt?.toISOString() ?? null,
      delivered_at: outcome.status === 'delivered' ? outcome.at.toISOString() : null,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Puts a failed delivery back in the queue, due now, with a fresh set of attempts. */
export async function requeueFailedDelivery(db: Db, webhookId: string, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now.toISOString(), delivered_at: null })
    .where('id', '=', id)
    .where('webhook_id', '=', webhookId)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function toWebhook(row: Selectable<WebhooksTable>): Webhook {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    secret: row.secret,
    events: parseEvents(row.events),
    active: Number(row.active) === 1,
    createdAt: new Date(row.created_at),
  };
}

function parseEvents(stored: string): WebhookEvent[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? WEBHOOK_EVENTS.filter((event) => value.includes(event)) : [];
  } catch {
    return [];
  }
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    event: row.event,
    articleId: row.article_id,
    headline: headlineOf(row.payload),
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at ? new Date(row.next_attempt_at) : null,
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    deliveredAt: row.delivered_at ? new Date(row.delivered_at) : null,
  };
}

/** The story's headline as it was sent: the log outlives a deleted story, so it is read from the payload. */
function headlineOf(payload: string): string | null {
  try {
    const value = JSON.parse(payload) as { article?: { headline?: unknown } };
    return typeof value.article?.headline === 'string' ? value.article.headline : null;
  } catch {
    return null;
  }
}
