import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MailMessagesTable } from '../../db/schema.js';
import { MAIL_STATUSES, type MailMessage, type MailStatus, type MailSummary, type OutgoingMail } from './mail.types.js';

export async function insertMessage(db: Db, id: string, mail: OutgoingMail, now: Date): Promise<void> {
  await db
    .insertInto('mail_messages')
    .values({
      id,
      kind: mail.kind,
      to_address: mail.to,
      to_name: mail.toName ?? null,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: JSON.stringify(mail.headers ?? {}),
      batch_id: mail.batchId ?? null,
      status: 'queued',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      lease_token: null,
      lease_until: null,
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
    })
    .execute();
}

export async function findMessage(db: Db, id: string): Promise<MailMessage | undefined> {
  const row = await db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMessage(row) : undefined;
}

export function toStatus(value: string): MailStatus {
  return (MAIL_STATUSES as readonly string[]).includes(value) ? (value as MailStatus) : 'queued';
}

export function toSummary(row: Omit<Selectable<MailMessagesTable>, 'html' | 'text' | 'headers' | 'lease_token' | 'lease_until'>): MailSummary {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    toName: row.to_name,
    subject: row.subject,
    batchId: row.batch_id,
    status: toStatus(row.status),
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at === null ? null : new Date(row.next_attempt_at),
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    sentAt: row.sent_at === null ? null : new Date(row.sent_at),
  };
}

export function toMessage(row: Selectable<MailMessagesTable>): MailMessage {
  return { ...toSummary(row), html: row.html, text: row.text, headers: parseHeaders(row.headers) };
}

export function parseHeaders(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

/** A claimed message, as the sender needs it. */
export interface ClaimedMessage {
  id: string;
  to: string;
  toName: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  attempts: number;
  createdAt: string;
}

/**
 * Takes up to `limit` due messages for one sender, in one UPDATE: queued ones whose time has come,
 * and `sending` ones whose lease lapsed (their sender died). Each row's condition is checked again
 * as the row is written (PostgreSQL re-reads a row another transaction just changed; SQLite writes
 * one transaction at a time), so two senders never take the same message. `next_attempt_at` moves
 * to the lease's end: the row is due again only if this sender dies with it.
 */
export async function claimDue(db: Db, token: string, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]> {
  const nowText = now.toISOString();
  // One index range per status, read in the index's order (no sort of every due row): lapsed claims
  // first (few), then queued mail, oldest due first.
  const due = (status: 'sending' | 'queued', count: number) =>
    db
      .selectFrom('mail_messages')
      .select('id')
      .where('status', '=', status)
      .where('next_attempt_at', '<=', nowText)
      .orderBy('next_attempt_at')
      .limit(count)
      .execute();
  const lapsed = await due('sending', limit);
  const queued = lapsed.length < limit ? await due('queued', limit - lapsed.length) : [];
  const ids = [...lapsed, ...queued].map((row) => row.id);
  if (ids.length === 0) return [];
  await db
    .updateTable('mail_messages')
    .set({ status: 'sending', lease_token: token, lease_until: leaseUntil.toISOString(), next_attempt_at: leaseUntil.toISOString() })
    .where('id', 'in', ids)
    // Checked again as each row is written, so two senders never take one message; written as
    // expressions so that SQLite finds the rows by id rather than by the due index (a scan of every
    // due message per claim: 140 ms a batch at 30,000 queued).
    .where(sql<string>`(status || '')`, 'in', ['queued', 'sending'])
    .where(sql<string>`(next_attempt_at || '')`, '<=', nowText)
    .execute();
  const rows = await db
    .selectFrom('mail_messages')
    .select(['id', 'to_address', 'to_name', 'subject', 'html', 'text', 'headers', 'attempts', 'created_at'])
    .where('id', 'in', ids)
    .where('lease_token', '=', token)
    .where('status', '=', 'sending')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    to: row.to_address,
    toName: row.to_name,
    subject: row.subject,
    html: row.html,
    text: row.text,
    headers: parseHeaders(row.headers),
    attempts: row.attempts,
    createdAt: row.created_at,
  }));
}

/** The server took the message: written at once, so a crash after it re-sends nothing but the one in flight. */
export async function markSent(db: Db, id: string, token: string, attempts: number, at: Date): Promise<void> {
  await db
    .updateTable('mail_messages')
    .set({ status: 'sent', attempts, sent_at: at.toISOString(), next_attempt_at: null, lease_token: null, lease_until: null, last_error: null })
    .where('id', '=', id)
    .where('lease_token', '=', token)
    .execute();
}

/** A failed attempt: queued again at `retryAt`, or given up (`failed`) when it is null. */
export async function markFailedAttempt(
  db: Db,
  id: string,
  token: string,
  outcome: { attempts: number; error: string; retryAt: Date | null },
): Promise<void> {
  await db
    .updateTable('mail_messages')
    .set({
      status: outcome.retryAt === null ? 'failed' : 'queued',
      attempts: outcome.attempts,
      last_error: outcome.error,
      next_attempt_at: outcome.retryAt?.toISOString() ?? null,
      lease_token: null,
      lease_until: null,
    })
    .where('id', '=', id)
    .where('lease_token', '=', token)
    .execute();
}

/** Hands back what this sender claimed and did not try, due at `dueAt`, its attempts unchanged. */
export async function releaseClaimed(db: Db, token: string, dueAt: Date): Promise<void> {
  await db
    .updateTable('mail_messages')
    .set({ status: 'queued', next_attempt_at: dueAt.toISOString(), lease_token: null, lease_until: null })
    .where('lease_token', '=', token)
    .where('status', '=', 'sending')
    .execute();
}

/** Extends this sender's claim on what it still holds; false when it holds nothing any more. */
export async function renewLease(db: Db, token: string, leaseUntil: Date): Promise<boolean> {
  const result = await db
    .updateTable('mail_messages')
    .set({ lease_until: leaseUntil.toISOString(), next_attempt_at: leaseUntil.toISOString() })
    .where('lease_token', '=', token)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A page of the Outbox, newest first, after the (created_at, id) of the last row of the page before. */
export async function listMessages(
  db: Db,
  options: { status: MailStatus | undefined; after: { createdAt: string; id: string } | undefined; limit: number },
): Promise<MailSummary[]> {
  let query = db
    .selectFrom('mail_messages')
    .select([
      'id',
      'kind',
      'to_address',
      'to_name',
      'subject',
      'batch_id',
      'status',
      'attempts',
      'next_attempt_at',
      'last_error',
      'created_at',
      'sent_at',
    ]);
  if (options.status) query = query.where('status', '=', options.status);
  const after = options.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map(toSummary);
}

/** How many messages are in each status. */
export async function countByStatus(db: Db, batchId?: string): Promise<Record<MailStatus, number>> {
  let query = db
    .selectFrom('mail_messages')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .groupBy('status');
  if (batchId !== undefined) query = query.where('batch_id', '=', batchId);
  const rows = await query.execute();
  const counts: Record<MailStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[toStatus(row.status)] += Number(row.n);
  return counts;
}

/**
 * Deletes up to `limit` finished one-to-one messages (no batch; sent or failed) created before
 * `before`, oldest first, by the finished index; returns how many.
 */
export async function deleteFinishedOneToOne(db: Db, before: Date, limit: number): Promise<number> {
  const ids = await db
    .selectFrom('mail_messages')
    .select('id')
    .where('batch_id', 'is', null)
    .where('status', 'in', ['sent', 'failed'])
    .where('created_at', '<', before.toISOString())
    .orderBy('batch_id')
    .orderBy('status')
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return deleteMessagesById(db, ids);
}

/** Deletes up to `limit` finished messages of one batch (the `(batch_id, status, created_at)` index); returns how many. */
export async function deleteFinishedOfBatch(db: Db, batchId: string, limit: number): Promise<number> {
  const ids = await db
    .selectFrom('mail_messages')
    .select('id')
    .where('batch_id', '=', batchId)
    .where('status', 'in', ['sent', 'failed'])
    .limit(limit)
    .execute();
  return deleteMessagesById(db, ids);
}

/** Deletes the messages with these ids (a page picked by a select, so the delete is bounded); returns how many. */
async function deleteMessagesById(db: Db, ids: ReadonlyArray<{ id: string }>): Promise<number> {
  if (ids.length === 0) return 0;
  await db
    .deleteFrom('mail_messages')
    .where(
      'id',
      'in',
      ids.map((row) => row.id),
    )
    .execute();
  return ids.length;
}

/** Deletes every message to an address, whatever its state; returns how many. */
export async function deleteMessagesTo(db: Db, address: string): Promise<number> {
  const result = await db.deleteFrom('mail_messages').where('to_address', '=', address).executeTakeFirst();
  return Number(result.numDeletedRows);
}
