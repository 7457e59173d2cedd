import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { FullTextClause, FullTextIndex } from '../../db/dialects/full-text.js';
import { bodyPlainText } from '../../shared/article-body.js';
import { findArticleTexts, publishedQuery, type ArticleFilter } from '../articles/index.js';
import { findAuthorsForArticles } from '../authors/index.js';
import { findTagsForArticles } from '../tags/index.js';

/** What a story is indexed and snippeted from, as plain text. */
export interface SearchSource {
  id: string;
  headline: string;
  standfirst: string;
  bodyText: string;
  /** ISO; null for a draft. */
  publishedAt: string | null;
  /** See `ArticleText`. */
  visibleFrom: string | null;
  sectionId: string;
  editionId: string;
  /** Author names and tag names. */
  people: string[];
}

export type SearchMatchFilter = Pick<ArticleFilter, 'sectionId' | 'editionId' | 'publishedSince' | 'publishedBefore'>;

/** Every story (any status) written by these authors or carrying these tags. */
export async function listArticleIdsByPeople(db: Db, authorIds: readonly string[], tagIds: readonly string[]): Promise<string[]> {
  const [byAuthor, byTag] = await Promise.all([
    authorIds.length > 0 ? db.selectFrom('article_authors').select('article_id').where('author_id', 'in', authorIds).execute() : [],
    tagIds.length > 0 ? db.selectFrom('article_tags').select('article_id').where('tag_id', 'in', tagIds).execute() : [],
  ]);
  return [...new Set([...byAuthor, ...byTag].map((row) => row.article_id))];
}

/**
 * The stories' text, whatever their status (visibility is applied when searching). Snippets need
 * no people: `withPeople` false saves two queries.
 */
export async function findSearchSources(db: Db, ids: readonly string[], withPeople = true): Promise<SearchSource[]> {
  if (ids.length === 0) return [];
  const [texts, authors, tags] = await Promise.all([
    findArticleTexts(db, ids),
    withPeople ? findAuthorsForArticles(db, ids) : undefined,
    withPeople ? findTagsForArticles(db, ids) : undefined,
  ]);
  return texts.map((text) => ({
    id: text.id,
    headline: text.headline,
    standfirst: text.standfirst,
    bodyText: bodyPlainText(text.body),
    publishedAt: text.publishedAt,
    visibleFrom: text.visibleFrom,
    sectionId: text.sectionId,
    editionId: text.editionId,
    people: [...(authors?.get(text.id) ?? []).map((author) => author.name), ...(tags?.get(text.id) ?? []).map((tag) => tag.name)],
  }));
}

/** A story that matches, with its relevance (higher is better). */
export interface SearchMatch {
  id: string;
  publishedAt: string;
  score: number;
}

/**
 * The newest `limit` matching stories readers may see (the one visibility rule, `publishedQuery`),
 * newest first, with their relevance. The engine walks its index newest first and stops at the
 * limit, computing only those rows' scores: a word in every story costs about what a rare one does.
 */
export async function findNewestMatches(
  db: Db,
  fullText: FullTextIndex,
  clauses: readonly FullTextClause[],
  filter: SearchMatchFilter,
  options: { now: Date; limit: number },
): Promise<SearchMatch[]> {
  const { sectionId, editionId, ...period } = filter;
  const scope = { since: period.publishedSince, before: period.publishedBefore, sectionId, editionId, now: options.now, limit: options.limit };
  let query = publishedQuery(db, period, options.now)
    .innerJoin((await fullText.matches(db, clauses, scope)).as('m'), (join) => join.onRef('m.article_id', '=', 'articles.id'))
    .select(['articles.id as id', 'articles.published_at as published_at', 'm.score as score']);
  if (sectionId) {
    // On SQLite, on each match's story and never by the section's index (`storyColumnsIndexed`).
    const section = fullText.storyColumnsIndexed ? sql.ref('articles.section_id') : sql`${sql.ref('articles.section_id')} || ''`;
    query = query.where(section, '=', sectionId);
  }
  if (editionId) {
    // The same on SQLite: each match's story is compared, never the edition's index walked (it would
    // read the edition's every story); on PostgreSQL the matches are the edition's already.
    const edition = fullText.storyColumnsIndexed ? sql.ref('articles.edition_id') : sql`${sql.ref('articles.edition_id')} || ''`;
    query = query.where(edition, '=', editionId);
  }
  for (const column of fullText.newestFirst) query = query.orderBy(column, 'desc');
  const rows = await query.limit(options.limit).execute();
  return rows.map((row) => ({ id: row.id, publishedAt: row.published_at ?? '', score: Number(row.score) }));
}
