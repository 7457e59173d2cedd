import { sql, type Insertable, type Selectable, type SelectQueryBuilder } from 'kysely';
import { inTransaction, type Database, type Db } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared-query.js';
import type { ArticlesTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { findAuthorsForArticles } from '../authors/index.js';
import { findMediaByIds, type MediaAsset } from '../media/index.js';
import { findSeriesByIds } from '../series/index.js';
import { serializeBody } from '../../shared/article-body.js';
import type { ArticleFilter, ArticleInput, ArticleStatus, ArticleSummary, Correction } from './article.types.js';

export type ArticleRow = Selectable<ArticlesTable>;
type ArticleQuery = SelectQueryBuilder<Database, 'articles', object>;

/**
 * A story's section, joined to its row (a primary-key lookup per story) rather than read in a
 * statement of its own: every list and page needs it, and a statement costs more than the join.
 */
export const SECTION_COLUMNS = [
  'sections.slug as section_slug',
  'sections.name as section_name',
  'sections.description as section_description',
  'sections.position as section_position',
  'sections.in_navigation as section_in_navigation',
  'sections.edition_id as section_edition_id',
] as const;
export interface SectionColumns {
  section_slug: string;
  section_name: string;
  section_description: string;
  section_position: number;
  section_in_navigation: number;
  section_edition_id: string;
}

/** What a summary is made of: never the body, which lists do not show and which is most of a row. */
const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.slug',
  'articles.headline',
  'articles.standfirst',
  'articles.type_label',
  'articles.section_id',
  'articles.series_id',
  'articles.series_part',
  'articles.hero_media_id',
  'articles.published_at',
  'articles.updated_at',
  'articles.created_at',
  'articles.view_count',
  'articles.comment_count',
  'articles.edition_id',
  ...SECTION_COLUMNS,
] as const;
export type SummaryRow = SectionColumns &
  Pick<
    ArticleRow,
    | 'id'
    | 'slug'
    | 'headline'
    | 'standfirst'
    | 'type_label'
    | 'section_id'
    | 'series_id'
    | 'series_part'
    | 'hero_media_id'
    | 'published_at'
    | 'updated_at'
    | 'created_at'
    | 'view_count'
    | 'comment_count'
    | 'edition_id'
  >;

export type ListOrder = 'newest' | 'series-order';

export async function listPublishedArticles(
  db: Db,
  filter: ArticleFilter,
  options: { now: Date; limit: number; offset?: number; order?: ListOrder },
): Promise<ArticleSummary[]> {
  const rows = await listPublishedRows(db, filter, options);
  return (await hydrateSummaries(db, rows)).summaries;
}

/**
 * One page of visible stories' summary rows. By `ids`, the rows are fetched by primary key with no
 * ORDER BY (which could tempt a planner to walk the whole timeline for them) and ordered here.
 */
export async function listPublishedRows(
  db: Db,
  filter: ArticleFilter,
  options: { now: Date; limit: number; offset?: number; order?: ListOrder },
): Promise<SummaryRow[]> {
  const query = () => publishedQuery(db, filter, options.now).innerJoin('sections', 'sections.id', 'articles.section_id').select(SUMMARY_COLUMNS);
  const offset = options.offset ?? 0;
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    const byIdsOnly = Object.values(filter).filter((value) => value !== undefined).length === 1;
    const rows = byIdsOnly ? await visibleSummariesByIds(db, options.now.toISOString(), filter.ids) : await query().execute();
    return rows.sort(newestFirst).slice(offset, offset + options.limit);
  }
  if (filter.authorId || filter.tagId) {
    // An author's or a tag's stories are not in timeline order in any index: the page is chosen
    // among their ids (sorted from the covering indexes of 0009), and only its rows are read.
    const page = publishedQuery(db, filter, options.now)
      .select('articles.id')
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(options.limit)
      .offset(offset);
    return db
      .selectFrom('articles')
      .innerJoin('sections', 'sections.id', 'articles.section_id')
      .select(SUMMARY_COLUMNS)
      .where('articles.id', 'in', page)
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .execute();
  }
  const ordered =
    options.order === 'series-order'
      ? query().orderBy('articles.series_part').orderBy('articles.published_at').orderBy('articles.id')
      : // Newest first, the id breaking ties the way the timeline indexes hold them (0009), so no sort.
        query().orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc');
  return ordered.limit(options.limit).offset(offset).execute();
}

/** Listed stories by id (related stories, search hits): on most pages, so built once. */
const visibleSummariesByIds = preparedQuery((db, nowIso: string, ids: readonly string[]) =>
  publishedQuery(db, { ids }, nowIso).innerJoin('sections', 'sections.id', 'articles.section_id').select(SUMMARY_COLUMNS),
);

export async function countPublishedArticles(db: Db, filter: ArticleFilter, now: Date): Promise<number> {
  const row = await publishedQuery(db, filter, now)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

function newestFirst(a: SummaryRow, b: SummaryRow): number {
  const byTime = (b.published_at ?? '').localeCompare(a.published_at ?? '');
  return byTime !== 0 ? byTime : b.id < a.id ? -1 : b.id > a.id ? 1 : 0;
}

/** A story's row as stored, from its input: shared by one insert and the importers' bulk inserts. */
export function articleRow(id: string, input: ArticleInput, createdAt: Date): Insertable<ArticlesTable> {
  return {
    id,
    slug: input.slug,
    headline: input.headline,
    standfirst: input.standfirst,
    body: serializeBody(input.body),
    section_id: input.sectionId,
    series_id: input.seriesId ?? null,
    series_part: input.seriesPart ?? null,
    hero_media_id: input.heroMediaId ?? null,
    type_label: input.typeLabel,
    status: input.status,
    published_at: input.publishedAt?.toISOString() ?? null,
    updated_at: input.updatedAt?.toISOString() ?? null,
    embargo_until: input.embargoUntil?.toISOString() ?? null,
    seo_title: input.seoTitle ?? null,
    seo_description: input.seoDescription ?? null,
    view_count: input.viewCount ?? 0,
    created_at: createdAt.toISOString(),
    // Without one: the column's default, the default edition.
    ...(input.editionId ? { edition_id: input.editionId } : {}),
  };
}

export async function insertArticle(db: Db, input: ArticleInput, createdAt: Date): Promise<string> {
  const id = input.id ?? newId();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('articles')
      .values(articleRow(id, input, createdAt))
      .execute();
    if (input.authorIds.length > 0) {
      await trx
        .insertInto('article_authors')
        .values(input.authorIds.map((authorId, position) => ({ article_id: id, author_id: authorId, position })))
        .execute();
    }
    if (input.tagIds.length > 0) {
      await trx
        .insertInto('article_tags')
        .values(input.tagIds.map((tagId, position) => ({ article_id: id, tag_id: tagId, position })))
        .execute();
    }
  });
  return id;
}

export async function updateArticleStatus(db: Db, id: string, status: ArticleStatus, updatedAt: Date): Promise<void> {
  await db.updateTable('articles').set({ status, updated_at: updatedAt.toISOString() }).where('id', '=', id).execute();
}

export async function insertCorrection(db: Db, articleId: string, correction: Omit<Correction, 'id'>): Promise<void> {
  await db
    .insertInto('corrections')
    .values({
      id: newId(),
      article_id: articleId,
      kind: correction.kind,
      body: correction.text,
      created_at: correction.createdAt.toISOString(),
    })
    .execute();
}

export async function findCorrections(db: Db, articleId: string): Promise<Correction[]> {
  const rows = await correctionsOf(db, articleId);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind === 'update' ? 'update' : 'correction',
    text: row.body,
    createdAt: new Date(row.created_at),
  }));
}

const correctionsOf = preparedQuery((db, articleId: string) =>
  db.selectFrom('corrections').selectAll().where('article_id', '=', articleId).orderBy('created_at'),
);

/**
 * Visible to readers: published, its time has come, and no embargo holds it back. Exported so the
 * other repositories that read stories (relatedness) apply the very same rule. `now` may come as its ISO
 * string, the form a prepared query binds (db/prepared-query.ts).
 */
export function publishedQuery(db: Db, filter: ArticleFilter, now: Date | string): ArticleQuery {
  const nowIso = typeof now === 'string' ? now : now.toISOString();
  let query = db
    .selectFrom('articles')
    // A literal, not a parameter: the partial indexes of published stories (migration 0009) serve
    // only a query that names the status itself.
    .where('articles.status', '=', sql.lit('published'))
    .where('articles.published_at', '<=', nowIso)
    .where((eb) => eb.or([eb('articles.embargo_until', 'is', null), eb('articles.embargo_until', '<=', nowIso)]));
  if (filter.editionId) {
    // Alone: along the edition's timeline (0030). With an author, a tag or a series, their own
    // stories are the way in, each checked for its edition (an author's or a tag's from the index of
    // 0032). SQLite, which plans without statistics, would rather walk the edition's whole timeline
    // for the order, looking for that author's few stories: a cast (a no-op PostgreSQL drops, so it
    // still costs the choice from its statistics) keeps SQLite's indexes off the edition.
    const edition =
      filter.authorId || filter.tagId || filter.seriesId
        ? sql<string>`cast(${sql.ref('articles.edition_id')} as text)`
        : sql.ref('articles.edition_id');
    query = query.where(edition, '=', filter.editionId);
  }
  if (filter.sectionId) query = query.where('articles.section_id', '=', filter.sectionId);
  if (filter.seriesId) query = query.where('articles.series_id', '=', filter.seriesId);
  if (filter.publishedSince) query = query.where('articles.published_at', '>=', filter.publishedSince.toISOString());
  if (filter.publishedBefore) query = query.where('articles.published_at', '<', filter.publishedBefore.toISOString());
  if (filter.ids) query = query.where('articles.id', 'in', filter.ids.length > 0 ? [...filter.ids] : ['']);
  if (filter.excludeIds && filter.excludeIds.length > 0) query = query.where('articles.id', 'not in', [...filter.excludeIds]);
  // Author and tag lists start from the link table's index (0009) and fetch those stories by
  // primary key; a correlated EXISTS would walk every visible story checking each.
  if (filter.authorId) {
    query = query.where(
      'articles.id',
      'in',
      db.selectFrom('article_authors').select('article_authors.article_id').where('article_authors.author_id', '=', filter.authorId),
    );
  }
  if (filter.tagId) {
    query = query.where(
      'articles.id',
      'in',
      db.selectFrom('article_tags').select('article_tags.article_id').where('article_tags.tag_id', '=', filter.tagId),
    );
  }
  return query;
}

/**
 * The next moment a published story becomes visible without anyone touching it (its publication
 * time or its embargo passes), or null when none is waiting: publishedQuery's rule, looking ahead.
 * No event marks that moment, so the services that cache what readers see check it themselves.
 */
export async function findNextVisibilityChange(db: Db, now: Date): Promise<Date | null> {
  const nowIso = now.toISOString();
  // Two index ranges (0009), not one OR, which no index serves: the waiting stories are a handful.
  // UNION ALL: a UNION's de-duplication made SQLite merge both sides in id order, reading every
  // published story's id (37 ms at 100,000, on every publish); a story in both counts once below.
  const waiting = (column: 'published_at' | 'embargo_until') =>
    db.selectFrom('articles').select(['id', 'published_at', 'embargo_until']).where('status', '=', sql.lit('published')).where(column, '>', nowIso);
  const rows = await waiting('published_at').unionAll(waiting('embargo_until')).execute();
  let next: number | null = null;
  for (const row of rows) {
    const visibleAt = Math.max(Date.parse(row.published_at ?? nowIso), Date.parse(row.embargo_until ?? nowIso));
    if (next === null || visibleAt < next) next = visibleAt;
  }
  return next === null ? null : new Date(next);
}

/**
 * Loads what lists show beside each row in a fixed number of queries, whatever the list's length;
 * `extraMediaIds` (a story's figures) are fetched with the hero images.
 */
export async function hydrateSummaries(
  db: Db,
  rows: SummaryRow[],
  extraMediaIds: readonly string[] = [],
): Promise<{ summaries: ArticleSummary[]; media: Map<string, MediaAsset> }> {
  if (rows.length === 0) return { summaries: [], media: new Map() };
  const ids = rows.map((row) => row.id);
  const [authors, media, series] = await Promise.all([
    findAuthorsForArticles(db, ids),
    findMediaByIds(db, [...new Set([...rows.flatMap((row) => (row.hero_media_id ? [row.hero_media_id] : [])), ...extraMediaIds])]),
    findSeriesByIds(
      db,
      rows.flatMap((row) => (row.series_id ? [row.series_id] : [])),
    ),
  ]);
  const summaries = rows.map((row): ArticleSummary => {
    const seriesRow = row.series_id ? series.get(row.series_id) : undefined;
    return {
      id: row.id,
      slug: row.slug,
      headline: row.headline,
      standfirst: row.standfirst,
      typeLabel: row.type_label,
      section: {
        id: row.section_id,
        slug: row.section_slug,
        name: row.section_name,
        description: row.section_description,
        position: Number(row.section_position),
        inNavigation: Number(row.section_in_navigation) === 1,
        editionId: row.section_edition_id,
      },
      editionId: row.edition_id,
      authors: authors.get(row.id) ?? [],
      hero: row.hero_media_id ? (media.get(row.hero_media_id) ?? null) : null,
      series: seriesRow ? { id: seriesRow.id, slug: seriesRow.slug, title: seriesRow.title, part: row.series_part ?? 1 } : null,
      publishedAt: new Date(row.published_at ?? row.created_at),
      updatedAt: toDate(row.updated_at),
      viewCount: Number(row.view_count),
      commentCount: Number(row.comment_count),
    };
  });
  return { summaries, media };
}

export function toDate(value: string | null): Date | null {
  return value ? new Date(value) : null;
}
