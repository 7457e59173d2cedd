import type { Db } from '../../db/database.js';
import { insertSection } from './section.repository.js';
import type { Section, SectionInput } from './section.types.js';

/**
 * Writes one imported section as given, with no event: importers announce the whole import once,
 * with `content.imported`, and the section directory reloads then.
 */
export async function importSection(db: Db, input: SectionInput, createdAt: Date): Promise<Section> {
  return insertSection(db, input, createdAt);
}
