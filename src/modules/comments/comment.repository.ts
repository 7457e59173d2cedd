import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared-query.js';
import type { CommentsTable } from '../../db/schema.js';
import type { Comment, CommentOrder, CommentStatus, HeldReason } from './comment.types.js';

/** The columns every read needs: the comment and its author's public name. */
function selectComments(db: Db) {
  return db
    .selectFrom('comments')
    .innerJoin('readers', 'readers.id', 'comments.reader_id')
    .select([
      'comments.id as id',
      'comments.article_id as article_id',
      'comments.parent_id as parent_id',
      'comments.reader_id as reader_id',
      'comments.body as body',
      'comments.status as status',
      'comments.held_reason as held_reason',
      'comments.created_at as created_at',
      'comments.edited_at as edited_at',
      'comments.like_count as like_count',
      'readers.display_name as display_name',
      'readers.deleted_at as reader_deleted_at',
    ]);
}

type CommentRecord = Pick<
  CommentsTable,
  'id' | 'article_id' | 'parent_id' | 'reader_id' | 'body' | 'status' | 'held_reason' | 'created_at' | 'edited_at'
> & { like_count: number | string; display_name: string; reader_deleted_at: string | null };

function toComment(row: CommentRecord): Comment {
  const status = row.status as CommentStatus;
  const gone = status === 'deleted' || status === 'hidden';
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    readerId: row.reader_id,
    authorName: row.reader_deleted_at === null ? row.display_name : null,
    // The text of a removed comment never leaves the repository for readers' pages.
    body: gone ? '' : row.body,
    status,
    heldReason: (row.held_reason as HeldReason | null) ?? null,
    createdAt: new Date(row.created_at),
    editedAt: row.edited_at === null ? null : new Date(row.edited_at),
    likeCount: Number(row.like_count),
  };
}

export async function insertComment(
  db: Db,
  comment: {
    id: string;
    articleId: string;
    readerId: string;
    parentId: string | null;
    body: string;
    status: CommentStatus;
    heldReason: HeldReason | null;
    createdAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('comments')
    .values({
      id: comment.id,
      article_id: comment.articleId,
      reader_id: comment.readerId,
      parent_id: comment.parentId,
      body: comment.body,
      status: comment.status,
      held_reason: comment.heldReason,
      created_at: comment.createdAt.toISOString(),
      edited_at: null,
      like_count: 0,
      report_count: 0,
    })
    .execute();
}

export async function findCommentById(db: Db, id: string): Promise<Comment | undefined> {
  const row = await selectComments(db).where('comments.id', '=', id).executeTakeFirst();
  return row ? toComment(row) : undefined;
}

export async function updateCommentBody(
  db: Db,
  id: string,
  change: { body: string; editedAt: Date; status: CommentStatus; heldReason: HeldReason | null },
): Promise<void> {
  await db
    .updateTable('comments')
    .set({ body: change.body, edited_at: change.editedAt.toISOString(), status: change.status, held_reason: change.heldReason })
    .where('id', '=', id)
    .execute();
}

export async function updateCommentStatus(db: Db, id: string, status: CommentStatus): Promise<void> {
  await db.updateTable('comments').set({ status }).where('id', '=', id).execute();
}

/** Adds a like; false when this reader had already liked the comment (the primary key says so). */
export async function insertCommentLike(db: Db, commentId: string, readerId: string, at: Date): Promise<boolean> {
  const result = await db
    .insertInto('comment_likes')
    .values({ comment_id: commentId, reader_id: readerId, created_at: at.toISOString() })
    .onConflict((conflict) => conflict.columns(['comment_id', 'reader_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteCommentLike(db: Db, commentId: string, readerId: string): Promise<boolean> {
  const result = await db.deleteFrom('comment_likes').where('comment_id', '=', commentId).where('reader_id', '=', readerId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Sets `like_count` from the likes themselves, in the transaction that changed them. */
export async function refreshLikeCount(db: Db, commentId: string): Promise<number> {
  await db
    .updateTable('comments')
    .set({ like_count: sql<number>`(select count(*) from comment_likes where comment_likes.comment_id = ${commentId})` })
    .where('id', '=', commentId)
    .execute();
  const row = await db.selectFrom('comments').select('like_count').where('id', '=', commentId).executeTakeFirstOrThrow();
  return Number(row.like_count);
}

/** Adds a report and counts it; false when this reader had already reported the comment. */
export async function insertCommentReport(db: Db, commentId: string, readerId: string, at: Date): Promise<boolean> {
  const result = await db
    .insertInto('comment_reports')
    .values({ comment_id: commentId, reader_id: readerId, created_at: at.toISOString() })
    .onConflict((conflict) => conflict.columns(['comment_id', 'reader_id']).doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await db
    .updateTable('comments')
    .set({ report_count: sql<number>`report_count + 1` })
    .where('id', '=', commentId)
    .execute();
  return true;
}

/**
 * What a reader may see of a story's comments: published ones, their own pending ones, and removed
 * ones that still have published replies (shown as a placeholder so the replies keep their place).
 */
function visibleTo(viewerId: string) {
  return sql<boolean>`(comments.status = 'published'
    or (comments.status = 'pending' and comments.reader_id = ${viewerId})
    or (comments.status in ('deleted', 'hidden') and exists (
      select 1 from comments as r where r.parent_id = comments.id and r.status = 'published')))`;
}

/** The number of top-level comments a reader sees on a story, for pagination. */
export async function countTopLevelComments(db: Db, articleId: string, viewerId: string | null): Promise<number> {
  const [row] = await topLevelCount(db, articleId, viewerId ?? '');
  return Number(row?.n ?? 0);
}

/** One page of top-level comments in the chosen order; the newest first among equals. */
export async function listTopLevelComments(
  db: Db,
  articleId: string,
  options: { viewerId: string | null; order: CommentOrder; limit: number; offset: number },
): Promise<Comment[]> {
  const page = options.order === 'liked' ? topLevelPageByLikes : topLevelPageByTime;
  const rows = await page(db, articleId, options.viewerId ?? '', options.limit, options.offset);
  return rows.map(toComment);
}

/** The visible replies of the given comments, oldest first: one query for a whole page. */
export async function listReplies(db: Db, parentIds: readonly string[], viewerId: string | null): Promise<Comment[]> {
  if (parentIds.length === 0) return [];
  const rows = await repliesOf(db, parentIds, viewerId ?? '');
  return rows.map(toComment);
}

// The article page's comment statements, built once each (db/prepared-query.ts). `viewerId` is ''
// for anyone not signed in: no reader has that id.
const topLevelCount = preparedQuery((db, articleId: string, viewerId: string) =>
  db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('article_id', '=', articleId)
    .where('parent_id', 'is', null)
    .where(visibleTo(viewerId)),
);

const topLevelPage = (order: CommentOrder) =>
  preparedQuery((db, articleId: string, viewerId: string, limit: number, offset: number) => {
    let query = selectComments(db).where('comments.article_id', '=', articleId).where('comments.parent_id', 'is', null).where(visibleTo(viewerId));
    if (order === 'liked') query = query.orderBy('comments.like_count', 'desc');
    return query.orderBy('comments.created_at', 'desc').orderBy('comments.id', 'desc').limit(limit).offset(offset);
  });
const topLevelPageByTime = topLevelPage('newest');
const topLevelPageByLikes = topLevelPage('liked');

const repliesOf = preparedQuery((db, parentIds: readonly string[], viewerId: string) =>
  selectComments(db)
    .where('comments.parent_id', 'in', parentIds)
    // A CASE rather than `status = … or status = …`: SQLite answers that OR from the status index,
    // reading every published comment on the site (30 ms at 70,000 comments) instead of these
    // parents' replies; a CASE no index serves leaves it the parent index.
    .where(
      sql<boolean>`(case when comments.status = 'published' then 1 when comments.status = 'pending' and comments.reader_id = ${viewerId} then 1 else 0 end) = 1`,
    )
    .orderBy('comments.created_at', 'asc')
    .orderBy('comments.id', 'asc'),
);

/** Which of these comments the reader has liked. */
export async function findLikedCommentIds(db: Db, readerId: string, commentIds: readonly string[]): Promise<Set<string>> {
  if (commentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('comment_likes')
    .select('comment_id')
    .where('reader_id', '=', readerId)
    .where('comment_id', 'in', commentIds)
    .execute();
  return new Set(rows.map((row) => row.comment_id));
}
