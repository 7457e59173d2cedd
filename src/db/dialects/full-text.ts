import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * The engine-specific half of full-text search, as one interface with an implementation per engine:
 * SQLite FTS5 (sqlite-full-text.ts) or a PostgreSQL tsvector with a GIN index
 * (postgres-full-text.ts). The engine's connection carries its implementation (engine.ts), so the
 * choice is made once, when the database is opened, and never per call. Both hold the same tokens,
 * made in TypeScript (modules/search/search-text.ts) and joined by spaces, so both engines find the
 * same stories. Queries arrive as clauses of those tokens and are serialised by the implementation
 * with every token quoted, so nothing a reader types is ever query syntax.
 *
 * Columns are weighted: headline highest, then standfirst and people (authors and tags), then body.
 */
// Migrations see an untyped database (Kysely<unknown>), the search module a typed one: this takes both.
export type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface FullTextDocument {
  articleId: string;
  /**
   * When the story was or is to be published (ISO), null for a draft: matches are taken newest
   * first (`matches`), so an engine may file documents in this order.
   */
  publishedAt: string | null;
  /**
   * From when readers may see the story (ISO: its publication time, or its embargo's end if later),
   * null while they may not (a draft, a withdrawn story). With `sectionId`, lets an engine choose the
   * newest visible matches from its own table (PostgreSQL) before anything is read from `articles`.
   */
  visibleFrom: string | null;
  sectionId: string;
  /** The story's edition: PostgreSQL walks one edition's documents from its own index (migration 0035). */
  editionId: string;
  /** Each a space-separated token string from `indexText`. */
  headline: string;
  standfirst: string;
  people: string;
  body: string;
}

export type FullTextTerm = { kind: 'token'; token: string } | { kind: 'phrase'; tokens: string[] } | { kind: 'prefix'; token: string };
/** A term, or any of several: a document matching more of them ranks higher (a Korean stem and its bigrams). */
export type FullTextClause = FullTextTerm | { kind: 'any'; terms: FullTextTerm[] };

/**
 * A row of a full-text match: the story, where the engine filed its document (`recency`: on SQLite
 * larger for a later publication time, see `newestFirst`) and its relevance (higher is better).
 */
export interface FullTextMatch {
  article_id: string;
  recency: number | null;
  score: number;
}

/**
 * The publication times the caller will keep (its own filter on the stories stays exact): an engine
 * that files documents by time may skip the rest, a search of older stories then starting where
 * they are rather than walking past every newer match.
 */
export interface FullTextPeriod {
  since?: Date;
  before?: Date;
}

/**
 * What the caller keeps of the matches: stories readers may see at `now`, in the period and section,
 * the newest `limit` of them. The caller applies the same rules to the stories themselves; an engine
 * may use them to choose fewer matches first (PostgreSQL), never more loosely than the caller.
 */
export interface FullTextScope extends FullTextPeriod {
  sectionId?: string;
  /**
   * Only stories of this edition (given only when the publication has several and no section was
   * chosen: a section implies its edition). PostgreSQL looks it up on each candidate's story.
   */
  editionId?: string;
  now: Date;
  limit: number;
  /**
   * The newsroom's search: every story whatever its status (drafts too), newest first with the
   * stories that have no publication time last; `now` and visibility are then not applied.
   */
  everyStatus?: boolean;
}

/** One engine's full-text index of stories: the table `article_search`, keyed by `article_id`. */
export interface FullTextIndex {
  /** The index table; run once, by migration 0006. */
  createIndex(db: AnyDb): Promise<void>;
  /**
   * Whatever finds one story's document without reading them all (migration 0011): on SQLite a
   * table of story id → FTS5 rowid, filled from the documents already there; nothing on PostgreSQL,
   * whose index is keyed by story.
   */
  createDocumentKeys(db: AnyDb): Promise<void>;
  /** Replaces the documents of these stories (and removes those of `removeIds`). */
  writeDocuments(db: AnyDb, documents: readonly FullTextDocument[], removeIds?: readonly string[]): Promise<void>;
  /** Empties the index (a rebuild, inside its transaction). */
  clear(db: AnyDb): Promise<void>;
  /**
   * Empties the index at once, for a migration that changes how text is tokenised (0026): the
   * search catch-up then re-indexes every story, a slice at a time. On SQLite the table is made
   * again (deleting 100,000 documents one by one takes minutes); PostgreSQL truncates it.
   */
  discardDocuments(db: AnyDb): Promise<void>;
  /** After a rebuild: whatever makes the engine fast on the new contents. */
  optimize(db: AnyDb): Promise<void>;
  countDocuments(db: AnyDb): Promise<number>;
  /** Those of `ids` that have a document (a look-up by key each). */
  indexedIds(db: AnyDb, ids: readonly string[]): Promise<string[]>;
  /**
   * Files the documents by publication time where the engine needs it (migration 0012): on SQLite
   * the index is emptied, so the search catch-up re-indexes every story, filed anew; nothing on
   * PostgreSQL.
   */
  fileByPublication(db: AnyDb): Promise<void>;
  /**
   * Keeps each document's visibility and section beside it where the engine uses them (migration
   * 0013): on PostgreSQL the columns are added and filled from the stories; nothing on SQLite.
   */
  storeVisibility(db: AnyDb): Promise<void>;
  /**
   * Whatever lets `matches` with `everyStatus` walk every document newest first (migration 0018):
   * on PostgreSQL an index of all documents by publication time; nothing on SQLite, whose documents
   * are all filed by time.
   */
  indexEveryStatus(db: AnyDb): Promise<void>;
  /**
   * Keeps each document's edition beside it where `matches` uses it (migration 0035): on
   * PostgreSQL a column filled from the stories and an index walking one edition's visible
   * documents newest first; nothing on SQLite.
   */
  storeEdition(db: AnyDb): Promise<void>;
  /**
   * A subquery of `FullTextMatch` rows for the clauses (all must match), to join to the articles
   * the caller may show. Callers pass at least one clause. Ranking every match of a common word
   * costs time in proportion to the archive, so callers order the matches newest first
   * (`newestFirst`) and take a bounded number: the engine then computes the score of those rows
   * only (and, once per query, each word's document count). The caller joins the stories by id,
   * each match a look-up by primary key. PostgreSQL's subquery holds at most `scope.limit` rows,
   * already the newest visible ones (chosen from its copies of the stories' visibility).
   */
  matches(db: AnyDb, clauses: readonly FullTextClause[], scope: FullTextScope): Promise<RawBuilder<FullTextMatch>>;
  /**
   * What orders matches newest first without reading them all: the match's `recency` (SQLite,
   * whose documents are filed by publication time and walked backwards) or the story's publication
   * time and id (PostgreSQL, whose matches are already the newest few: they are only put in order).
   */
  newestFirst: ReadonlyArray<'m.recency' | 'articles.published_at' | 'articles.id'>;
  /**
   * Whether the caller may filter the matched stories by an indexed column (a section) as usual:
   * PostgreSQL, whose matches are few and filtered by section already, looks each story up. SQLite,
   * planning without, would read the section's stories again for every match (4 s at 100,000), so
   * there the column is compared in a form no index serves, on each match's story.
   */
  storyColumnsIndexed: boolean;
}

/** Removes these stories' documents from a table keyed by story (PostgreSQL's). */
export async function deleteFullTextDocuments(db: AnyDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`delete from article_search where article_id in (${sql.join(ids)})`.execute(db);
}

/** Empties the index (the migration that changes what is indexed; tests). */
export async function clearFullTextDocuments(db: AnyDb): Promise<void> {
  await sql`delete from article_search`.execute(db);
}

/** How many stories the index holds, from a table keyed by story. */
export async function countFullTextDocuments(db: AnyDb, table = 'article_search'): Promise<number> {
  const result = await sql<{ count: number | string }>`select count(*) as count from ${sql.table(table)}`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

/** Those of `ids` found in a table keyed by story. */
export async function indexedFullTextIds(db: AnyDb, ids: readonly string[], table = 'article_search'): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await sql<{ article_id: string }>`select article_id from ${sql.table(table)} where article_id in (${sql.join(ids)})`.execute(db);
  return result.rows.map((row) => row.article_id);
}
