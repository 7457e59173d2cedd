import type { Db } from '../../db/database.js';
import { writeSettings } from './settings.repository.js';
import type { PublicationSettings } from './settings.types.js';

/**
 * Writes an imported publication's settings as given, with no event: importers announce the whole
 * import once, with `content.imported`, and the settings reload then.
 */
export async function importPublicationSettings(db: Db, publication: PublicationSettings): Promise<void> {
  await writeSettings(db, { publication });
}
