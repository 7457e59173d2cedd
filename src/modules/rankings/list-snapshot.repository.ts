import type { Db } from '../../db/database.js';
import { parseListSnapshotIds, type ListSnapshotIds } from './list-snapshot.js';

/** The site-wide lists' row in `list_snapshots` (migration 0011). */
const SITE_LISTS = 'site';

/**
 * Stores the lists' story ids as last computed, so that a start loads them (one read by id) rather
 * than ranking again. One small row, rewritten only when a computation changed it.
 */
export async function saveListSnapshot(db: Db, snapshot: ListSnapshotIds, savedAt: Date): Promise<void> {
  const row = { name: SITE_LISTS, snapshot: JSON.stringify(snapshot), saved_at: savedAt.toISOString() };
  await db
    .insertInto('list_snapshots')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet({ snapshot: row.snapshot, saved_at: row.saved_at }))
    .execute();
}

/** The stored lists, or null when none were stored yet (or what is stored no longer reads as lists of this version). */
export async function loadListSnapshot(db: Db): Promise<ListSnapshotIds | null> {
  const row = await db.selectFrom('list_snapshots').select('snapshot').where('name', '=', SITE_LISTS).executeTakeFirst();
  if (!row) return null;
  try {
    return parseListSnapshotIds(JSON.parse(row.snapshot));
  } catch {
    return null;
  }
}
