import type { Kysely, Migration } from 'kysely';

/**
 * Translating a story (docs/editions.md):
 * - `articles.translated_from_id`: the story a translation was made from (its source, shown beside
 *   it in the editor); null for a story that is no translation.
 * - `articles.translated_from_version`: the source's `edit_version` (0017) when the translation was
 *   last created, saved or published; the source saved since (a higher version) makes a published
 *   translation "outdated".
 */
export const translationsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // No foreign key: SQLite cannot drop a column that has one (down), and a deleted source is simply not found.
    await db.schema.alterTable('articles').addColumn('translated_from_id', 'text').execute();
    await db.schema.alterTable('articles').addColumn('translated_from_version', 'integer').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('articles').dropColumn('translated_from_version').execute();
    await db.schema.alterTable('articles').dropColumn('translated_from_id').execute();
  },
};
