import type { Db } from '../../db/database.js';
import { publishedQuery } from '../articles/index.js';
import { STATIC_PAGE_SLUGS } from '../pages/index.js';

/**
 * What sitemaps read: only slugs and times, never bodies, so even 50,000 stories are one light
 * query. Every story query starts from `publishedQuery`, the one rule of what readers may see.
 */

export interface StoryLocation {
  slug: string;
  publishedAt: Date;
  updatedAt: Date | null;
}

export interface NewsStory {
  slug: string;
  headline: string;
  publishedAt: Date;
}

/** A section, author or series page, with the publication time of its newest visible story. */
export interface ListingLocation {
  slug: string;
  newestStoryAt: Date | null;
}

/**
 * Every visible story, oldest first: new stories are appended to the last article sitemap, so the
 * earlier files (and their ETags) stay the same while the archive grows.
 */
export async function listVisibleStoryLocations(db: Db, now: Date): Promise<StoryLocation[]> {
  const rows = await publishedQuery(db, {}, now)
    .select(['articles.slug', 'articles.published_at', 'articles.updated_at'])
    .orderBy('articles.published_at')
    .orderBy('articles.id')
    .execute();
  return rows.map((row) => ({ slug: row.slug, publishedAt: new Date(row.published_at ?? 0), updatedAt: toDate(row.updated_at) }));
}

/** Stories published since `since`, newest first, at most `limit`. */
export async function listNewsStories(db: Db, now: Date, since: Date, limit: number): Promise<NewsStory[]> {
  const rows = await publishedQuery(db, { publishedSince: since }, now)
    .select(['articles.slug', 'articles.headline', 'articles.published_at'])
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ slug: row.slug, headline: row.headline, publishedAt: new Date(row.published_at ?? 0) }));
}

/** Every section (a section page exists even before its first story), in navigation order. */
export async function listSectionLocations(db: Db, now: Date): Promise<ListingLocation[]> {
  const [sections, newest] = await Promise.all([
    db.selectFrom('sections').select(['id', 'slug']).orderBy('position').orderBy('id').execute(),
    publishedQuery(db, {}, now)
      .select((eb) => ['articles.section_id', eb.fn.max('articles.published_at').as('newest')])
      .groupBy('articles.section_id')
      .execute(),
  ]);
  const newestBySection = new Map(newest.map((row) => [row.section_id, row.newest]));
  return sections.map((section) => ({ slug: section.slug, newestStoryAt: toDate(newestBySection.get(section.id) ?? null) }));
}

/** Authors with at least one visible story: an author page without one has nothing to index. */
export async function listAuthorLocations(db: Db, now: Date): Promise<ListingLocation[]> {
  const rows = await publishedQuery(db, {}, now)
    .innerJoin('article_authors', 'article_authors.article_id', 'articles.id')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select((eb) => ['authors.slug', eb.fn.max('articles.published_at').as('newest')])
    .groupBy('authors.slug')
    .orderBy('authors.slug')
    .execute();
  return rows.map((row) => ({ slug: row.slug, newestStoryAt: toDate(row.newest) }));
}

/** Series with at least one visible story. */
export async function listSeriesLocations(db: Db, now: Date): Promise<ListingLocation[]> {
  const rows = await publishedQuery(db, {}, now)
    .innerJoin('series', 'series.id', 'articles.series_id')
    .select((eb) => ['series.slug', eb.fn.max('articles.published_at').as('newest')])
    .groupBy('series.slug')
    .orderBy('series.slug')
    .execute();
  return rows.map((row) => ({ slug: row.slug, newestStoryAt: toDate(row.newest) }));
}

/** The static pages that have been written (the site serves only those), with their last edit. */
export async function listStaticPageLocations(db: Db): Promise<Array<{ slug: string; updatedAt: Date }>> {
  const rows = await db
    .selectFrom('static_pages')
    .select(['slug', 'updated_at'])
    .where('slug', 'in', [...STATIC_PAGE_SLUGS])
    .orderBy('slug')
    .execute();
  return rows.map((row) => ({ slug: row.slug, updatedAt: new Date(row.updated_at) }));
}

function toDate(value: string | null | undefined): Date | null {
  return value ? new Date(value) : null;
}
