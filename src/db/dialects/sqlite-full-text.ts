import { sql } from 'kysely';
import { countFullTextDocuments, indexedFullTextIds, type AnyDb, type FullTextClause, type FullTextIndex, type FullTextMatch } from './full-text.js';

/**
 * Full-text search on SQLite: an FTS5 virtual table with one column per weighted field, ranked by
 * bm25 with the same weights as PostgreSQL's A/B/B/C.
 *
 * FTS5 finds rows by rowid only: `article_id` is an unindexed column, so `where article_id = ?`
 * reads every document (0.2 s of CPU at 100,000 stories, for each edited story). The table
 * `article_search_keys` (migration 0011) maps each story to its document's rowid, and every write,
 * removal and count goes through it.
 */
export const sqliteFullText: FullTextIndex = {
  async createIndex(db) {
    // Tokens come pre-made: unicode61 only splits them on the spaces between.
    await sql`create virtual table article_search using fts5(
      article_id unindexed, headline, standfirst, people, body, tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
  },

  async createDocumentKeys(db) {
    await sql`create table article_search_keys (article_id text primary key, search_rowid integer not null unique)`.execute(db);
    // The documents indexed so far keep their rows: read once, here, rather than re-indexed.
    await sql`insert into article_search_keys (article_id, search_rowid) select article_id, rowid from article_search`.execute(db);
  },

  async writeDocuments(db, documents, removeIds = []) {
    // FTS5 has no unique key to upsert on: every story's old document goes first. Deleting first
    // also makes this a write transaction before max(rowid) is read below.
    await removeDocuments(db, [...documents.map((doc) => doc.articleId), ...removeIds]);
    if (documents.length === 0) return;
    const first = (await sql<{ last: number | null }>`select max(rowid) as last from article_search`.execute(db)).rows[0]?.last ?? 0;
    const rows = documents.map((d, i) => sql`(${first + i + 1}, ${d.articleId}, ${d.headline}, ${d.standfirst}, ${d.people}, ${d.body})`);
    await sql`insert into article_search (rowid, article_id, headline, standfirst, people, body) values ${sql.join(rows)}`.execute(db);
    const keys = documents.map((d, i) => sql`(${d.articleId}, ${first + i + 1})`);
    await sql`insert into article_search_keys (article_id, search_rowid) values ${sql.join(keys)}`.execute(db);
  },

  async clear(db) {
    await sql`delete from article_search`.execute(db);
    await sql`delete from article_search_keys`.execute(db);
  },

  /** Merges the index's segments into one. */
  async optimize(db) {
    await sql`insert into article_search (article_search) values ('optimize')`.execute(db);
  },

  countDocuments: (db) => countFullTextDocuments(db, 'article_search_keys'),

  indexedIds: (db, ids) => indexedFullTextIds(db, ids, 'article_search_keys'),

  matches(clauses, ranked = true) {
    // Counting needs no rank, and computing one for every match is most of a count's cost.
    if (!ranked) return sql<FullTextMatch>`(select article_id, 0 as score from article_search where article_search match ${fts5Query(clauses)})`;
    return sql<FullTextMatch>`(select article_id, -bm25(article_search, 0.0, 10.0, 4.0, 4.0, 1.0) as score
      from article_search where article_search match ${fts5Query(clauses)})`;
  },
};

/** Removes these stories' documents, found by rowid through their keys. */
async function removeDocuments(db: AnyDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`delete from article_search where rowid in (select search_rowid from article_search_keys where article_id in (${sql.join(ids)}))`.execute(
    db,
  );
  await sql`delete from article_search_keys where article_id in (${sql.join(ids)})`.execute(db);
}

/** Tokens hold only letters, marks and digits; quoting still makes each one a plain string. */
const quoteFts5 = (token: string) => `"${token.replace(/"/g, '""')}"`;

function fts5Query(clauses: readonly FullTextClause[]): string {
  return clauses
    .map((clause) => {
      switch (clause.kind) {
        case 'token':
          return quoteFts5(clause.token);
        case 'phrase':
          return quoteFts5(clause.tokens.join(' '));
        case 'prefix':
          return `${quoteFts5(clause.token)}*`;
      }
    })
    .join(' AND ');
}
