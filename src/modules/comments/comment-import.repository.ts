import type { Db } from '../../db/database.js';
import type { CommentStatus, HeldReason } from './comment.types.js';

/** One imported comment of some story, with the readers who liked it. */
export interface ImportedCommentRow {
  id: string;
  articleId: string;
  readerId: string;
  parentId: string | null;
  body: string;
  status: CommentStatus;
  heldReason: HeldReason | null;
  createdAt: Date;
  likedBy: readonly string[];
}

/** Rows per statement: 11 columns a comment, 3 a like, well inside both engines' parameter limits. */
const COMMENTS_PER_STATEMENT = 500;
const LIKES_PER_STATEMENT = 1000;

/**
 * Writes imported comments of many stories and their likes in multi-row statements. Each comment's
 * like count is the number of its distinct likers, as refreshLikeCount would count them.
 */
export async function insertImportedComments(db: Db, comments: readonly ImportedCommentRow[]): Promise<void> {
  const rows = comments.map(({ likedBy, ...comment }) => ({
    id: comment.id,
    article_id: comment.articleId,
    reader_id: comment.readerId,
    parent_id: comment.parentId,
    body: comment.body,
    status: comment.status,
    held_reason: comment.heldReason,
    created_at: comment.createdAt.toISOString(),
    edited_at: null,
    like_count: new Set(likedBy).size,
    report_count: 0,
  }));
  for (let start = 0; start < rows.length; start += COMMENTS_PER_STATEMENT) {
    await db
      .insertInto('comments')
      .values(rows.slice(start, start + COMMENTS_PER_STATEMENT))
      .execute();
  }
  const likes = comments.flatMap((comment) =>
    [...new Set(comment.likedBy)].map((readerId) => ({ comment_id: comment.id, reader_id: readerId, created_at: comment.createdAt.toISOString() })),
  );
  for (let start = 0; start < likes.length; start += LIKES_PER_STATEMENT) {
    await db
      .insertInto('comment_likes')
      .values(likes.slice(start, start + LIKES_PER_STATEMENT))
      .execute();
  }
}
