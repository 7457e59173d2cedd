import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Each edition's ranked lists (modules/rankings, docs/editions.md): the newest stories of one
 * edition, read newest first with no sort, and Weekly Best's candidates of one edition (published
 * since its age cap), a range of the same index. Partial on published stories like the timeline's
 * index of migration 0009, so only a query that says `status = 'published'` literally uses it, as
 * publishedQuery does; `embargo_until` lets the visibility rule be checked from the index alone.
 */
export const editionListsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('articles_edition_published_idx')
      .on('articles')
      .columns(['edition_id', 'published_at', 'id', 'embargo_until'])
      .where(sql<boolean>`status = 'published'`)
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('articles_edition_published_idx').execute();
  },
};
