import type { Db } from '../../db/database.js';
import { articleRefs } from '../articles/index.js';
import type { QueueView } from './comment.types.js';

/**
 * The newsroom's comment SQL: the moderation queue and the status changes editors make. What
 * readers post and read lives in comment.repository.ts; both keep `articles.comment_count` right
 * through refreshCommentCount (comment-count.repository.ts).
 */

export const COMMENT_STATUSES = ['published', 'pending', 'hidden', 'deleted'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** One comment as the moderation queue shows it, with its reader and its story. */
export interface QueueComment {
  id: string;
  body: string;
  status: CommentStatus;
  heldReason: 'pre-moderation' | 'blocklist' | null;
  createdAt: Date;
  reportCount: number;
  isReply: boolean;
  reader: { id: string; displayName: string; email: string; deleted: boolean; banned: boolean };
  article: { id: string; slug: string; headline: string };
}

/** What a moderation step needs to decide whether it is allowed. */
export interface CommentState {
  id: string;
  articleId: string;
  readerId: string;
  status: CommentStatus;
  reportCount: number;
  readerBanned: boolean;
}

/** Comments a view holds; reported means still visible (or waiting) and reported at least once. */
function queueQuery(db: Db, view: QueueView) {
  let query = db.selectFrom('comments');
  if (view === 'pending') query = query.where('comments.status', '=', 'pending');
  if (view === 'reported') query = query.where('comments.status', 'in', ['published', 'pending']).where('comments.report_count', '>', 0);
  return query;
}

/**
 * One page of a queue view. Pending: oldest first (first come, first served); reported: most
 * reported first, then oldest; all: newest first. The id breaks ties so pages never overlap.
 */
export async function listQueue(db: Db, view: QueueView, page: { limit: number; offset: number }): Promise<QueueComment[]> {
  let query = queueQuery(db, view)
    .innerJoin('readers', 'readers.id', 'comments.reader_id')
    .innerJoin(articleRefs(db).as('story'), 'story.id', 'comments.article_id')
    .select([
      'comments.id',
      'comments.body',
      'comments.status',
      'comments.held_reason',
      'comments.created_at',
      'comments.report_count',
      'comments.parent_id',
      'readers.id as reader_id',
      'readers.display_name',
      'readers.email',
      'readers.deleted_at',
      'readers.banned_at',
      'story.id as article_id',
      'story.slug',
      'story.headline',
    ]);
  if (view === 'pending') query = query.orderBy('comments.created_at', 'asc');
  if (view === 'reported') query = query.orderBy('comments.report_count', 'desc').orderBy('comments.created_at', 'asc');
  if (view === 'all') query = query.orderBy('comments.created_at', 'desc');
  const rows = await query.orderBy('comments.id').limit(page.limit).offset(page.offset).execute();
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    status: row.status as CommentStatus,
    heldReason: row.held_reason === 'pre-moderation' || row.held_reason === 'blocklist' ? row.held_reason : null,
    createdAt: new Date(row.created_at),
    reportCount: Number(row.report_count),
    isReply: row.parent_id !== null,
    reader: { id: row.reader_id, displayName: row.display_name, email: row.email, deleted: row.deleted_at !== null, banned: row.banned_at !== null },
    article: { id: row.article_id, slug: row.slug, headline: row.headline },
  }));
}

/** How many comments a view holds. */
export async function countQueue(db: Db, view: QueueView): Promise<number> {
  const row = await queueQuery(db, view)
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function findCommentState(db: Db, id: string): Promise<CommentState | undefined> {
  const row = await db
    .selectFrom('comments')
    .innerJoin('readers', 'readers.id', 'comments.reader_id')
    .select(['comments.id', 'comments.article_id', 'comments.reader_id', 'comments.status', 'comments.report_count', 'readers.banned_at'])
    .where('comments.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    articleId: row.article_id,
    readerId: row.reader_id,
    status: row.status as CommentStatus,
    reportCount: Number(row.report_count),
    readerBanned: row.banned_at !== null,
  };
}

/**
 * Moves a comment from one status to another only while it is still in `from`, so two editors
 * acting at once cannot both succeed (nor undo a reader deleting their own comment). Returns
 * whether it moved.
 */
export async function transitionCommentStatus(db: Db, id: string, from: CommentStatus, to: CommentStatus): Promise<boolean> {
  const result = await db.updateTable('comments').set({ status: to }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Forgets every report of a comment. Returns how many there were. */
export async function clearCommentReports(db: Db, id: string): Promise<number> {
  const result = await db.deleteFrom('comment_reports').where('comment_id', '=', id).executeTakeFirst();
  await db.updateTable('comments').set({ report_count: 0 }).where('id', '=', id).execute();
  return Number(result.numDeletedRows);
}

/** Bans (a time) or unbans (null) a reader, only if not already so. Returns whether it changed. */
export async function setReaderBan(db: Db, readerId: string, bannedAt: Date | null): Promise<boolean> {
  const result = await db
    .updateTable('readers')
    .set({ banned_at: bannedAt?.toISOString() ?? null })
    .where('id', '=', readerId)
    .where('banned_at', bannedAt ? 'is' : 'is not', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Hides every comment of a reader still waiting for an editor; returns the stories they were on. */
export async function hidePendingCommentsOf(db: Db, readerId: string): Promise<string[]> {
  const rows = await db
    .updateTable('comments')
    .set({ status: 'hidden' })
    .where('reader_id', '=', readerId)
    .where('status', '=', 'pending')
    .returning('article_id')
    .execute();
  return [...new Set(rows.map((row) => row.article_id))];
}
