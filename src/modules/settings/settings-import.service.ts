import type { Db } from '../../db/database.js';
import { AppError } from '../../shared/errors.js';
import { writeSettings } from './settings.repository.js';
import { PublicationSettingsSchema, type PublicationSettings } from './settings.types.js';

/**
 * Writes an imported publication's settings, with no event: importers announce the whole import
 * once, with `content.imported`, and the settings reload then. They pass the same rules as the
 * settings form (ERR_SETTINGS_INVALID, nothing written), so an import cannot store a control character.
 */
export async function importPublicationSettings(db: Db, publication: PublicationSettings): Promise<void> {
  const parsed = PublicationSettingsSchema.safeParse(publication);
  if (!parsed.success) throw new AppError('ERR_SETTINGS_INVALID', parsed.error.issues.map((issue) => issue.path.join('.')).join(', '));
  await writeSettings(db, { publication: parsed.data });
}
