import type { Db } from '../../db/database.js';
import { findMediaById, findMediaByIds } from './media.repository.js';
import type { MediaAsset } from './media.types.js';

/**
 * Reads of the media library for other modules (a logo, an author's photo, a feed's figures).
 * Needs only the database, so it can be built before the services that check images exist.
 */
export class MediaLibrary {
  constructor(private readonly db: Db) {}

  /** One asset, or undefined when it does not exist. */
  find(id: string): Promise<MediaAsset | undefined> {
    return findMediaById(this.db, id);
  }

  /** Assets by id in one query; unknown ids are left out. */
  findByIds(ids: readonly string[]): Promise<Map<string, MediaAsset>> {
    return findMediaByIds(this.db, ids);
  }
}
