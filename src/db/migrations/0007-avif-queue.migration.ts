import type { Kysely, Migration } from 'kysely';

/**
 * AVIF variants are made after an upload returns (slow: about a second an image). `avif_pending`
 * records that one is owed, so an upload whose AVIF job a stop interrupted is found again at the
 * next start (avif-backlog.job.ts) by an index, without reading every asset. Assets that never
 * asked for AVIF (the demo's, imported ones) are not encoded behind the publisher's back.
 */
export const avifQueueMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('media_assets')
      .addColumn('avif_pending', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('media_assets_avif_pending_idx').on('media_assets').columns(['avif_pending', 'created_at']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('media_assets_avif_pending_idx').execute();
    await db.schema.alterTable('media_assets').dropColumn('avif_pending').execute();
  },
};
