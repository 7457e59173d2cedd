import { sql } from 'kysely';
import {
  countFullTextDocuments,
  indexedFullTextIds,
  type AnyDb,
  type FullTextClause,
  type FullTextDocument,
  type FullTextIndex,
  type FullTextMatch,
  type FullTextTerm,
} from './full-text.js';

/**
 * Full-text search on SQLite: an FTS5 virtual table with one column per weighted field, ranked by
 * bm25 with the same weights as PostgreSQL's A/B/B/C.
 *
 * FTS5 finds rows by rowid only: `article_id` is an unindexed column, so `where article_id = ?`
 * reads every document (0.2 s of CPU at 100,000 stories, for each edited story). The table
 * `article_search_keys` (migration 0011) maps each story to its document's rowid, and every write,
 * removal and count goes through it.
 *
 * Documents are filed by publication time: a document's rowid is its story's publication second
 * (counted from year 1) times SLOTS, plus the first free slot of that second; drafts, which have no
 * time, below zero. A search walks a word's rowids backwards and stops at its limit, so it reads the
 * newest matches and never the rest (see `FullTextIndex.matches`).
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
    // also makes this a write transaction before free rowids are looked for below.
    await removeDocuments(db, [...documents.map((doc) => doc.articleId), ...removeIds]);
    if (documents.length === 0) return;
    const rowids = await fileRowids(db, documents);
    const rows = documents.map((d, i) => sql`(${rowids[i]}, ${d.articleId}, ${d.headline}, ${d.standfirst}, ${d.people}, ${d.body})`);
    await sql`insert into article_search (rowid, article_id, headline, standfirst, people, body) values ${sql.join(rows)}`.execute(db);
    const keys = documents.map((d, i) => sql`(${d.articleId}, ${rowids[i]})`);
    await sql`insert into article_search_keys (article_id, search_rowid) values ${sql.join(keys)}`.execute(db);
  },

  async clear(db) {
    await sql`delete from article_search`.execute(db);
    await sql`delete from article_search_keys`.execute(db);
  },

  async discardDocuments(db) {
    await sql`drop table article_search`.execute(db);
    await this.createIndex(db);
    await sql`delete from article_search_keys`.execute(db);
  },

  /** Merges the index's segments into one. */
  async optimize(db) {
    await sql`insert into article_search (article_search) values ('optimize')`.execute(db);
  },

  countDocuments: (db) => countFullTextDocuments(db, 'article_search_keys'),

  indexedIds: (db, ids) => indexedFullTextIds(db, ids, 'article_search_keys'),

  async fileByPublication(db) {
    // Dropped and made again: deleting 100,000 documents one by one takes minutes.
    await this.discardDocuments(db);
    // Story id by rowid without reading the documents' table: a search's matches are joined to
    // their stories through this index.
    await sql`create index article_search_keys_rowid_idx on article_search_keys (search_rowid, article_id)`.execute(db);
  },

  /** SQLite chooses its newest matches by rowid, which the documents are filed by: nothing to keep. */
  async storeVisibility() {},

  /** Every document, drafts included, is filed by time already (drafts below zero, so last). */
  async indexEveryStatus() {},

  /** SQLite reads each candidate's edition from its story (see `matches`' caller). */
  async storeEdition() {},

  async matches(_db, clauses, period) {
    // bm25 is computed only for the rows the caller reads (newest first, up to its limit); `k`
    // gives each rowid's story from an index. A period bounds the rowids: a day's margin below for
    // the stories of a crowded second filed under an earlier one, a second above for those filed
    // in the second `before` falls in.
    const low = period.since ? sql` and article_search.rowid >= ${filedAt(period.since.getTime() - DAY_MS)}` : sql``;
    const high = period.before ? sql` and article_search.rowid < ${filedAt(period.before.getTime()) + SLOTS}` : sql``;
    return sql<FullTextMatch>`(select k.article_id as article_id, article_search.rowid as recency,
        -bm25(article_search, 0.0, 10.0, 4.0, 4.0, 1.0) as score
      from article_search join article_search_keys k on k.search_rowid = article_search.rowid
      where article_search match ${fts5Query(clauses)}${low}${high})`;
  },

  newestFirst: ['m.recency'],
  storyColumnsIndexed: false,
};

/** Rowids per publication second: more stories than this in one second spill into the second before. */
const SLOTS = 4096;
/** Seconds from 0001-01-01 to 1970-01-01: archives older than 1970 still file above zero. */
const YEAR_ONE = 62_135_596_800;
const DAY_MS = 86_400_000;

/**
 * A free rowid for each document, by publication time (see the table's description): one look-up
 * by the keys' unique index per document, in the write's transaction.
 */
async function fileRowids(db: AnyDb, documents: readonly FullTextDocument[]): Promise<number[]> {
  const taken = new Set<number>();
  const rowids: number[] = [];
  // Drafts go below every document filed so far, and below zero: read once, then counted down.
  let nextDraft: number | undefined;
  const draftRowid = async () => (nextDraft = (nextDraft ?? (await lowestRowid(db))) - 1);
  for (const document of documents) {
    const rowid = document.publishedAt === null ? await draftRowid() : await freeTimedRowid(db, document.publishedAt, taken, draftRowid);
    taken.add(rowid);
    rowids.push(rowid);
  }
  return rowids;
}

/** The first rowid of the second this instant (ms since 1970) falls in. */
function filedAt(time: number): number {
  return (Math.max(0, Math.floor(time / 1000) + YEAR_ONE) + 1) * SLOTS;
}

async function freeTimedRowid(db: AnyDb, publishedAt: string, taken: ReadonlySet<number>, draftRowid: () => Promise<number>): Promise<number> {
  const time = Date.parse(publishedAt);
  let base = filedAt(Number.isNaN(time) ? 0 : time);
  for (;;) {
    const row = (
      await sql<{ last: number | null }>`select max(search_rowid) as last from article_search_keys
      where search_rowid between ${base} and ${base + SLOTS - 1}`.execute(db)
    ).rows[0];
    let next = row?.last === null || row?.last === undefined ? base : row.last + 1;
    while (taken.has(next)) next += 1;
    if (next < base + SLOTS) return next;
    base -= SLOTS;
    // Every second back to year one full: among the drafts rather than on one of them.
    if (base < 0) return draftRowid();
  }
}

/** The lowest rowid filed, or zero when none is below it. */
async function lowestRowid(db: AnyDb): Promise<number> {
  const row = (await sql<{ first: number | null }>`select min(search_rowid) as first from article_search_keys`.execute(db)).rows[0];
  return Math.min(0, row?.first ?? 0);
}

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
  return clauses.map((clause) => (clause.kind === 'any' ? `(${clause.terms.map(fts5Term).join(' OR ')})` : fts5Term(clause))).join(' AND ');
}

function fts5Term(term: FullTextTerm): string {
  switch (term.kind) {
    case 'token':
      return quoteFts5(term.token);
    case 'phrase':
      return quoteFts5(term.tokens.join(' '));
    case 'prefix':
      return `${quoteFts5(term.token)}*`;
  }
}
