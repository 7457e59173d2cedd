import type { Db } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared-query.js';
import { bodyFigureIds, parseStoredBody } from '../../shared/article-body.js';
import type { MediaAsset } from '../media/index.js';
import { findTagsForArticles } from '../tags/index.js';
import {
  findCorrections,
  hydrateSummaries,
  listPublishedRows,
  publishedQuery,
  SECTION_COLUMNS,
  toDate,
  type ArticleRow,
  type SectionColumns,
  type SummaryRow,
} from './article.repository.js';
import type { Article, ArticleStatus, ArticleSummary, StoryTranslation } from './article.types.js';

/** A story's row as stored, with its section: enough to decide whether readers may see it. */
export type ArticleRecord = ArticleRow & SectionColumns;

/** What the article page shows beside the story: its series parts, "You May Also Like", its translations. */
export interface ArticleLists {
  seriesParts: ArticleSummary[];
  related: ArticleSummary[];
  translations: StoryTranslation[];
}

/** One statement: the story by slug or id, whatever its status, with its section. */
export async function findArticleRecord(db: Db, column: 'id' | 'slug', value: string): Promise<ArticleRecord | undefined> {
  const [record] = await (column === 'slug' ? recordBySlug(db, value) : recordById(db, value));
  return record;
}

const recordWhere = (column: 'id' | 'slug') =>
  preparedQuery((db, value: string) =>
    db
      .selectFrom('articles')
      .innerJoin('sections', 'sections.id', 'articles.section_id')
      .selectAll('articles')
      .select(SECTION_COLUMNS)
      .where(`articles.${column}`, '=', value),
  );
const recordBySlug = recordWhere('slug');
const recordById = recordWhere('id');

/** A story as stored, whatever its status; the service decides who may see it. */
export async function findArticleBySlug(db: Db, slug: string): Promise<Article | undefined> {
  const record = await findArticleRecord(db, 'slug', slug);
  return record && (await readArticle(db, record)).article;
}

/** A story as stored, by id, whatever its status: for the newsroom's editor and preview. */
export async function findArticleById(db: Db, id: string): Promise<Article | undefined> {
  const record = await findArticleRecord(db, 'id', id);
  return record && (await readArticle(db, record)).article;
}

/**
 * A story with everything its page shows. With `lists`, its series parts and related stories are
 * read beside its tags and corrections, and the story and every listed one are hydrated together:
 * one look-up each for authors, images and series, not one per list (7 statements for a story
 * outside a series, 9 in one, before comments).
 */
export async function readArticle(
  db: Db,
  record: ArticleRecord,
  lists?: { now: Date; seriesLimit: number; relatedIds: Promise<readonly string[]> | readonly string[] },
): Promise<{ article: Article } & ArticleLists> {
  const [tags, corrections, partRows, relatedRows, translations] = await Promise.all([
    findTagsForArticles(db, [record.id]),
    findCorrections(db, record.id),
    lists && record.series_id
      ? listPublishedRows(db, { seriesId: record.series_id }, { now: lists.now, limit: lists.seriesLimit, order: 'series-order' })
      : ([] as SummaryRow[]),
    lists ? relatedRowsOf(db, lists.relatedIds, lists.now) : ([] as SummaryRow[]),
    lists && record.translation_group_id ? visibleTranslations(db, record.translation_group_id, record.id, lists.now) : [],
  ]);
  const body = parseStoredBody(record.body);
  const figureIds = bodyFigureIds(body);
  const rows = new Map<string, SummaryRow>([[record.id, record]]);
  for (const row of [...partRows, ...relatedRows]) if (!rows.has(row.id)) rows.set(row.id, row);
  const { summaries, media } = await hydrateSummaries(db, [...rows.values()], figureIds);
  const byId = new Map(summaries.map((summary) => [summary.id, summary]));
  const summary = byId.get(record.id) as ArticleSummary;
  const article: Article = {
    ...summary,
    status: record.status as ArticleStatus,
    body,
    tags: tags.get(record.id) ?? [],
    figures: new Map(figureIds.flatMap((id) => (media.has(id) ? [[id, media.get(id) as MediaAsset] as const] : []))),
    corrections,
    seoTitle: record.seo_title,
    seoDescription: record.seo_description,
    embargoUntil: toDate(record.embargo_until),
    commentsEnabled: Number(record.comments_enabled) === 1,
  };
  return {
    article,
    seriesParts: partRows.flatMap((row) => byId.get(row.id) ?? []),
    related: relatedRows.flatMap((row) => byId.get(row.id) ?? []),
    translations,
  };
}

/**
 * The story's published translations (the others of its group, one per edition at most): one
 * statement on the group's unique index (0027), only for a story that is in a group.
 */
async function visibleTranslations(db: Db, groupId: string, articleId: string, now: Date): Promise<StoryTranslation[]> {
  const rows = await publishedQuery(db, {}, now)
    .where('articles.translation_group_id', '=', groupId)
    .where('articles.id', '!=', articleId)
    .select(['articles.id', 'articles.slug', 'articles.headline', 'articles.edition_id'])
    .execute();
  return rows.map((row) => ({ id: row.id, slug: row.slug, headline: row.headline, editionId: row.edition_id }));
}

/** The visible stories among `ids`, in the order given (the related list's, best first). */
async function relatedRowsOf(db: Db, pending: Promise<readonly string[]> | readonly string[], now: Date): Promise<SummaryRow[]> {
  const ids = await pending;
  if (ids.length === 0) return [];
  const rows = new Map((await listPublishedRows(db, { ids }, { now, limit: ids.length })).map((row) => [row.id, row]));
  return ids.flatMap((id) => rows.get(id) ?? []);
}
