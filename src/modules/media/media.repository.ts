import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared-query.js';
import type { MediaAssetsTable } from '../../db/schema.js';
import type { MediaAsset, MediaAssetInput, MediaDetailsInput, MediaVariant } from './media.types.js';

export async function findMediaByIds(db: Db, ids: readonly string[]): Promise<Map<string, MediaAsset>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await mediaByIds(db, unique);
  return new Map(rows.map((row) => [row.id, toMediaAsset(row)]));
}

const mediaByIds = preparedQuery((db, ids: readonly string[]) => db.selectFrom('media_assets').selectAll().where('id', 'in', ids));

export async function findMediaById(db: Db, id: string): Promise<MediaAsset | undefined> {
  const row = await db.selectFrom('media_assets').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMediaAsset(row) : undefined;
}

/** Newest first, for the media library; the id breaks ties so pages never overlap. */
export async function listMedia(db: Db, options: { limit: number; offset: number }): Promise<MediaAsset[]> {
  const rows = await db
    .selectFrom('media_assets')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return rows.map(toMediaAsset);
}

/** `avifPending`: the upload's AVIF variants are still to be made (see avif-variants.service.ts). */
export async function insertMediaAsset(db: Db, input: MediaAssetInput, createdAt: Date, options: { avifPending?: boolean } = {}): Promise<void> {
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
      avif_pending: options.avifPending ? 1 : 0,
    })
    .execute();
}

/**
 * Returns false when no asset has that id, or (`onlyWithoutAlt`) when it has alt text already: an
 * empty alt may be saved only over an empty one, checked in the same statement.
 */
export async function updateMediaDetails(
  db: Db,
  id: string,
  details: MediaDetailsInput,
  options: { onlyWithoutAlt?: boolean } = {},
): Promise<boolean> {
  const result = await db
    .updateTable('media_assets')
    .set({ alt: details.alt, caption: details.caption, credit: details.credit })
    .where('id', '=', id)
    .$if(options.onlyWithoutAlt === true, (query) => query.where('alt', '=', ''))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Assets whose AVIF variants are still owed (`avif_pending`, by an index), oldest first, leaving out `excludeIds`. */
export async function listMediaWithoutAvif(db: Db, limit: number, excludeIds: readonly string[] = []): Promise<MediaAsset[]> {
  const rows = await db
    .selectFrom('media_assets')
    .selectAll()
    .where('avif_pending', '=', 1)
    .$if(excludeIds.length > 0, (query) => query.where('id', 'not in', excludeIds))
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toMediaAsset);
}

/** Replaces the asset's list of variants; returns false when no asset has that id. */
export async function updateMediaVariants(db: Db, id: string, variants: readonly MediaVariant[]): Promise<boolean> {
  const result = await db
    .updateTable('media_assets')
    .set({ variants: JSON.stringify(variants), avif_pending: 0 })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A stored row as the domain's asset (media-search.repository.ts reads the same rows). */
export function toMediaAsset(row: Selectable<MediaAssetsTable>): MediaAsset {
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
