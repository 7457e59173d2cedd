import type { Db } from '../../db/database.js';
import { newId } from '../../shared/ids.js';
import { canonicalLanguage } from './edition.service.js';
import { insertEdition, listEditionRows } from './edition.repository.js';
import type { EditionInput } from './edition.types.js';

/**
 * Writes an imported edition (the demo's Korean one), switched on, after the others, with no
 * checks beyond the database's and no event: importers announce the whole import once, with
 * `content.imported`, on which every node reloads its editions. An edition already holding the
 * language is kept as it is and its id returned, so an importer run twice adds nothing.
 * @returns the edition's id
 */
export async function importEdition(db: Db, input: EditionInput, createdAt: Date): Promise<string> {
  const rows = await listEditionRows(db);
  const code = canonicalLanguage(input.code) ?? input.code;
  const existing = rows.find((row) => row.code === code);
  if (existing) return existing.id;
  const id = newId();
  await insertEdition(db, { id, ...input, code, position: rows.length }, createdAt);
  return id;
}
