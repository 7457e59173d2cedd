import type { Kysely, Migration } from 'kysely';

/**
 * The archive importers' ledger (modules/imports): every item taken from a source (a WordPress or
 * Ghost export) by its id there, and what it became here. A second run of the same export finds
 * each item and changes nothing; an interrupted run resumes after the last story committed, since
 * a story and its ledger row are written in one transaction. `checksum` is the item's content as
 * read, so `--update` rewrites only what changed at the source.
 */
export const importLedgerMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('import_items')
      // e.g. `wordpress:https://example.com`: two sites' post 12 are different items.
      .addColumn('source', 'text', (c) => c.notNull())
      // post, page, author, category, tag, comment, reader, image
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('checksum', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_items_pk', ['source', 'kind', 'source_id'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('import_items').execute();
  },
};
