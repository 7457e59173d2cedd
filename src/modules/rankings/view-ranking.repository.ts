import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { articleEditions, publishedQuery, type ArticleFilter } from '../articles/index.js';

/**
 * What the lists read: the newest stories, and the lists ranked by views. Every statement starts from a bounded set of rows, whatever
 * the archive's size: the window's hourly buckets (the `(hour_start, article_id)` index), a list of
 * story ids (primary keys), or the stories published since an age cap (the timeline index). None
 * joins the view buckets to the whole timeline, which a planner without statistics may walk from
 * the stories' side (every published story, then its buckets).
 */

/** Which list a ranking is for: views that came from a click on that same list are left out. */
export type RankedByViews = 'weekly-best' | 'popular-now';

function viewsCounted(list: RankedByViews) {
  return list === 'weekly-best'
    ? sql<number>`article_view_hours.views - article_view_hours.via_weekly_best`
    : sql<number>`article_view_hours.views - article_view_hours.via_popular_now`;
}

/** One story's views in one hour. */
export interface ViewBucket {
  articleId: string;
  hourStart: Date;
  views: number;
}

/**
 * Every bucket from `since` on, of any story (visibility is checked afterwards, for the few that
 * rank): read through the hour index, so the cost is the window's (stories read in those hours).
 */
export async function listViewBucketsSince(db: Db, options: { list: RankedByViews; since: Date }): Promise<ViewBucket[]> {
  const rows = await db
    .selectFrom('article_view_hours')
    .select(['article_view_hours.article_id', 'article_view_hours.hour_start'])
    .select(viewsCounted(options.list).as('views'))
    .where('article_view_hours.hour_start', '>=', options.since.toISOString())
    .execute();
  return rows.map((row) => ({ articleId: row.article_id, hourStart: new Date(row.hour_start), views: Number(row.views) }));
}

/** These stories' views in buckets from `since` on, summed per story (stories without any are absent). */
export async function sumViewsOf(db: Db, ids: readonly string[], options: { list: RankedByViews; since: Date }): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const views = viewsCounted(options.list);
  const rows = await db
    .selectFrom('article_view_hours')
    .select('article_view_hours.article_id')
    .select(sql<number | string>`sum(${views})`.as('views'))
    .where('article_view_hours.article_id', 'in', [...ids])
    .where('article_view_hours.hour_start', '>=', options.since.toISOString())
    .groupBy('article_view_hours.article_id')
    .execute();
  return new Map(rows.map((row) => [row.article_id, Number(row.views)]));
}

/** A story's edition, any status; undefined for an unknown id. */
export async function findStoryEdition(db: Db, articleId: string): Promise<string | undefined> {
  const row = await articleEditions(db).where('articles.id', '=', articleId).executeTakeFirst();
  return row?.edition_id;
}

/** A story readers can see, with its publication time (the tie-break of both lists). */
export interface VisibleStory {
  id: string;
  publishedAt: Date;
}

/** Which stories a list ranks: one edition's (`editionId`), or every story when the publication has one edition. */
export type EditionScope = Pick<ArticleFilter, 'editionId'>;

/**
 * The stories readers can see now among `ids` (of the scope's edition), by primary key, in no
 * particular order. The edition is checked on the rows found, not in the statement: with an
 * equality on `edition_id` a planner may walk the edition's index (every story of the edition)
 * rather than look the few ids up; the rows are read for their edition, a bounded few.
 */
export async function findVisibleStories(db: Db, ids: readonly string[], now: Date, scope: EditionScope = {}): Promise<VisibleStory[]> {
  if (ids.length === 0) return [];
  const query = publishedQuery(db, { ids }, now).select(['articles.id', 'articles.published_at']);
  const { editionId } = scope;
  const rows =
    editionId === undefined
      ? await query.execute()
      : (await query.select('articles.edition_id').execute()).filter((row) => row.edition_id === editionId);
  return rows.map((row) => ({ id: row.id, publishedAt: new Date(row.published_at ?? 0) }));
}

/**
 * Stories readers can see now that were published at or after `since` (Weekly Best's age cap), of
 * the scope's edition or of one section (a section's weekly newsletter).
 */
export async function listVisibleStoriesSince(
  db: Db,
  since: Date,
  now: Date,
  scope: EditionScope & Pick<ArticleFilter, 'sectionId'>,
): Promise<VisibleStory[]> {
  const filter: ArticleFilter = { ...scope, publishedSince: since };
  const rows = await publishedQuery(db, filter, now).select(['articles.id', 'articles.published_at']).execute();
  return rows.map((row) => ({ id: row.id, publishedAt: new Date(row.published_at ?? 0) }));
}

/**
 * The ids of the newest stories readers can see (of a section, an edition, or the whole site), newest
 * first: the timeline's index (or the section's, or the edition's: 0009, 0030) read backwards, no
 * sort (the id breaks ties, as the index holds them).
 */
export async function listNewestVisibleIds(
  db: Db,
  filter: Pick<ArticleFilter, 'sectionId' | 'editionId'>,
  now: Date,
  limit: number,
): Promise<string[]> {
  const rows = await publishedQuery(db, filter, now)
    .select('articles.id')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
