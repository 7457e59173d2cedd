import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { FullTextClause, FullTextIndex } from '../../db/dialects/full-text.js';
import type { DeskCandidates } from '../articles/index.js';

/**
 * The newest `limit` stories matching, whatever their status (drafts last), as a subquery of ids
 * for the newsroom's story list. The engine walks its index newest first and stops at the limit
 * (SQLite by rowid; PostgreSQL by article_search_every_idx, or the GIN index for a rare word).
 */
export async function deskSearchCandidates(
  db: Db,
  fullText: FullTextIndex,
  clauses: readonly FullTextClause[],
  limit: number,
): Promise<DeskCandidates> {
  const matches = await fullText.matches(db, clauses, { now: new Date(), limit, everyStatus: true });
  // PostgreSQL's matches are the newest `limit` already (recency null): the order changes nothing there.
  return sql<{ article_id: string }>`(select m.article_id as article_id from ${matches} as m order by m.recency desc limit ${limit})`;
}
