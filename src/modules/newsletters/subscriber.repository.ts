import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NewsletterSubscribersTable } from '../../db/schema.js';
import type { GrowthDay, NewsletterKey, Recipient, Subscriber, SubscriptionState } from './newsletter.types.js';

export const SUBSCRIBED = 'subscribed';
export const UNSUBSCRIBED = 'unsubscribed';

function toSubscriber(row: NewsletterSubscribersTable): Subscriber {
  return {
    id: row.id,
    email: row.email,
    readerId: row.reader_id,
    createdAt: new Date(row.created_at),
    confirmedAt: row.confirmed_at ? new Date(row.confirmed_at) : null,
    consentAt: row.consent_at ? new Date(row.consent_at) : null,
    erased: row.erased_at !== null,
  };
}

export async function findSubscriberByEmail(db: Db, email: string): Promise<Subscriber | undefined> {
  const row = await db.selectFrom('newsletter_subscribers').selectAll().where('email_key', '=', email.toLowerCase()).executeTakeFirst();
  return row && toSubscriber(row);
}

export async function findSubscriberById(db: Db, id: string): Promise<Subscriber | undefined> {
  const row = await db.selectFrom('newsletter_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSubscriber(row);
}

export async function insertSubscriber(
  db: Db,
  row: { id: string; email: string; readerId: string | null; at: Date; confirmedAt: Date | null; consentAt: Date | null; editionId?: string | null },
): Promise<void> {
  await db
    .insertInto('newsletter_subscribers')
    .values({
      id: row.id,
      email: row.email,
      email_key: row.email.toLowerCase(),
      reader_id: row.readerId,
      created_at: row.at.toISOString(),
      confirmed_at: row.confirmedAt?.toISOString() ?? null,
      consent_at: row.consentAt?.toISOString() ?? null,
      erased_at: null,
      edition_id: row.editionId ?? null,
    })
    .onConflict((oc) => oc.column('email_key').doNothing())
    .execute();
}

/** Confirms the address; `editionId` (when given) becomes its edition: the one it last confirmed in. */
export async function markSubscriberConfirmed(db: Db, id: string, at: Date, readerId: string | null, editionId?: string | null): Promise<void> {
  const iso = at.toISOString();
  await db
    .updateTable('newsletter_subscribers')
    .set({
      confirmed_at: sql<string>`coalesce(confirmed_at, ${iso})`,
      consent_at: sql<string>`coalesce(consent_at, ${iso})`,
      ...(editionId !== undefined ? { edition_id: editionId } : {}),
    })
    .where('id', '=', id)
    .execute();
  if (readerId !== null) await db.updateTable('newsletter_subscribers').set({ reader_id: readerId }).where('id', '=', id).execute();
}

/** Empties the row's personal data; the row and its (unsubscribed) subscriptions stay for the counts. */
export async function eraseSubscriberRow(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable('newsletter_subscribers')
    .set({ email: null, email_key: null, reader_id: null, erased_at: at.toISOString() })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('newsletter_confirmations').where('subscriber_id', '=', id).execute();
}

/** A newsletter's confirmed, subscribed addresses after `afterId`, in id order: one index range. */
export async function listRecipients(db: Db, key: NewsletterKey, afterId: string | null, limit: number): Promise<Recipient[]> {
  let query = db
    .selectFrom('newsletter_subscriptions as s')
    .innerJoin('newsletter_subscribers as r', 'r.id', 's.subscriber_id')
    .select(['s.subscriber_id', 'r.email', 'r.edition_id'])
    .where('s.newsletter_key', '=', key)
    .where('s.status', '=', SUBSCRIBED)
    .where('r.confirmed_at', 'is not', null)
    .where('r.email', 'is not', null)
    .orderBy('s.subscriber_id')
    .limit(limit);
  if (afterId !== null) query = query.where('s.subscriber_id', '>', afterId);
  const rows = await query.execute();
  return rows.flatMap((row) =>
    row.email === null
      ? []
      : [{ subscriberId: row.subscriber_id, email: row.email, ...(row.edition_id !== null ? { editionId: row.edition_id } : {}) }],
  );
}

export async function listSubscriptionStates(db: Db, subscriberId: string): Promise<SubscriptionState[]> {
  const rows = await db
    .selectFrom('newsletter_subscriptions')
    .select(['newsletter_key', 'status'])
    .where('subscriber_id', '=', subscriberId)
    .orderBy('newsletter_key')
    .execute();
  return rows.map((row) => ({ key: row.newsletter_key as NewsletterKey, subscribed: row.status === SUBSCRIBED }));
}

/**
 * Subscribes or unsubscribes one address from one newsletter, and counts the change in the day's
 * row in the same transaction (callers pass one). Returns whether anything changed.
 */
export async function setSubscription(db: Db, subscriberId: string, key: NewsletterKey, subscribed: boolean, at: Date): Promise<boolean> {
  const iso = at.toISOString();
  const current = await db
    .selectFrom('newsletter_subscriptions')
    .select('status')
    .where('subscriber_id', '=', subscriberId)
    .where('newsletter_key', '=', key)
    .executeTakeFirst();
  const isSubscribed = current?.status === SUBSCRIBED;
  if (isSubscribed === subscribed) return false;
  if (!current && !subscribed) return false;
  if (!current) {
    await db
      .insertInto('newsletter_subscriptions')
      .values({ subscriber_id: subscriberId, newsletter_key: key, status: SUBSCRIBED, created_at: iso, unsubscribed_at: null })
      .execute();
  } else {
    await db
      .updateTable('newsletter_subscriptions')
      .set(subscribed ? { status: SUBSCRIBED, unsubscribed_at: null } : { status: UNSUBSCRIBED, unsubscribed_at: iso })
      .where('subscriber_id', '=', subscriberId)
      .where('newsletter_key', '=', key)
      .execute();
  }
  await countDay(db, iso.slice(0, 10), key, subscribed ? 1 : 0, subscribed ? 0 : 1);
  return true;
}

async function countDay(db: Db, day: string, key: string, subscribed: number, unsubscribed: number): Promise<void> {
  await db
    .insertInto('newsletter_daily_counts')
    .values({ day, newsletter_key: key, subscribed, unsubscribed })
    .onConflict((oc) =>
      oc.columns(['day', 'newsletter_key']).doUpdateSet({
        subscribed: sql<number>`newsletter_daily_counts.subscribed + ${subscribed}`,
        unsubscribed: sql<number>`newsletter_daily_counts.unsubscribed + ${unsubscribed}`,
      }),
    )
    .execute();
}

/** Subscribed addresses per newsletter (an index-only count per key). */
export async function countSubscribed(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('newsletter_subscriptions')
    .select(['newsletter_key', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('status', '=', SUBSCRIBED)
    .groupBy('newsletter_key')
    .execute();
  return new Map(rows.map((row) => [row.newsletter_key, Number(row.n)]));
}

/** The growth chart: per day from `sinceDay`, all newsletters together (at most a few rows per day and newsletter). */
export async function listGrowth(db: Db, sinceDay: string): Promise<GrowthDay[]> {
  const rows = await db
    .selectFrom('newsletter_daily_counts')
    .select(['day', (eb) => eb.fn.sum<number | string>('subscribed').as('s'), (eb) => eb.fn.sum<number | string>('unsubscribed').as('u')])
    .where('day', '>=', sinceDay)
    .groupBy('day')
    .orderBy('day')
    .execute();
  return rows.map((row) => ({ day: row.day, subscribed: Number(row.s), unsubscribed: Number(row.u) }));
}

/** Addresses starting with `prefix` (lower case): a range of the unique email index, at most `limit`. */
export async function searchSubscribers(db: Db, prefix: string, limit: number): Promise<Subscriber[]> {
  const rows = await db
    .selectFrom('newsletter_subscribers')
    .selectAll()
    .where('email_key', '>=', prefix)
    .where('email_key', '<', `${prefix}\uffff`)
    .orderBy('email_key')
    .limit(limit)
    .execute();
  return rows.map(toSubscriber);
}

/** Not-erased subscribers after `afterId` in id order, with their subscribed newsletters (the export). */
export async function listSubscribersPage(db: Db, afterId: string | null, limit: number): Promise<Array<Subscriber & { keys: NewsletterKey[] }>> {
  let query = db.selectFrom('newsletter_subscribers').selectAll().where('erased_at', 'is', null).orderBy('id').limit(limit);
  if (afterId !== null) query = query.where('id', '>', afterId);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const subs = await db
    .selectFrom('newsletter_subscriptions')
    .select(['subscriber_id', 'newsletter_key'])
    .where(
      'subscriber_id',
      'in',
      rows.map((row) => row.id),
    )
    .where('status', '=', SUBSCRIBED)
    .execute();
  const byId = new Map<string, NewsletterKey[]>();
  for (const sub of subs) byId.set(sub.subscriber_id, [...(byId.get(sub.subscriber_id) ?? []), sub.newsletter_key as NewsletterKey]);
  return rows.map((row) => ({ ...toSubscriber(row), keys: byId.get(row.id) ?? [] }));
}

export async function insertConfirmation(
  db: Db,
  row: { id: string; tokenHash: string; subscriberId: string; keys: NewsletterKey[]; at: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('newsletter_confirmations')
    .values({
      id: row.id,
      token_hash: row.tokenHash,
      subscriber_id: row.subscriberId,
      newsletter_keys: JSON.stringify(row.keys),
      created_at: row.at.toISOString(),
      expires_at: row.expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
}

export interface ConfirmationRow {
  id: string;
  subscriberId: string;
  keys: NewsletterKey[];
  expiresAt: Date;
  used: boolean;
}

export async function findConfirmation(db: Db, tokenHash: string): Promise<ConfirmationRow | undefined> {
  const row = await db.selectFrom('newsletter_confirmations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return undefined;
  const keys = JSON.parse(row.newsletter_keys) as NewsletterKey[];
  return { id: row.id, subscriberId: row.subscriber_id, keys, expiresAt: new Date(row.expires_at), used: row.used_at !== null };
}

/** Spends a link; false when another request spent it first. */
export async function markConfirmationUsed(db: Db, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_confirmations')
    .set({ used_at: at.toISOString() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The link-signing secret, made once by the first node to ask (the others read the same one). */
export async function linkSecret(db: Db, make: () => string, at: Date): Promise<string> {
  await db
    .insertInto('newsletter_link_keys')
    .values({ id: 'links', secret: make(), created_at: at.toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db.selectFrom('newsletter_link_keys').select('secret').where('id', '=', 'links').executeTakeFirstOrThrow();
  return row.secret;
}
