import type { Db } from '../../db/database.js';
import { insertMediaAsset } from './media.repository.js';
import type { MediaAssetInput } from './media.types.js';

/**
 * Records one imported image whose variant files are already written (writeImageVariants), with
 * no event: importers announce the whole import once, with `content.imported`.
 */
export async function importMediaAsset(db: Db, input: MediaAssetInput, createdAt: Date): Promise<void> {
  await insertMediaAsset(db, input, createdAt);
}
