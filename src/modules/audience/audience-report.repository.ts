import type { Db } from '../../db/database.js';
import { articleIdsInSection, articleRefs } from '../articles/index.js';
import type { GroupViews, NamedRef } from './audience-report.types.js';

/**
 * The newsroom's audience figures: sums over `article_view_hours` in a bounded window of UTC
 * hours. Every query starts from the `(hour_start, article_id)` index's range, so its cost grows
 * with the window, never with the archive.
 */

/** A half-open window of hour buckets: `from <= hour_start < to`. */
export interface ViewWindow {
  from: Date;
  to: Date;
}

/** Narrows the views to one section's stories and/or one author's stories. */
export interface ViewFilter {
  sectionId?: string;
  authorId?: string;
}

export interface HourViews {
  hourStart: Date;
  views: number;
}

export interface ArticleViews {
  articleId: string;
  slug: string;
  headline: string;
  status: string;
  section: NamedRef;
  views: number;
  /** `articles.view_count`: every view since publication. */
  totalViews: number;
}

/** The view buckets inside the window, narrowed by the filter. */
function viewsIn(db: Db, window: ViewWindow, filter: ViewFilter) {
  let query = db
    .selectFrom('article_view_hours as v')
    .where('v.hour_start', '>=', window.from.toISOString())
    .where('v.hour_start', '<', window.to.toISOString());
  if (filter.sectionId !== undefined) {
    query = query.where('v.article_id', 'in', articleIdsInSection(db, filter.sectionId));
  }
  if (filter.authorId !== undefined) {
    query = query.where(
      'v.article_id',
      'in',
      db.selectFrom('article_authors').select('article_authors.article_id').where('article_authors.author_id', '=', filter.authorId),
    );
  }
  return query;
}

/** Views per UTC hour in the window, oldest first; hours without views are left out. */
export async function sumViewsByHour(db: Db, window: ViewWindow, filter: ViewFilter): Promise<HourViews[]> {
  const rows = await viewsIn(db, window, filter)
    .select('v.hour_start')
    .select((eb) => eb.fn.sum<number | string>('v.views').as('views'))
    .groupBy('v.hour_start')
    .orderBy('v.hour_start')
    .execute();
  // PostgreSQL returns sums of integers as strings (bigint).
  return rows.map((row) => ({ hourStart: new Date(row.hour_start), views: Number(row.views) }));
}

/** The most viewed stories in the window, most views first (ties by headline). */
export async function sumViewsByArticle(db: Db, window: ViewWindow, filter: ViewFilter, limit: number): Promise<ArticleViews[]> {
  const rows = await viewsIn(db, window, filter)
    .innerJoin(articleRefs(db).as('a'), 'a.id', 'v.article_id')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['a.id', 'a.slug', 'a.headline', 'a.status', 'a.view_count', 's.id as section_id', 's.slug as section_slug', 's.name as section_name'])
    .select((eb) => eb.fn.sum<number | string>('v.views').as('views'))
    .groupBy(['a.id', 'a.slug', 'a.headline', 'a.status', 'a.view_count', 's.id', 's.slug', 's.name'])
    .orderBy('views', 'desc')
    .orderBy('a.headline')
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    articleId: row.id,
    slug: row.slug,
    headline: row.headline,
    status: row.status,
    section: { id: row.section_id, slug: row.section_slug, name: row.section_name },
    views: Number(row.views),
    totalViews: Number(row.view_count),
  }));
}

/** Views in the window per section of the story, most first. */
export async function sumViewsBySection(db: Db, window: ViewWindow, filter: ViewFilter): Promise<GroupViews[]> {
  const rows = await viewsIn(db, window, filter)
    .innerJoin(articleRefs(db).as('a'), 'a.id', 'v.article_id')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['s.id', 's.slug', 's.name'])
    .select((eb) => eb.fn.sum<number | string>('v.views').as('views'))
    .groupBy(['s.id', 's.slug', 's.name'])
    .orderBy('views', 'desc')
    .orderBy('s.name')
    .execute();
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, views: Number(row.views) }));
}

/** Views in the window per byline author, most first: a story with two authors counts for both. */
export async function sumViewsByAuthor(db: Db, window: ViewWindow, filter: ViewFilter): Promise<GroupViews[]> {
  const rows = await viewsIn(db, window, filter)
    .innerJoin('article_authors as aa', 'aa.article_id', 'v.article_id')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select(['au.id', 'au.slug', 'au.name'])
    .select((eb) => eb.fn.sum<number | string>('v.views').as('views'))
    .groupBy(['au.id', 'au.slug', 'au.name'])
    .orderBy('views', 'desc')
    .orderBy('au.name')
    .execute();
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, views: Number(row.views) }));
}

/** Byline authors of each story, in byline order. */
export async function listBylines(db: Db, articleIds: readonly string[]): Promise<Map<string, NamedRef[]>> {
  const bylines = new Map<string, NamedRef[]>();
  if (articleIds.length === 0) return bylines;
  const rows = await db
    .selectFrom('article_authors as aa')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select(['aa.article_id', 'au.id', 'au.slug', 'au.name'])
    .where('aa.article_id', 'in', [...new Set(articleIds)])
    .orderBy('aa.article_id')
    .orderBy('aa.position')
    .execute();
  for (const row of rows) {
    const list = bylines.get(row.article_id) ?? [];
    list.push({ id: row.id, slug: row.slug, name: row.name });
    bylines.set(row.article_id, list);
  }
  return bylines;
}

/** Every section, by name, for the filter form. */
export function listSectionRefs(db: Db): Promise<NamedRef[]> {
  return db.selectFrom('sections').select(['id', 'slug', 'name']).orderBy('name').execute();
}

/** Every author, by name, for the filter form. */
export function listAuthorRefs(db: Db): Promise<NamedRef[]> {
  return db.selectFrom('authors').select(['id', 'slug', 'name']).orderBy('name').execute();
}
