import { sql } from 'kysely';
import { inTransaction, type Db } from '../../db/database.js';
import { addArticleViews, listExistingArticleIds, publishedQuery } from '../articles/index.js';

/** Views gathered for one article in one UTC hour, ready to be added to what is stored. */
export interface HourlyViewCount {
  articleId: string;
  /** Start of the UTC hour. */
  hourStart: Date;
  views: number;
  viaPopularNow: number;
  viaWeeklyBest: number;
}

/**
 * Adds a batch of counts to the hourly buckets and to each article's running total, all or
 * nothing. Adding (never setting) keeps counts exact when several writers flush at once.
 */
export async function addViewCounts(db: Db, counts: readonly HourlyViewCount[]): Promise<void> {
  if (counts.length === 0) return;
  await inTransaction(db, async (trx) => {
    // A story deleted since its views were gathered takes them with it, rather than failing the batch.
    const ids = [...new Set(counts.map((count) => count.articleId))];
    const existing = new Set(await listExistingArticleIds(trx, ids));
    const kept = counts.filter((count) => existing.has(count.articleId));
    const totals = new Map<string, number>();
    for (const count of kept) totals.set(count.articleId, (totals.get(count.articleId) ?? 0) + count.views);
    for (const count of kept) {
      await trx
        .insertInto('article_view_hours')
        .values({
          article_id: count.articleId,
          hour_start: count.hourStart.toISOString(),
          views: count.views,
          via_popular_now: count.viaPopularNow,
          via_weekly_best: count.viaWeeklyBest,
        })
        .onConflict((oc) =>
          oc.columns(['article_id', 'hour_start']).doUpdateSet({
            views: sql<number>`article_view_hours.views + ${count.views}`,
            via_popular_now: sql<number>`article_view_hours.via_popular_now + ${count.viaPopularNow}`,
            via_weekly_best: sql<number>`article_view_hours.via_weekly_best + ${count.viaWeeklyBest}`,
          }),
        )
        .execute();
    }
    for (const [articleId, views] of totals) await addArticleViews(trx, articleId, views);
  });
}

/** Whether readers can see the story now: the only stories a view may be counted for. One look-up by primary key. */
export async function isArticleVisible(db: Db, articleId: string, now: Date): Promise<boolean> {
  const row = await publishedQuery(db, { ids: [articleId] }, now)
    .select('articles.id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Rows per INSERT: 5 parameters each stays far below every engine's parameter limit. */
const INSERT_CHUNK = 500;

/** Writes buckets that do not exist yet, in bulk: for a fresh publication's imported or demo history. */
export async function insertViewHours(db: Db, counts: readonly HourlyViewCount[]): Promise<void> {
  for (let start = 0; start < counts.length; start += INSERT_CHUNK) {
    await db
      .insertInto('article_view_hours')
      .values(
        counts.slice(start, start + INSERT_CHUNK).map((count) => ({
          article_id: count.articleId,
          hour_start: count.hourStart.toISOString(),
          views: count.views,
          via_popular_now: count.viaPopularNow,
          via_weekly_best: count.viaWeeklyBest,
        })),
      )
      .execute();
  }
}
