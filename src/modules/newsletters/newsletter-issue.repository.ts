import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NewsletterIssuesTable } from '../../db/schema.js';
import { ISSUE_STATUSES, type IssueItem, type IssueStatus, type NewsletterIssue } from './newsletter-issue.types.js';

type IssueRow = Selectable<NewsletterIssuesTable>;

export interface NewIssue {
  id: string;
  newsletterKey: string;
  edition: string;
  subject: string;
  intro: string;
  items: IssueItem[];
  status: IssueStatus;
  scheduledFor: Date | null;
}

/** Inserts the issue unless its newsletter already has one for `edition`; returns whether it did. */
export async function insertIssueOnce(db: Db, issue: NewIssue, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('newsletter_issues')
    .values({
      id: issue.id,
      newsletter_key: issue.newsletterKey,
      edition: issue.edition,
      number: null,
      subject: issue.subject,
      intro: issue.intro,
      items: JSON.stringify(issue.items),
      status: issue.status,
      scheduled_for: issue.scheduledFor?.toISOString() ?? null,
      started_at: null,
      sent_at: null,
      recipient_count: 0,
      cursor: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .onConflict((c) => c.columns(['newsletter_key', 'edition']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findIssue(db: Db, id: string): Promise<NewsletterIssue | undefined> {
  const row = await db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toIssue(row) : undefined;
}

export async function findIssueByEdition(db: Db, key: string, edition: string): Promise<NewsletterIssue | undefined> {
  const row = await db
    .selectFrom('newsletter_issues')
    .selectAll()
    .where('newsletter_key', '=', key)
    .where('edition', '=', edition)
    .executeTakeFirst();
  return row ? toIssue(row) : undefined;
}

export async function findSentIssueByNumber(db: Db, key: string, number: number): Promise<NewsletterIssue | undefined> {
  const row = await db
    .selectFrom('newsletter_issues')
    .selectAll()
    .where('newsletter_key', '=', key)
    .where('number', '=', number)
    .where('status', 'in', ['sending', 'sent'])
    .executeTakeFirst();
  return row ? toIssue(row) : undefined;
}

/** Newest first. */
export async function listIssues(db: Db, limit: number): Promise<NewsletterIssue[]> {
  const rows = await db.selectFrom('newsletter_issues').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toIssue);
}

/** A newsletter's issues that went out, newest number first (the public archive). */
export async function listSentIssues(db: Db, key: string, limit: number): Promise<NewsletterIssue[]> {
  const rows = await db
    .selectFrom('newsletter_issues')
    .selectAll()
    .where('newsletter_key', '=', key)
    .where('status', 'in', ['sending', 'sent'])
    .orderBy('number', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toIssue);
}

/** Writes an editor's changes; false when the issue has left draft/scheduled meanwhile. */
export async function updateEditable(
  db: Db,
  id: string,
  changes: { subject: string; intro: string; items: IssueItem[]; status?: IssueStatus },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_issues')
    .set({
      subject: changes.subject,
      intro: changes.intro,
      items: JSON.stringify(changes.items),
      ...(changes.status ? { status: changes.status } : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('status', 'in', ['draft', 'scheduled'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Holds an issue (`at` null: a draft, sent only by hand) or puts it on the schedule for `at`; only
 * before it starts sending. Returns whether it changed.
 */
export async function setSchedule(db: Db, id: string, at: Date | null, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('newsletter_issues')
    .set({ status: at ? 'scheduled' : 'draft', scheduled_for: at?.toISOString() ?? null, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', 'in', ['draft', 'scheduled'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Starts sending: the next number of its newsletter, status `sending`. Only from draft/scheduled,
 * so two starts (a click and the schedule) begin it once. Returns whether this call started it.
 */
export async function markSending(trx: Db, id: string, key: string, now: Date): Promise<boolean> {
  const last = await trx
    .selectFrom('newsletter_issues')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('newsletter_key', '=', key)
    .executeTakeFirst();
  const next = Number(last?.last ?? 0) + 1;
  const result = await trx
    .updateTable('newsletter_issues')
    .set({ status: 'sending', number: next, started_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', 'in', ['draft', 'scheduled'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Scheduled issues whose time has come, oldest first. */
export async function listDueScheduled(db: Db, now: Date, limit: number): Promise<Array<{ id: string; newsletterKey: string }>> {
  const rows = await db
    .selectFrom('newsletter_issues')
    .select(['id', 'newsletter_key'])
    .where('status', '=', 'scheduled')
    .where('scheduled_for', '<=', now.toISOString())
    .orderBy('scheduled_for')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, newsletterKey: row.newsletter_key }));
}

export async function listSendingIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('newsletter_issues').select('id').where('status', '=', 'sending').orderBy('started_at').execute();
  return rows.map((row) => row.id);
}

/** The fan-out's resume point and count. */
export async function readCursor(db: Db, id: string): Promise<{ cursor: string | null; status: string } | undefined> {
  return db.selectFrom('newsletter_issues').select(['cursor', 'status']).where('id', '=', id).executeTakeFirst();
}

/**
 * Moves the cursor past one batch, in the batch's transaction, only if it is still where the batch
 * began: a second fan-out of the same issue (it should not happen; one node runs the job) rolls back.
 */
export async function advanceCursor(trx: Db, id: string, from: string | null, to: string, added: number, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('newsletter_issues')
    .set((eb) => ({ cursor: to, recipient_count: eb('recipient_count', '+', added), updated_at: now.toISOString() }))
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where((eb) => (from === null ? eb('cursor', 'is', null) : eb('cursor', '=', from)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * An imported issue's recipients, all delivered (its messages went out before the import, so no
 * cursor moved and the queue holds none of them).
 */
export async function recordImportedRecipients(trx: Db, id: string, count: number, at: Date): Promise<void> {
  await trx
    .updateTable('newsletter_issues')
    .set({ recipient_count: count, delivered_count: count, failed_count: 0, records_purged_at: at.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/** Sent issues, sent before `before`, whose messages are still in the mail queue: oldest first. */
export async function listIssuesWithRecords(db: Db, before: Date, limit: number): Promise<Array<{ id: string; kept: boolean }>> {
  const rows = await db
    .selectFrom('newsletter_issues')
    .select(['id', 'delivered_count'])
    .where('status', '=', 'sent')
    .where('records_purged_at', 'is', null)
    .where('sent_at', '<', before.toISOString())
    .orderBy('sent_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, kept: row.delivered_count !== null }));
}

/** Keeps the delivery counts on the issue, once: the first counts kept are the ones that stay. */
export async function keepCounts(db: Db, id: string, counts: { sent: number; failed: number }): Promise<void> {
  await db
    .updateTable('newsletter_issues')
    .set({ delivered_count: counts.sent, failed_count: counts.failed })
    .where('id', '=', id)
    .where('delivered_count', 'is', null)
    .execute();
}

export async function markRecordsPurged(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('newsletter_issues').set({ records_purged_at: at.toISOString() }).where('id', '=', id).execute();
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('newsletter_issues')
    .set({ status: 'sent', sent_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

function toIssue(row: IssueRow): NewsletterIssue {
  return {
    id: row.id,
    newsletterKey: row.newsletter_key,
    edition: row.edition,
    number: row.number === null ? null : Number(row.number),
    subject: row.subject,
    intro: row.intro,
    items: parseItems(row.items),
    status: (ISSUE_STATUSES as readonly string[]).includes(row.status) ? (row.status as IssueStatus) : 'draft',
    scheduledFor: row.scheduled_for === null ? null : new Date(row.scheduled_for),
    startedAt: row.started_at === null ? null : new Date(row.started_at),
    sentAt: row.sent_at === null ? null : new Date(row.sent_at),
    recipientCount: Number(row.recipient_count),
    keptCounts: row.delivered_count === null ? null : { sent: Number(row.delivered_count), failed: Number(row.failed_count ?? 0) },
    createdAt: new Date(row.created_at),
  };
}

function parseItems(json: string): IssueItem[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as IssueItem[]) : [];
  } catch {
    return [];
  }
}
