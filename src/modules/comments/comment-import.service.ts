import type { Db } from '../../db/database.js';
import { refreshCommentCount } from './comment-count.repository.js';
import { insertImportedComments } from './comment-import.repository.js';
import { insertComment, insertCommentLike, refreshLikeCount } from './comment.repository.js';
import type { CommentStatus, HeldReason } from './comment.types.js';

/** A comment brought in by an importer, with the readers who liked it. */
export interface CommentImport {
  id: string;
  readerId: string;
  /** A comment imported earlier in the same call, or null. */
  parentId: string | null;
  body: string;
  status: CommentStatus;
  heldReason: HeldReason | null;
  createdAt: Date;
  /** Readers who liked it, each liking at the comment's `createdAt`. */
  likedBy: readonly string[];
}

/**
 * Writes one story's imported comments in order (a reply after its parent), their likes and like
 * counts, then the story's comment count, as the product keeps them.
 */
export async function importStoryComments(db: Db, articleId: string, comments: readonly CommentImport[]): Promise<void> {
  for (const { likedBy, ...comment } of comments) {
    await insertComment(db, { ...comment, articleId });
    for (const readerId of likedBy) await insertCommentLike(db, comment.id, readerId, comment.createdAt);
    await refreshLikeCount(db, comment.id);
  }
  await refreshCommentCount(db, articleId);
}

/** One story's imported conversation, for importStoryThreads. */
export interface StoryCommentsImport {
  articleId: string;
  /** In order: a reply after its parent. */
  comments: readonly CommentImport[];
}

/**
 * Writes the imported comments of many stories at once (a generated archive's): the same rows as
 * importStoryComments, in multi-row statements, then each story's comment count. Run it inside the
 * importer's transaction.
 */
export async function importStoryThreads(db: Db, stories: readonly StoryCommentsImport[]): Promise<void> {
  await insertImportedComments(
    db,
    stories.flatMap((story) => story.comments.map((comment) => ({ ...comment, articleId: story.articleId }))),
  );
  for (const story of stories) await refreshCommentCount(db, story.articleId);
}
