import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MediaAssetsTable } from '../../db/schema.js';
import type { MediaAsset, MediaAssetInput } from './media.types.js';

export async function findMediaByIds(db: Db, ids: readonly string[]): Promise<Map<string, MediaAsset>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('media_assets').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, toMediaAsset(row)]));
}

export async function insertMediaAsset(db: Db, input: MediaAssetInput, createdAt: Date): Promise<void> {
  await db
    .insertInto('media_assets')
    .values({
      id: input.id,
      mime_type: input.mimeType,
      width: input.width,
      height: input.height,
      alt: input.alt,
      caption: input.caption,
      credit: input.credit,
      variants: JSON.stringify(input.variants),
      created_at: createdAt.toISOString(),
    })
    .execute();
}

function toMediaAsset(row: Selectable<MediaAssetsTable>): MediaAsset {
  return {
    id: row.id,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    variants: JSON.parse(row.variants) as MediaAsset['variants'],
  };
}
