import type { Db } from '../../db/database.js';
import { validateText } from '../../shared/text.js';
import { insertSeries } from './series.repository.js';
import type { Series } from './series.types.js';

/**
 * Writes one imported series (the demo's, an archive's), with no event. Importing is the only way a
 * series is written, so its words pass the shared text rule here (no control characters, NFC).
 */
export async function importSeries(db: Db, input: Omit<Series, 'id'>, createdAt: Date): Promise<Series> {
  const title = validateText(input.title, { field: 'title', code: 'ERR_BAD_REQUEST', min: 1, max: 200 });
  const description = validateText(input.description, { field: 'description', code: 'ERR_BAD_REQUEST', max: 2000, multiline: true });
  return insertSeries(db, { ...input, title, description }, createdAt);
}
