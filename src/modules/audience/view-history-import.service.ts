import type { Db } from '../../db/database.js';
import { insertViewHours, type HourlyViewCount } from './view-count.repository.js';

/** One story's views in one UTC hour, as an importer brings them. */
export type ViewHourImport = HourlyViewCount;

/**
 * Writes imported hourly view counts as they are (the demo's history, an archive's). Unlike a
 * counted view, the stories' running totals are left alone: an import sets them with the story.
 */
export async function importViewHistory(db: Db, counts: readonly ViewHourImport[]): Promise<void> {
  await insertViewHours(db, counts);
}
