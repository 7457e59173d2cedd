import { PostgresAdapter, sql, SqliteAdapter, type Kysely, type RawBuilder } from 'kysely';

/**
 * The engine-specific half of full-text search: SQLite FTS5 or a PostgreSQL tsvector with a GIN
 * index. Both hold the same tokens, made in TypeScript (modules/search/search-text.ts) and joined
 * by spaces, so both engines find the same stories. Queries arrive as clauses of those tokens and
 * are serialised here with every token quoted, so nothing a reader types is ever query syntax.
 *
 * Columns are weighted: headline highest, then standfirst and people (authors and tags), then body.
 */
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type FullTextEngine = 'sqlite' | 'postgres';

export interface FullTextDocument {
  articleId: string;
  /** Each a space-separated token string from `indexText`. */
  headline: string;
  standfirst: string;
  people: string;
  body: string;
}

export type FullTextClause =
  | { kind: 'token'; token: string }
  | { kind: 'phrase'; tokens: string[] }
  | { kind: 'prefix'; token: string };

/** A row of a full-text match: the story and its relevance (higher is better). */
export interface FullTextMatch {
  article_id: string;
  score: number;
}

export function fullTextEngine(db: AnyDb): FullTextEngine {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  if (adapter instanceof PostgresAdapter) return 'postgres';
  throw new Error('Full-text search supports SQLite and PostgreSQL only');
}

/** The index table; run once, by migration 0006. */
export async function createFullTextIndex(db: AnyDb): Promise<void> {
  if (fullTextEngine(db) === 'sqlite') {
    // Tokens come pre-made: unicode61 only splits them on the spaces between.
    await sql`create virtual table article_search using fts5(
      article_id unindexed, headline, standfirst, people, body, tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
    return;
  }
  await sql`create table article_search (
    article_id text primary key references articles(id) on delete cascade,
    document tsvector not null
  )`.execute(db);
  await sql`create index article_search_document_idx on article_search using gin (document)`.execute(db);
}

/** Replaces the documents of these stories (and removes those of `removeIds`). */
export async function writeFullTextDocuments(db: AnyDb, documents: readonly FullTextDocument[], removeIds: readonly string[] = []): Promise<void> {
  const ids = [...documents.map((doc) => doc.articleId), ...removeIds];
  if (ids.length === 0) return;
  await sql`delete from article_search where article_id in (${sql.join(ids)})`.execute(db);
  if (documents.length === 0) return;
  if (fullTextEngine(db) === 'sqlite') {
    const rows = documents.map((d) => sql`(${d.articleId}, ${d.headline}, ${d.standfirst}, ${d.people}, ${d.body})`);
    await sql`insert into article_search (article_id, headline, standfirst, people, body) values ${sql.join(rows)}`.execute(db);
    return;
  }
  // 'simple': no stop words or stemming of its own; the tokens are already final. A story deleted
  // since its text was read is skipped rather than breaking the batch on the foreign key; the
  // upsert lets two processes index the same new story without colliding on its key.
  const rows = documents.map((d) => sql`(${d.articleId}, ${d.headline}, ${d.standfirst}, ${d.people}, ${d.body})`);
  await sql`insert into article_search (article_id, document)
    select v.id, setweight(to_tsvector('simple', v.headline), 'A')
      || setweight(to_tsvector('simple', v.standfirst), 'B')
      || setweight(to_tsvector('simple', v.people), 'B')
      || setweight(to_tsvector('simple', v.body), 'C')
    from (values ${sql.join(rows)}) as v (id, headline, standfirst, people, body)
    where exists (select 1 from articles where articles.id = v.id)
    on conflict (article_id) do update set document = excluded.document`.execute(db);
}

export async function clearFullTextIndex(db: AnyDb): Promise<void> {
  await sql`delete from article_search`.execute(db);
}

/**
 * After a rebuild: FTS5 merges its segments into one; PostgreSQL gathers the new table's statistics
 * for the planner at once instead of waiting for autovacuum.
 */
export async function optimizeFullTextIndex(db: AnyDb): Promise<void> {
  if (fullTextEngine(db) === 'sqlite') await sql`insert into article_search (article_search) values ('optimize')`.execute(db);
  else await sql`analyze article_search`.execute(db);
}

export async function countFullTextDocuments(db: AnyDb): Promise<number> {
  const result = await sql<{ count: number | string }>`select count(*) as count from article_search`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

/**
 * A subquery of `FullTextMatch` rows for the clauses (all must match), to join to the articles
 * the caller may show. Callers pass at least one clause.
 */
export function fullTextMatches(db: AnyDb, clauses: readonly FullTextClause[], ranked = true): RawBuilder<FullTextMatch> {
  if (!ranked) {
    // Counting needs no rank, and computing one for every match is most of a count's cost.
    return fullTextEngine(db) === 'sqlite'
      ? sql<FullTextMatch>`(select article_id, 0 as score from article_search where article_search match ${fts5Query(clauses)})`
      : sql<FullTextMatch>`(select article_id, 0 as score from article_search where document @@ to_tsquery('simple', ${tsQuery(clauses)}))`;
  }
  if (fullTextEngine(db) === 'sqlite') {
    return sql<FullTextMatch>`(select article_id, -bm25(article_search, 0.0, 10.0, 4.0, 4.0, 1.0) as score
      from article_search where article_search match ${fts5Query(clauses)})`;
  }
  // The tsquery is written out twice rather than joined as a FROM item: as a plain restriction the
  // planner uses the GIN index (joined, it scanned every document: 200 ms at 5,000 stories).
  const query = tsQuery(clauses);
  return sql<FullTextMatch>`(select article_id, ts_rank_cd(document, to_tsquery('simple', ${query})) as score
    from article_search where document @@ to_tsquery('simple', ${query}))`;
}

/** Tokens hold only letters, marks and digits; quoting still makes each one a plain string. */
const quoteFts5 = (token: string) => `"${token.replace(/"/g, '""')}"`;
const quoteTs = (token: string) => `'${token.replace(/['\\]/g, '')}'`;

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

function tsQuery(clauses: readonly FullTextClause[]): string {
  return clauses
    .map((clause) => {
      switch (clause.kind) {
        case 'token':
          return quoteTs(clause.token);
        case 'phrase':
          return `(${clause.tokens.map(quoteTs).join(' <-> ')})`;
        case 'prefix':
          return `${quoteTs(clause.token)}:*`;
      }
    })
    .join(' & ');
}
