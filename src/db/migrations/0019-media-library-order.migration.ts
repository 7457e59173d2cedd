import type { Kysely, Migration } from 'kysely';

/**
 * The media library is read newest first, by the library page and the story editor's picture
 * picker (media-search.repository.ts), in pages that continue after the last picture shown
 * (created_at, id). Without this index each page sorts the whole table: 100,000 rows for a library
 * that size. With it a page is a walk of the index from where the last one stopped.
 */
export const mediaLibraryOrderMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('media_assets_created_idx').on('media_assets').columns(['created_at', 'id']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('media_assets_created_idx').execute();
  },
};
