import type { Db } from '../../db/database.js';
import { insertReader } from './reader.repository.js';

/** A reader account brought in by an importer; `passwordHash` may be one no password matches. */
export interface ReaderImport {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
}

/**
 * Writes one imported reader account, created (and its password set) at `now`. Imported readers
 * count as confirmed: the site they come from had their address, and they cannot be asked again.
 */
export async function importReader(db: Db, reader: ReaderImport, now: Date): Promise<void> {
  await insertReader(db, reader, now, now);
}
