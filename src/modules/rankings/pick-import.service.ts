import type { Db } from '../../db/database.js';
import { insertPick } from './pick.repository.js';

/** An editors' pick brought in by an importer: the story and its place in the list. */
export interface PickImport {
  articleId: string;
  position: number;
  expiresAt?: Date | null;
}

/**
 * Writes one imported editors' pick, with no event: importers announce the whole import once, with
 * `content.imported`, and curation reloads then.
 */
export async function importPick(db: Db, pick: PickImport, createdAt: Date): Promise<void> {
  await insertPick(db, pick, createdAt);
}
