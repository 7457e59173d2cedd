import type { Db } from '../../db/database.js';
import { insertSeries } from './series.repository.js';
import type { Series } from './series.types.js';

/** Writes one imported series (the demo's, an archive's), with no event. */
export async function importSeries(db: Db, input: Omit<Series, 'id'>, createdAt: Date): Promise<Series> {
  return insertSeries(db, input, createdAt);
}
