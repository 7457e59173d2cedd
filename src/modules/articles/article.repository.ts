import { type Selectable, type SelectQueryBuilder } from 'kysely';
import { inTransaction, type Database, type Db } from '../../db/database.js';
import type { ArticlesTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { findAuthorsForArticles } from '../authors/index.js';
import { findMediaByIds } from '../media/index.js';
import { listSections } from '../sections/index.js';
import { findSeriesByIds } from '../series/index.js';
import { findTagsForArticles } from '../tags/index.js';
import { bodyFigureIds, parseStoredBody, serializeBody } from '../../shared/article-body.js';
import type { Article, ArticleFilter, ArticleInput, ArticleStatus, ArticleSummary, Correction } from './article.types.js';

type ArticleRow = Selectable<ArticlesTable>;
type ArticleQuery = SelectQueryBuilder<Database, 'articles', object>;

export type ListOrder = 'newest' | 'series-order';

/** A story as stored, whatever its status; the service decides who may see it. */
export async function findArticleBySlug(db: Db, slug: string): Promise<Article | undefined> {
  return findArticleWhere(db, 'slug', slug);
}

/** A story as stored, by id, whatever its status: for the newsroom's editor and preview. */
export async function findArticleById(db: Db, id: string): Promise<Article | undefined> {
  return findArticleWhere(db, 'id', id);
}

async function findArticleWhere(db: Db, column: 'id' | 'slug', value: string): Promise<Article | undefined> {
  const row = await db.selectFrom('articles').selectAll().where(column, '=', value).executeTakeFirst();
  if (!row) return undefined;
  const [summary] = await hydrateSummaries(db, [row]);
  if (!summary) return undefined;
  const body = parseStoredBody(row.body);
  const [tags, figures, corrections] = await Promise.all([
    findTagsForArticles(db, [row.id]),
    findMediaByIds(db, bodyFigureIds(body)),
    findCorrections(db, row.id),
  ]);
  return {
    ...summary,
    status: row.status as ArticleStatus,
    body,
    tags: tags.get(row.id) ?? [],
    figures,
    corrections,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    embargoUntil: toDate(row.embargo_until),
    commentsEnabled: Number(row.comments_enabled) === 1,
  };
}

export async function listPublishedArticles(
  db: Db,
  filter: ArticleFilter,
  options: { now: Date; limit: number; offset?: number; order?: ListOrder },
): Promise<ArticleSummary[]> {
  let query = publishedQuery(db, filter, options.now).selectAll('articles');
  switch (options.order ?? 'newest') {
    case 'series-order':
      query = query.orderBy('articles.series_part').orderBy('articles.published_at');
      break;
    case 'newest':
      query = query.orderBy('articles.published_at', 'desc');
  }
  const rows = await query
    .orderBy('articles.id')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  return hydrateSummaries(db, rows);
}

export async function countPublishedArticles(db: Db, filter: ArticleFilter, now: Date): Promise<number> {
  const row = await publishedQuery(db, filter, now)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertArticle(db: Db, input: ArticleInput, createdAt: Date): Promise<string> {
  const id = input.id ?? newId();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('articles')
      .values({
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
      })
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

async function findCorrections(db: Db, articleId: string): Promise<Correction[]> {
  const rows = await db.selectFrom('corrections').selectAll().where('article_id', '=', articleId).orderBy('created_at').execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind === 'update' ? 'update' : 'correction',
    text: row.body,
    createdAt: new Date(row.created_at),
  }));
}

/**
 * Visible to readers: published, its time has come, and no embargo holds it back. Exported so the
 * other repositories that read stories (relatedness) apply the very same rule.
 */
export function publishedQuery(db: Db, filter: ArticleFilter, now: Date): ArticleQuery {
  const nowIso = now.toISOString();
  let query = db
    .selectFrom('articles')
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', nowIso)
    .where((eb) => eb.or([eb('articles.embargo_until', 'is', null), eb('articles.embargo_until', '<=', nowIso)]));
  if (filter.sectionId) query = query.where('articles.section_id', '=', filter.sectionId);
  if (filter.seriesId) query = query.where('articles.series_id', '=', filter.seriesId);
  if (filter.publishedSince) query = query.where('articles.published_at', '>=', filter.publishedSince.toISOString());
  if (filter.publishedBefore) query = query.where('articles.published_at', '<', filter.publishedBefore.toISOString());
  if (filter.ids) query = query.where('articles.id', 'in', filter.ids.length > 0 ? [...filter.ids] : ['']);
  if (filter.excludeIds && filter.excludeIds.length > 0) query = query.where('articles.id', 'not in', [...filter.excludeIds]);
  if (filter.authorId) {
    const authorId = filter.authorId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('article_authors').select('article_id').whereRef('article_id', '=', 'articles.id').where('author_id', '=', authorId)),
    );
  }
  if (filter.tagId) {
    const tagId = filter.tagId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('article_tags').select('article_id').whereRef('article_id', '=', 'articles.id').where('tag_id', '=', tagId)),
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
  const rows = await db
    .selectFrom('articles')
    .select(['published_at', 'embargo_until'])
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('published_at', '>', nowIso), eb('embargo_until', '>', nowIso)]))
    .execute();
  let next: number | null = null;
  for (const row of rows) {
    const visibleAt = Math.max(Date.parse(row.published_at ?? nowIso), Date.parse(row.embargo_until ?? nowIso));
    if (next === null || visibleAt < next) next = visibleAt;
  }
  return next === null ? null : new Date(next);
}

/** Loads what lists show beside each row in a fixed number of queries, whatever the list's length. */
async function hydrateSummaries(db: Db, rows: ArticleRow[]): Promise<ArticleSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [sections, authors, media, series] = await Promise.all([
    listSections(db),
    findAuthorsForArticles(db, ids),
    findMediaByIds(
      db,
      rows.flatMap((row) => (row.hero_media_id ? [row.hero_media_id] : [])),
    ),
    findSeriesByIds(
      db,
      rows.flatMap((row) => (row.series_id ? [row.series_id] : [])),
    ),
  ]);
  const sectionsById = new Map(sections.map((section) => [section.id, section]));
  return rows.flatMap((row) => {
    const section = sectionsById.get(row.section_id);
    if (!section) return [];
    const seriesRow = row.series_id ? series.get(row.series_id) : undefined;
    return [
      {
        id: row.id,
        slug: row.slug,
        headline: row.headline,
        standfirst: row.standfirst,
        typeLabel: row.type_label,
        section,
        authors: authors.get(row.id) ?? [],
        hero: row.hero_media_id ? (media.get(row.hero_media_id) ?? null) : null,
        series: seriesRow ? { id: seriesRow.id, slug: seriesRow.slug, title: seriesRow.title, part: row.series_part ?? 1 } : null,
        publishedAt: new Date(row.published_at ?? row.created_at),
        updatedAt: toDate(row.updated_at),
        viewCount: Number(row.view_count),
        commentCount: Number(row.comment_count),
      },
    ];
  });
}

function toDate(value: string | null): Date | null {
  return value ? new Date(value) : null;
}
