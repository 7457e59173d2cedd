import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NotFoundPathsTable } from '../../db/schema.js';
import { REDIRECT_CHUNK } from './redirect.repository.js';
import type { NotFoundPath } from './redirect.types.js';

/** A count never grows past this (PostgreSQL's integer is 32 bits): a flood cannot make a write fail. */
export const MAX_HITS = 2_000_000_000;

/** The paths among these (at most REDIRECT_CHUNK) the log holds already. */
export async function findLoggedPaths(db: Db, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const rows = await db.selectFrom('not_found_paths').select('path').where('path', 'in', paths).execute();
  return new Set(rows.map((row) => row.path));
}

/**
 * Adds hits to the log: a path it holds gets them added (and its last time), a path it lacks is
 * stored. Adding (never setting) keeps counts right when several nodes write at once.
 */
export async function addNotFoundHits(db: Db, hits: readonly NotFoundPath[]): Promise<void> {
  for (let start = 0; start < hits.length; start += REDIRECT_CHUNK) {
    await db
      .insertInto('not_found_paths')
      .values(
        hits.slice(start, start + REDIRECT_CHUNK).map((hit) => ({
          path: hit.path,
          hits: Math.min(hit.hits, MAX_HITS),
          first_seen_at: hit.firstSeenAt.toISOString(),
          last_seen_at: hit.lastSeenAt.toISOString(),
        })),
      )
      .onConflict((oc) =>
        oc.column('path').doUpdateSet({
          // CASE rather than min()/least(): the one spelling both engines read the same way.
          hits: sql<number>`case when not_found_paths.hits > ${sql.lit(MAX_HITS)} - excluded.hits then ${sql.lit(MAX_HITS)} else not_found_paths.hits + excluded.hits end`,
          last_seen_at: sql<string>`excluded.last_seen_at`,
        }),
      )
      .execute();
  }
}

export async function countLoggedPaths(db: Db): Promise<number> {
  const row = await db
    .selectFrom('not_found_paths')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Forgets paths not asked for since `before`, making room for new ones. */
export async function deleteStaleLoggedPaths(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('not_found_paths').where('last_seen_at', '<', before.toISOString()).execute();
}

/** Forgets the `count` least asked-for paths (the oldest first among equals). */
export async function deleteLeastHitPaths(db: Db, count: number): Promise<void> {
  if (count <= 0) return;
  const doomed = await db.selectFrom('not_found_paths').select('path').orderBy('hits').orderBy('last_seen_at').orderBy('path').limit(count).execute();
  await deleteLoggedPaths(
    db,
    doomed.map((row) => row.path),
  );
}

/** Forgets these paths (a redirect now answers them). */
export async function deleteLoggedPaths(db: Db, paths: readonly string[]): Promise<void> {
  for (let start = 0; start < paths.length; start += REDIRECT_CHUNK) {
    await db
      .deleteFrom('not_found_paths')
      .where('path', 'in', paths.slice(start, start + REDIRECT_CHUNK))
      .execute();
  }
}

/** The most asked-for paths, most recent first among equals (the log holds at most 1,000). */
export async function listMostHitPaths(db: Db, limit: number): Promise<NotFoundPath[]> {
  const rows = await db
    .selectFrom('not_found_paths')
    .selectAll()
    .orderBy('hits', 'desc')
    .orderBy('last_seen_at', 'desc')
    .orderBy('path')
    .limit(limit)
    .execute();
  return rows.map(toNotFoundPath);
}

function toNotFoundPath(row: Selectable<NotFoundPathsTable>): NotFoundPath {
  return { path: row.path, hits: Number(row.hits), firstSeenAt: new Date(row.first_seen_at), lastSeenAt: new Date(row.last_seen_at) };
}
