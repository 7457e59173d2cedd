import type { Db } from '../../db/database.js';
import { publishedQuery } from '../articles/index.js';

/**
 * What sitemaps read of the stories: only slugs and times, never bodies, and always a bounded
 * slice: a month's stories a chunk at a time, the newest story of one section, author or series,
 * the last two days. Every story query starts from `publishedQuery`, the one rule of what readers
 * may see, and reads through its indexes (the timeline; a section's, an author's, a series' stories).
 */

export interface StoryLocation {
  id: string;
  slug: string;
  publishedAt: Date;
  updatedAt: Date | null;
  editionId: string;
  /** Shared with its translations (docs/editions.md). */
  translationGroupId: string | null;
}

export interface NewsStory {
  slug: string;
  headline: string;
  publishedAt: Date;
  editionId: string;
}

/** A visible story of a translation group: where it lives. */
export interface TranslationLocation {
  groupId: string;
  editionId: string;
  slug: string;
}

/** A story's place on the timeline, for reading on from it. */
export interface TimelinePosition {
  publishedAt: Date;
  id: string;
}

/**
 * Visible stories published in [since, before), oldest first (the id breaking ties), after
 * `after`, at most `limit`: a month's sitemap is read a chunk at a time.
 */
export async function listStoryLocations(
  db: Db,
  range: { since: Date; before: Date; after?: TimelinePosition },
  now: Date,
  limit: number,
): Promise<StoryLocation[]> {
  let query = publishedQuery(db, { publishedSince: range.since, publishedBefore: range.before }, now)
    .select(['articles.id', 'articles.slug', 'articles.published_at', 'articles.updated_at', 'articles.edition_id', 'articles.translation_group_id'])
    .orderBy('articles.published_at')
    .orderBy('articles.id')
    .limit(limit);
  const after = range.after;
  if (after) {
    const at = after.publishedAt.toISOString();
    query = query.where((eb) =>
      eb.or([eb('articles.published_at', '>', at), eb.and([eb('articles.published_at', '=', at), eb('articles.id', '>', after.id)])]),
    );
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    publishedAt: new Date(row.published_at ?? 0),
    updatedAt: toDate(row.updated_at),
    editionId: row.edition_id,
    translationGroupId: row.translation_group_id,
  }));
}

/**
 * The visible stories of these translation groups (a chunk's worth): one statement on the groups'
 * unique index (0027), each group holding one story per edition at most.
 */
export async function listTranslationLocations(db: Db, groupIds: readonly string[], now: Date): Promise<TranslationLocation[]> {
  if (groupIds.length === 0) return [];
  const rows = await publishedQuery(db, {}, now)
    .where('articles.translation_group_id', 'in', [...groupIds])
    .select(['articles.translation_group_id', 'articles.edition_id', 'articles.slug'])
    .execute();
  return rows.flatMap((row) => (row.translation_group_id ? [{ groupId: row.translation_group_id, editionId: row.edition_id, slug: row.slug }] : []));
}

/**
 * The other stories of these stories' translation groups, whatever their status: when a story
 * changes, its translations' entries gain or lose its hreflang link, so their months are rebuilt too.
 */
export async function findTranslationPeers(db: Db, articleIds: readonly string[]): Promise<string[]> {
  if (articleIds.length === 0) return [];
  // Two look-ups, each on its own index (the primary key, then the groups'), rather than one
  // statement whose plan the planner may start from the wrong end.
  const grouped = await db
    .selectFrom('articles')
    .select('translation_group_id')
    .where('id', 'in', [...articleIds])
    .execute();
  const groupIds = [...new Set(grouped.flatMap((row) => (row.translation_group_id ? [row.translation_group_id] : [])))];
  if (groupIds.length === 0) return [];
  const rows = await db.selectFrom('articles').select('id').where('translation_group_id', 'in', groupIds).execute();
  const changed = new Set(articleIds);
  return rows.flatMap((row) => (changed.has(row.id) ? [] : [row.id]));
}

/** The oldest and the newest visible story's publication time (null: no story yet): the months to build. */
export async function findTimelineEnds(db: Db, now: Date): Promise<{ first: Date; last: Date } | null> {
  const [first, last] = await Promise.all([
    publishedQuery(db, {}, now).select('articles.published_at').orderBy('articles.published_at').orderBy('articles.id').limit(1).executeTakeFirst(),
    newestVisible(db, {}, now),
  ]);
  if (!first?.published_at || !last) return null;
  return { first: new Date(first.published_at), last: last.publishedAt };
}

/** Stories published since `since`, newest first, at most `limit`. */
export async function listNewsStories(db: Db, now: Date, since: Date, limit: number): Promise<NewsStory[]> {
  const rows = await publishedQuery(db, { publishedSince: since }, now)
    .select(['articles.slug', 'articles.headline', 'articles.published_at', 'articles.edition_id'])
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ slug: row.slug, headline: row.headline, publishedAt: new Date(row.published_at ?? 0), editionId: row.edition_id }));
}

/** The newest visible story of the site, a section, an author or a series (in an edition): one step along its index. */
export async function newestVisible(
  db: Db,
  filter: { sectionId?: string; authorId?: string; seriesId?: string; editionId?: string },
  now: Date,
): Promise<{ id: string; publishedAt: Date } | null> {
  const row = await publishedQuery(db, filter, now)
    .select(['articles.id', 'articles.published_at'])
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.published_at ? { id: row.id, publishedAt: new Date(row.published_at) } : null;
}

/** A section, author or series by id: its slug (the URL) and, for sections, the navigation order. */
export interface Listed {
  id: string;
  slug: string;
}

/** Every section (a section page exists even before its first story), in navigation order, with its edition. */
export async function listSections(db: Db): Promise<Array<Listed & { editionId: string }>> {
  const rows = await db.selectFrom('sections').select(['id', 'slug', 'edition_id']).orderBy('position').orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, slug: row.slug, editionId: row.edition_id }));
}

/** Authors by id (all when `ids` is absent). */
export async function listAuthors(db: Db, ids?: readonly string[]): Promise<Listed[]> {
  let query = db.selectFrom('authors').select(['id', 'slug']);
  if (ids) query = query.where('id', 'in', ids.length > 0 ? [...ids] : ['']);
  return query.execute();
}

/** Series by id (all when `ids` is absent). */
export async function listSeries(db: Db, ids?: readonly string[]): Promise<Listed[]> {
  let query = db.selectFrom('series').select(['id', 'slug']);
  if (ids) query = query.where('id', 'in', ids.length > 0 ? [...ids] : ['']);
  return query.execute();
}

/**
 * The authors and series of these stories that a reader can see now: the listings those stories can
 * add to or make newer. (What a story no longer visible can take away is found from the listings'
 * own entries: see SitemapListings.)
 */
export async function findListingsOf(db: Db, articleIds: readonly string[], now: Date): Promise<{ authorIds: string[]; seriesIds: string[] }> {
  if (articleIds.length === 0) return { authorIds: [], seriesIds: [] };
  const ids = [...articleIds];
  const [authors, series] = await Promise.all([
    db.selectFrom('article_authors').select('author_id').where('article_id', 'in', ids).execute(),
    publishedQuery(db, { ids }, now).select('articles.series_id').execute(),
  ]);
  return {
    authorIds: [...new Set(authors.map((row) => row.author_id))],
    seriesIds: [...new Set(series.flatMap((row) => (row.series_id ? [row.series_id] : [])))],
  };
}

/**
 * The static pages that have been written (the site serves only those), with their last edit: the
 * fixed four and every imported page, in slug order along the unique index, at most `limit` (one
 * sitemap file's worth, with the home page).
 */
export async function listStaticPageLocations(db: Db, limit: number): Promise<Array<{ slug: string; updatedAt: Date }>> {
  const rows = await db.selectFrom('static_pages').select(['slug', 'updated_at']).orderBy('slug').limit(limit).execute();
  return rows.map((row) => ({ slug: row.slug, updatedAt: new Date(row.updated_at) }));
}

function toDate(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}
