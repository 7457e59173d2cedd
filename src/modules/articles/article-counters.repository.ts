import { sql, type Expression } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * The running counts other modules keep on a story's row, so lists read a number and never count
 * rows: views (audience) and published comments (comments). Only these functions write them.
 */

/**
 * Adds views to a story's running total. Adding (never setting) keeps the total exact when several
 * writers flush at once.
 */
export async function addArticleViews(db: Db, articleId: string, views: number): Promise<void> {
  await db
    .updateTable('articles')
    .set({ view_count: sql<number>`view_count + ${views}` })
    .where('id', '=', articleId)
    .execute();
}

/**
 * Sets a story's count of published comments and replies. The comments module passes the count as
 * a subquery of its own table, so counting and storing are one statement.
 */
export async function setArticleCommentCount(db: Db, articleId: string, count: number | Expression<number>): Promise<void> {
  await db.updateTable('articles').set({ comment_count: count }).where('id', '=', articleId).execute();
}

/** The story's stored count of published comments and replies (0 for a story that is gone). */
export async function readArticleCommentCount(db: Db, articleId: string): Promise<number> {
  const row = await db.selectFrom('articles').select('comment_count').where('id', '=', articleId).executeTakeFirst();
  return Number(row?.comment_count ?? 0);
}
