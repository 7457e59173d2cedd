import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';

/** What an item from a source became here, and its content's checksum when it was taken. */
export interface LedgerEntry {
  targetId: string;
  checksum: string;
}

export type LedgerKind = 'post' | 'page' | 'author' | 'category' | 'tag' | 'comment' | 'reader' | 'image';

/** A short, stable checksum of an item as read, for `--update` to see what changed at the source. */
export function checksumOf(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value, (_key, item: unknown) => (item instanceof Map ? [...item] : item)))
    .digest('base64url')
    .slice(0, 22);
}

/** The ledger's entries for these source ids (unknown ids are left out). */
export async function findLedgerEntries(db: Db, source: string, kind: LedgerKind, sourceIds: readonly string[]): Promise<Map<string, LedgerEntry>> {
  const found = new Map<string, LedgerEntry>();
  for (let start = 0; start < sourceIds.length; start += 500) {
    const rows = await db
      .selectFrom('import_items')
      .select(['source_id', 'target_id', 'checksum'])
      .where('source', '=', source)
      .where('kind', '=', kind)
      .where('source_id', 'in', sourceIds.slice(start, start + 500))
      .execute();
    for (const row of rows) found.set(row.source_id, { targetId: row.target_id, checksum: row.checksum });
  }
  return found;
}

/** Records items taken (or refreshed by `--update`), inside the transaction that wrote them. */
export async function recordLedgerEntries(
  db: Db,
  source: string,
  kind: LedgerKind,
  entries: ReadonlyArray<{ sourceId: string } & LedgerEntry>,
  now: Date,
): Promise<void> {
  for (const entry of entries) {
    const row = { source, kind, source_id: entry.sourceId, target_id: entry.targetId, checksum: entry.checksum, imported_at: now.toISOString() };
    await db
      .insertInto('import_items')
      .values(row)
      .onConflict((conflict) =>
        conflict
          .columns(['source', 'kind', 'source_id'])
          .doUpdateSet({ target_id: row.target_id, checksum: row.checksum, imported_at: row.imported_at }),
      )
      .execute();
  }
}

/** How many items of each kind the ledger holds for a source (the Import page, tests). */
export async function countLedgerEntries(db: Db, source: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('import_items')
    .select(['kind', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('source', '=', source)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.kind, Number(row.count)]));
}
