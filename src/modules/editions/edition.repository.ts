import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { EditionsTable } from '../../db/schema.js';

export type EditionRow = Selectable<EditionsTable>;

export async function listEditionRows(db: Db): Promise<EditionRow[]> {
  return db.selectFrom('editions').selectAll().orderBy('position').orderBy('code').execute();
}

export async function insertEdition(
  db: Db,
  row: { id: string; code: string; pathPrefix: string; name: string; tagline: string; timeZone: string; position: number },
  now: Date,
): Promise<void> {
  await db
    .insertInto('editions')
    .values({
      id: row.id,
      code: row.code,
      path_prefix: row.pathPrefix,
      name: row.name,
      tagline: row.tagline,
      time_zone: row.timeZone,
      enabled: 1,
      position: row.position,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
}

/** Changes an edition other than the default one (whose details are the publication's). Returns whether it did. */
export async function updateEdition(
  db: Db,
  id: string,
  changes: { code: string; pathPrefix: string; name: string; tagline: string; timeZone: string },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('editions')
    .set({
      code: changes.code,
      path_prefix: changes.pathPrefix,
      name: changes.name,
      tagline: changes.tagline,
      time_zone: changes.timeZone,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('path_prefix', '!=', '')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Switches an edition other than the default one on or off. Returns whether it did. */
export async function setEditionEnabled(db: Db, id: string, enabled: boolean, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('editions')
    .set({ enabled: enabled ? 1 : 0, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('path_prefix', '!=', '')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
