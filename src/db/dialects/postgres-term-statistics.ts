import { sql } from 'kysely';
import type { AnyDb, FullTextClause, FullTextTerm } from './full-text.js';

/**
 * How often the indexed words occur, as PostgreSQL's own statistics of `article_search.document`
 * say (`pg_stats.most_common_elems`: the most frequent ~1,000 words and the share of documents
 * holding each), with the number of documents. Used to choose how a search finds its newest
 * matches (postgres-full-text.ts): the planner estimates a word's matches well but, assuming they
 * are spread evenly in time and cheap to check, walks the newest stories for words in a few per
 * cent of them, reading thousands of documents (docs/performance.md, "PostgreSQL's search").
 */
export class TermStatistics {
  private readonly shares: ReadonlyMap<string, number>;
  /** The share below which PostgreSQL itself puts every word missing from the list. */
  private readonly unlistedShare: number;

  constructor(
    words: readonly string[],
    shares: readonly number[],
    readonly documents: number,
  ) {
    this.shares = new Map(words.map((word, index) => [word, shares[index] ?? 0]));
    // The list's frequencies are followed by the lowest and highest of them and a null share.
    const lowest = shares[words.length] ?? Math.min(...shares.slice(0, words.length), 1);
    this.unlistedShare = lowest / 2;
  }

  /** The share of documents estimated to match all the clauses (each taken as independent). */
  matchShare(clauses: readonly FullTextClause[]): number {
    let share = 1;
    for (const clause of clauses) share *= this.clauseShare(clause);
    return share;
  }

  /**
   * Below this share of matches, choosing the newest `limit` from the GIN index's matches costs
   * less than walking the newest stories and checking each document. Walking reads about
   * `limit / share` documents; the index's path reads `share × documents` rows and sorts them
   * (measured at 100,000 stories: 12%, where both take about 25 ms; each document read on the walk
   * costs about 7 times a row of the index's path).
   */
  walkFrom(limit: number): number {
    return Math.sqrt((limit * WALK_COST_RATIO) / Math.max(1, this.documents));
  }

  private clauseShare(clause: FullTextClause): number {
    if (clause.kind === 'any')
      return Math.min(
        1,
        clause.terms.reduce((sum, term) => sum + this.termShare(term), 0),
      );
    return this.termShare(clause);
  }

  private termShare(clause: FullTextTerm): number {
    switch (clause.kind) {
      case 'token':
        return this.wordShare(clause.token);
      case 'phrase':
        return Math.min(...clause.tokens.map((token) => this.wordShare(token)));
      case 'prefix': {
        let share = 0;
        for (const [word, wordShare] of this.shares) if (word.startsWith(clause.token)) share += wordShare;
        return Math.min(1, Math.max(share, this.unlistedShare));
      }
    }
  }

  private wordShare(word: string): number {
    return this.shares.get(word) ?? this.unlistedShare;
  }
}

const WALK_COST_RATIO = 7.2;
/** Statistics change only when the table is analyzed (autovacuum, or after `generate` or an import). */
const REFRESH_MS = 10 * 60_000;

interface Cached {
  loadedAt: number;
  statistics: Promise<TermStatistics | null>;
}

/** Per database handle: tests open several databases in one process. */
const cached = new WeakMap<object, Cached>();

/**
 * The term statistics of this database, read at most every ten minutes; null while the table has
 * none (never analyzed): the planner then chooses as it would.
 */
export function termStatistics(db: AnyDb, now = Date.now()): Promise<TermStatistics | null> {
  const known = cached.get(db);
  if (known && now - known.loadedAt < REFRESH_MS) return known.statistics;
  const statistics = readTermStatistics(db).catch(() => null);
  cached.set(db, { loadedAt: now, statistics });
  return statistics;
}

async function readTermStatistics(db: AnyDb): Promise<TermStatistics | null> {
  const result = await sql<{ words: string[] | null; shares: number[] | null; documents: number | string | null }>`
    select s.most_common_elems::text::text[] as words, s.most_common_elem_freqs as shares, c.reltuples as documents
    from pg_class c left join pg_stats s
      on s.schemaname = current_schema() and s.tablename = 'article_search' and s.attname = 'document'
    where c.oid = 'article_search'::regclass`.execute(db);
  const row = result.rows[0];
  const documents = Number(row?.documents ?? 0);
  if (!row?.words || !row.shares || !(documents > 0)) return null;
  return new TermStatistics(row.words, row.shares.map(Number), documents);
}

/** Drops what was read for this database, so the next search reads the statistics afresh (tests). */
export function forgetTermStatistics(db: AnyDb): void {
  cached.delete(db);
}
