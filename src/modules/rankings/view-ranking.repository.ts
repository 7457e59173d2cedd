import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { publishedQuery, type ArticleFilter } from '../articles/index.js';

/** Which list a ranking is for: views that came from a click on that same list are left out. */
export type RankedByViews = 'weekly-best' | 'popular-now';

function viewsCounted(list: RankedByViews) {
  return list === 'weekly-best'
    ? sql<number>`article_view_hours.views - article_view_hours.via_weekly_best`
    : sql<number>`article_view_hours.views - article_view_hours.via_popular_now`;
}

/** Hourly buckets from `since` on, of stories readers can see at `now` (publishedQuery's rule). */
function visibleBuckets(db: Db, since: Date, now: Date, filter: ArticleFilter = {}) {
  return publishedQuery(db, filter, now)
    .innerJoin('article_view_hours', 'article_view_hours.article_id', 'articles.id')
    .where('article_view_hours.hour_start', '>=', since.toISOString());
}

/**
 * Stories readers can see now, by their views in buckets starting at or after `since`, most first,
 * newest first among equals. Only stories published at or after `publishedSince` (the age cap).
 */
export async function rankStoriesByViews(
  db: Db,
  options: { list: RankedByViews; since: Date; publishedSince: Date; now: Date; limit: number },
): Promise<Array<{ articleId: string; views: number }>> {
  const views = viewsCounted(options.list);
  const rows = await visibleBuckets(db, options.since, options.now, { publishedSince: options.publishedSince })
    .select(['articles.id as articleId', 'articles.published_at as publishedAt'])
    .select(sql<number | string>`sum(${views})`.as('views'))
    .groupBy(['articles.id', 'articles.published_at'])
    .having(sql`sum(${views})`, '>', 0)
    .orderBy('views', 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id')
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({ articleId: row.articleId, views: Number(row.views) }));
}

/** Each visible story's views per hour from `since` on: the raw material of a trend. */
export async function listHourlyViews(
  db: Db,
  options: { list: RankedByViews; since: Date; now: Date },
): Promise<Array<{ articleId: string; publishedAt: Date; hourStart: Date; views: number }>> {
  const rows = await visibleBuckets(db, options.since, options.now)
    .select(['articles.id as articleId', 'articles.published_at as publishedAt', 'article_view_hours.hour_start as hourStart'])
    .select(viewsCounted(options.list).as('views'))
    .execute();
  return rows.map((row) => ({
    articleId: row.articleId,
    publishedAt: new Date(row.publishedAt ?? 0),
    hourStart: new Date(row.hourStart),
    views: Number(row.views),
  }));
}
