import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { setArticleCommentCount } from '../articles/index.js';

/**
 * Sets a story's `comment_count` to its published comments and replies, counted afresh. Every code
 * path that adds a comment or changes one's status calls this in the same transaction, so lists and
 * pages read a number and never count rows.
 */
export async function refreshCommentCount(db: Db, articleId: string): Promise<void> {
  await setArticleCommentCount(
    db,
    articleId,
    sql<number>`(select count(*) from comments where comments.article_id = ${articleId} and comments.status = 'published')`,
  );
}
