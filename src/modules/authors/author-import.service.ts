import type { Db } from '../../db/database.js';
import { insertAuthor } from './author.repository.js';
import type { AuthorInput } from './author.types.js';

/**
 * Writes one imported author as given (the demo, an archive import), with no event: importers
 * announce the whole import once, with `content.imported`.
 * @returns the author's id
 */
export async function importAuthor(db: Db, input: AuthorInput, createdAt: Date): Promise<string> {
  return insertAuthor(db, input, createdAt);
}
