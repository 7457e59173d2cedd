import { sql } from 'kysely';
import {
  clearFullTextDocuments,
  countFullTextDocuments,
  deleteFullTextDocuments,
  indexedFullTextIds,
  type FullTextClause,
  type FullTextIndex,
  type FullTextMatch,
  type FullTextScope,
  type FullTextTerm,
} from './full-text.js';
import { termStatistics } from './postgres-term-statistics.js';

/**
 * Full-text search on PostgreSQL: one weighted tsvector per story (headline A, standfirst and people
 * B, body C) with a GIN index, ranked by ts_rank_cd.
 */
export const postgresFullText: FullTextIndex = {
  async createIndex(db) {
    await sql`create table article_search (
      article_id text primary key references articles(id) on delete cascade,
      document tsvector not null
    )`.execute(db);
    await sql`create index article_search_document_idx on article_search using gin (document)`.execute(db);
  },

  /** The table is keyed by story already (`article_id` is its primary key). */
  async createDocumentKeys() {},

  async writeDocuments(db, documents, removeIds = []) {
    await deleteFullTextDocuments(db, [...documents.map((doc) => doc.articleId), ...removeIds]);
    if (documents.length === 0) return;
    // 'simple': no stop words or stemming of its own; the tokens are already final. A story deleted
    // since its text was read is skipped rather than breaking the batch on the foreign key; the
    // upsert lets two processes index the same new story without colliding on its key.
    const rows = documents.map(
      (d) =>
        sql`(${d.articleId}, ${d.publishedAt}, ${d.visibleFrom}, ${d.sectionId}, ${d.editionId}, ${d.headline}, ${d.standfirst}, ${d.people}, ${d.body})`,
    );
    await sql`insert into article_search (article_id, published_at, visible_from, section_id, edition_id, document)
      select v.id, v.published_at, v.visible_from, v.section_id, v.edition_id, setweight(to_tsvector('simple', v.headline), 'A')
        || setweight(to_tsvector('simple', v.standfirst), 'B')
        || setweight(to_tsvector('simple', v.people), 'B')
        || setweight(to_tsvector('simple', v.body), 'C')
      from (values ${sql.join(rows)}) as v (id, published_at, visible_from, section_id, edition_id, headline, standfirst, people, body)
      where exists (select 1 from articles where articles.id = v.id)
      on conflict (article_id) do update set document = excluded.document, published_at = excluded.published_at,
        visible_from = excluded.visible_from, section_id = excluded.section_id, edition_id = excluded.edition_id`.execute(db);
  },

  clear: clearFullTextDocuments,

  async discardDocuments(db) {
    await sql`truncate article_search`.execute(db);
  },

  /** Gathers the new table's statistics for the planner at once instead of waiting for autovacuum. */
  async optimize(db) {
    await sql`analyze article_search`.execute(db);
  },

  countDocuments: (db) => countFullTextDocuments(db),

  indexedIds: (db, ids) => indexedFullTextIds(db, ids),

  /** Nothing to re-file: each document keeps its story's publication time beside it (migration 0013). */
  async fileByPublication() {},

  /**
   * Each document's visibility, publication time and section, from the stories, with an index that
   * walks the visible documents newest first.
   */
  async storeVisibility(db) {
    await sql`alter table article_search add column published_at text, add column visible_from text, add column section_id text`.execute(db);
    await sql`update article_search s set published_at = a.published_at, section_id = a.section_id,
      visible_from = case when a.status = 'published' then greatest(a.published_at, coalesce(a.embargo_until, a.published_at)) end
      from articles a where a.id = s.article_id`.execute(db);
    await sql`create index article_search_visible_idx on article_search (published_at desc, article_id desc) where visible_from is not null`.execute(
      db,
    );
    await sql`analyze article_search`.execute(db);
  },

  /**
   * The newsroom searches drafts too: the newest-first walk of every document, those without a
   * publication time (drafts) last, as SQLite files them.
   */
  async indexEveryStatus(db) {
    await sql`create index article_search_every_idx on article_search (published_at desc nulls last, article_id desc)`.execute(db);
  },

  /**
   * Each document's edition, and an index walking one edition's visible documents newest first: a
   * common word searched in a small edition read every other edition's matches on the way before
   * (2,000 documents for 200 Korean ones at 100,000 stories with a Korean tenth, 130–260 ms).
   */
  async storeEdition(db) {
    await sql`alter table article_search add column edition_id text`.execute(db);
    await sql`update article_search s set edition_id = a.edition_id from articles a where a.id = s.article_id`.execute(db);
    await sql`create index article_search_edition_visible_idx on article_search (edition_id, published_at desc, article_id desc)
      where visible_from is not null`.execute(db);
    await sql`analyze article_search`.execute(db);
  },

  /**
   * The newest `scope.limit` visible matches, chosen from this table alone (its copy of each
   * story's visibility, time and section), then ranked: ts_rank_cd reads only those documents.
   * How they are chosen follows the word's frequency (postgres-term-statistics.ts): a common word
   * walks the visible documents newest first and stops at the limit; a rarer one takes every match
   * from the GIN index and keeps the newest (a materialized CTE: the planner would walk for words
   * in a few per cent of the stories, reading thousands of documents).
   */
  async matches(db, clauses, scope) {
    const query = tsQuery(clauses);
    const where = candidateConditions(query, scope);
    const statistics = await termStatistics(db);
    const fromIndex = statistics !== null && statistics.matchShare(clauses) < statistics.walkFrom(scope.limit);
    // Drafts have no time: last, as on SQLite (and as article_search_every_idx holds them).
    const order = scope.everyStatus ? sql`published_at desc nulls last, article_id desc` : sql`published_at desc, article_id desc`;
    const candidates = fromIndex
      ? sql`(with matched as materialized (select article_id, published_at from article_search where ${where})
          select article_id from matched order by ${order} limit ${scope.limit})`
      : sql`(select article_id from article_search where ${where} order by ${order} limit ${scope.limit})`;
    return sql<FullTextMatch>`(select s.article_id, null as recency, ts_rank_cd(s.document, to_tsquery('simple', ${query})) as score
      from ${candidates} as c join article_search as s on s.article_id = c.article_id)`;
  },

  newestFirst: ['articles.published_at', 'articles.id'],
  storyColumnsIndexed: true,
};

/**
 * The caller's rules for the stories, on this table's copies (the caller applies them again to the
 * stories): visible at `now`, in the period and section. The tsquery is a plain restriction, which
 * the GIN index serves (joined as a FROM item, it scanned every document: 200 ms at 5,000 stories).
 */
function candidateConditions(query: string, scope: FullTextScope) {
  const now = scope.now.toISOString();
  const conditions = [sql`document @@ to_tsquery('simple', ${query})`];
  if (!scope.everyStatus) conditions.push(sql`visible_from is not null`, sql`visible_from <= ${now}`);
  if (scope.sectionId) conditions.push(sql`section_id = ${scope.sectionId}`);
  // The edition's own copy (migration 0035): a walk newest first reads only the edition's
  // documents (article_search_edition_visible_idx); with one edition it is never added.
  if (scope.editionId) conditions.push(sql`edition_id = ${scope.editionId}`);
  if (scope.since) conditions.push(sql`published_at >= ${scope.since.toISOString()}`);
  if (scope.before) conditions.push(sql`published_at < ${scope.before.toISOString()}`);
  return sql.join(conditions, sql` and `);
}

/** Tokens hold only letters, marks and digits; quoting still makes each one a plain string. */
const quoteTs = (token: string) => `'${token.replace(/['\\]/g, '')}'`;

function tsQuery(clauses: readonly FullTextClause[]): string {
  return clauses.map((clause) => (clause.kind === 'any' ? `(${clause.terms.map(tsTerm).join(' | ')})` : tsTerm(clause))).join(' & ');
}

function tsTerm(term: FullTextTerm): string {
  switch (term.kind) {
    case 'token':
      return quoteTs(term.token);
    case 'phrase':
      return `(${term.tokens.map(quoteTs).join(' <-> ')})`;
    case 'prefix':
      return `${quoteTs(term.token)}:*`;
  }
}
