import type { Db } from '../../db/database.js';
import { ensureTags } from './tag.repository.js';
import type { Tag } from './tag.types.js';

/** The tags with these names for an imported story, creating those that do not exist yet, in order. */
export async function importTags(db: Db, names: readonly string[]): Promise<Tag[]> {
  return ensureTags(db, names);
}
