import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LiveCoverageTable, LiveUpdatesTable } from '../../db/schema.js';
import { parseStoredBody } from '../../shared/article-body.js';
import type { LiveCoverage, LiveUpdate } from './live.types.js';

type CoverageRow = Omit<Selectable<LiveCoverageTable>, 'created_at'>;
type UpdateRow = Selectable<LiveUpdatesTable>;

const COVERAGE_COLUMNS = ['article_id', 'summary', 'last_sequence', 'summary_sequence', 'ended_at', 'ended_sequence'] as const;
const UPDATE_COLUMNS = [
  'id',
  'article_id',
  'sequence',
  'body',
  'source',
  'author_name',
  'author_id',
  'user_id',
  'key_event',
  'pinned',
  'created_at',
  'edited_at',
  'deleted_at',
] as const;

export async function findCoverage(db: Db, articleId: string): Promise<LiveCoverage | undefined> {
  const row = await db.selectFrom('live_coverage').select(COVERAGE_COLUMNS).where('article_id', '=', articleId).executeTakeFirst();
  return row ? toCoverage(row) : undefined;
}

/** Makes the story's coverage row if it has none yet (its first change). */
export async function ensureCoverage(db: Db, articleId: string, now: Date): Promise<void> {
  await db
    .insertInto('live_coverage')
    .values({ article_id: articleId, created_at: now.toISOString() })
    .onConflict((conflict) => conflict.column('article_id').doNothing())
    .execute();
}

/**
 * Takes the story's next change number. The UPDATE locks the coverage row until the transaction
 * ends, so two reporters posting at once commit in the order of their numbers.
 */
export async function nextSequence(db: Db, articleId: string): Promise<number> {
  const row = await db
    .updateTable('live_coverage')
    .set((eb) => ({ last_sequence: eb('last_sequence', '+', 1) }))
    .where('article_id', '=', articleId)
    .returning('last_sequence')
    .executeTakeFirstOrThrow();
  return Number(row.last_sequence);
}

export async function saveSummary(db: Db, articleId: string, summary: readonly string[], sequence: number): Promise<void> {
  await db
    .updateTable('live_coverage')
    .set({ summary: JSON.stringify(summary), summary_sequence: sequence })
    .where('article_id', '=', articleId)
    .execute();
}

export async function markEnded(db: Db, articleId: string, endedAt: Date, sequence: number): Promise<void> {
  await db
    .updateTable('live_coverage')
    .set({ ended_at: endedAt.toISOString(), ended_sequence: sequence })
    .where('article_id', '=', articleId)
    .execute();
}

export interface NewUpdateRow {
  id: string;
  articleId: string;
  sequence: number;
  body: string;
  source: string;
  authorName: string;
  authorId: string | null;
  userId: string;
  keyEvent: boolean;
  pinned: boolean;
  createdAt: Date;
}

export async function insertUpdate(db: Db, row: NewUpdateRow): Promise<void> {
  await db
    .insertInto('live_updates')
    .values({
      id: row.id,
      article_id: row.articleId,
      sequence: row.sequence,
      body: row.body,
      source: row.source,
      author_name: row.authorName,
      author_id: row.authorId,
      user_id: row.userId,
      key_event: row.keyEvent ? 1 : 0,
      pinned: row.pinned ? 1 : 0,
      created_at: row.createdAt.toISOString(),
    })
    .execute();
}

export async function updateUpdate(
  db: Db,
  id: string,
  change: { sequence: number; body: string; source: string; keyEvent: boolean; pinned: boolean; editedAt: Date },
): Promise<void> {
  await db
    .updateTable('live_updates')
    .set({
      sequence: change.sequence,
      body: change.body,
      source: change.source,
      key_event: change.keyEvent ? 1 : 0,
      pinned: change.pinned ? 1 : 0,
      edited_at: change.editedAt.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function markUpdateDeleted(db: Db, id: string, sequence: number, deletedAt: Date): Promise<void> {
  await db.updateTable('live_updates').set({ sequence, deleted_at: deletedAt.toISOString() }).where('id', '=', id).execute();
}

/** One update of the story, deleted or not. */
export async function findUpdate(db: Db, articleId: string, id: string): Promise<LiveUpdate | undefined> {
  const row = await db.selectFrom('live_updates').select(UPDATE_COLUMNS).where('article_id', '=', articleId).where('id', '=', id).executeTakeFirst();
  return row ? toUpdate(row) : undefined;
}

/** Every update changed after `sequence` (deleted ones included), oldest change first: live_updates_sequence_idx. */
export async function listChangedUpdates(db: Db, articleId: string, sequence: number, limit: number): Promise<LiveUpdate[]> {
  const rows = await db
    .selectFrom('live_updates')
    .select(UPDATE_COLUMNS)
    .where('article_id', '=', articleId)
    .where('sequence', '>', sequence)
    .orderBy('sequence', 'asc')
    .limit(limit)
    .execute();
  return rows.map(toUpdate);
}

/**
 * Visible updates, newest first: the pinned ones, or a page of the others before a cursor (the
 * creation time and id of the last one shown). live_updates_page_idx serves both.
 */
export async function listVisibleUpdates(
  db: Db,
  articleId: string,
  options: { pinned: boolean; limit: number; before?: { createdAt: string; id: string } | undefined },
): Promise<LiveUpdate[]> {
  let query = db
    .selectFrom('live_updates')
    .select(UPDATE_COLUMNS)
    .where('article_id', '=', articleId)
    .where('pinned', '=', options.pinned ? 1 : 0)
    .where('deleted_at', 'is', null);
  const before = options.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', before.createdAt), eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)])]),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map(toUpdate);
}

/** The newest visible key events: live_updates_key_idx. */
export async function listKeyEvents(db: Db, articleId: string, limit: number): Promise<LiveUpdate[]> {
  const rows = await db
    .selectFrom('live_updates')
    .select(UPDATE_COLUMNS)
    .where('article_id', '=', articleId)
    .where('key_event', '=', 1)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toUpdate);
}

/** Where an update sits in the page order, for a cursor. */
export async function findUpdatePosition(db: Db, articleId: string, id: string): Promise<{ createdAt: string; id: string } | undefined> {
  const row = await db
    .selectFrom('live_updates')
    .select(['created_at', 'id'])
    .where('article_id', '=', articleId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { createdAt: row.created_at, id: row.id } : undefined;
}

function toCoverage(row: CoverageRow): LiveCoverage {
  return {
    articleId: row.article_id,
    summary: parseSummary(row.summary),
    lastSequence: Number(row.last_sequence),
    summarySequence: Number(row.summary_sequence),
    endedAt: row.ended_at ? new Date(row.ended_at) : null,
    endedSequence: Number(row.ended_sequence),
  };
}

function parseSummary(stored: string): string[] {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((point): point is string => typeof point === 'string') : [];
}

function toUpdate(row: UpdateRow): LiveUpdate {
  return {
    id: row.id,
    articleId: row.article_id,
    sequence: Number(row.sequence),
    body: parseStoredBody(row.body),
    source: row.source,
    authorName: row.author_name,
    authorId: row.author_id,
    userId: row.user_id,
    keyEvent: Number(row.key_event) === 1,
    pinned: Number(row.pinned) === 1,
    createdAt: new Date(row.created_at),
    editedAt: row.edited_at ? new Date(row.edited_at) : null,
    deletedAt: row.deleted_at ? new Date(row.deleted_at) : null,
  };
}
