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

/** One item taken, as recorded with the story that took it. */
export interface LedgerRow extends LedgerEntry {
  kind: LedgerKind;
  sourceId: string;
}

/** Rows per statement: 6 values a row, well inside both engines' parameter limits. */
const ROWS_PER_STATEMENT = 500;

/** Records items taken (or refreshed by `--update`), inside the transaction that wrote them. */
export async function recordLedgerRows(db: Db, source: string, rows: readonly LedgerRow[], now: Date): Promise<void> {
  const importedAt = now.toISOString();
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const values = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => ({
      source,
      kind: row.kind,
      source_id: row.sourceId,
      target_id: row.targetId,
      checksum: row.checksum,
      imported_at: importedAt,
    }));
    await db
      .insertInto('import_items')
      .values(values)
      .onConflict((conflict) =>
        conflict.columns(['source', 'kind', 'source_id']).doUpdateSet((eb) => ({
          target_id: eb.ref('excluded.target_id'),
          checksum: eb.ref('excluded.checksum'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();
  }
}

/** Records items of one kind: recordLedgerRows for callers with a single kind. */
export async function recordLedgerEntries(
  db: Db,
  source: string,
  kind: LedgerKind,
  entries: ReadonlyArray<{ sourceId: string } & LedgerEntry>,
  now: Date,
): Promise<void> {
  await recordLedgerRows(
    db,
    source,
    entries.map((entry) => ({ kind, ...entry })),
    now,
  );
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
