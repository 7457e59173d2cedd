import { sql } from 'kysely';
import {
  clearFullTextDocuments,
  countFullTextDocuments,
  deleteFullTextDocuments,
  type FullTextClause,
  type FullTextIndex,
  type FullTextMatch,
} from './full-text.js';

/**
 * Full-text search on SQLite: an FTS5 virtual table with one column per weighted field, ranked by
 * bm25 with the same weights as PostgreSQL's A/B/B/C.
 */
export const sqliteFullText: FullTextIndex = {
  async createIndex(db) {
    // Tokens come pre-made: unicode61 only splits them on the spaces between.
    await sql`create virtual table article_search using fts5(
      article_id unindexed, headline, standfirst, people, body, tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
  },

  async writeDocuments(db, documents, removeIds = []) {
    // FTS5 has no unique key to upsert on: every story's old document goes first.
    await deleteFullTextDocuments(db, [...documents.map((doc) => doc.articleId), ...removeIds]);
    if (documents.length === 0) return;
    const rows = documents.map((d) => sql`(${d.articleId}, ${d.headline}, ${d.standfirst}, ${d.people}, ${d.body})`);
    await sql`insert into article_search (article_id, headline, standfirst, people, body) values ${sql.join(rows)}`.execute(db);
  },

  clear: clearFullTextDocuments,

  /** Merges the index's segments into one. */
  async optimize(db) {
    await sql`insert into article_search (article_search) values ('optimize')`.execute(db);
  },

  countDocuments: countFullTextDocuments,

  matches(clauses, ranked = true) {
    // Counting needs no rank, and computing one for every match is most of a count's cost.
    if (!ranked) return sql<FullTextMatch>`(select article_id, 0 as score from article_search where article_search match ${fts5Query(clauses)})`;
    return sql<FullTextMatch>`(select article_id, -bm25(article_search, 0.0, 10.0, 4.0, 4.0, 1.0) as score
      from article_search where article_search match ${fts5Query(clauses)})`;
  },
};

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
