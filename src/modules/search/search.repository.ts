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
  /** Author names and tag names. */
  people: string[];
}

export interface SearchMatchFilter extends Pick<ArticleFilter, 'sectionId' | 'publishedSince'> {
  publishedBefore?: Date;
}

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
    people: [...(authors?.get(text.id) ?? []).map((author) => author.name), ...(tags?.get(text.id) ?? []).map((tag) => tag.name)],
  }));
}

/** Matching stories readers may see (the one visibility rule, `publishedQuery`), best first. */
function matchQuery(db: Db, fullText: FullTextIndex, clauses: readonly FullTextClause[], filter: SearchMatchFilter, now: Date, ranked: boolean) {
  let query = publishedQuery(db, filter, now).innerJoin(fullText.matches(clauses, ranked).as('m'), (join) =>
    join.onRef('m.article_id', '=', 'articles.id'),
  );
  if (filter.publishedBefore) query = query.where('articles.published_at', '<', filter.publishedBefore.toISOString());
  return query;
}

/**
 * One page of matching stories readers may see, best first, and how many match in all: counted
 * in the same pass as the ranking (a window over the matches), not by matching everything twice.
 * A page past the end has no rows, and so no total.
 */
export async function findSearchMatches(
  db: Db,
  fullText: FullTextIndex,
  clauses: readonly FullTextClause[],
  filter: SearchMatchFilter,
  options: { now: Date; limit: number; offset: number },
): Promise<{ matches: Array<{ id: string; score: number }>; total: number | null }> {
  const rows = await matchQuery(db, fullText, clauses, filter, options.now, true)
    .select((eb) => ['articles.id as id', 'm.score as score', eb.fn.countAll<number | string>().over().as('total')])
    .orderBy('m.score', 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return { matches: rows.map((row) => ({ id: row.id, score: Number(row.score) })), total: rows[0] ? Number(rows[0].total) : null };
}
