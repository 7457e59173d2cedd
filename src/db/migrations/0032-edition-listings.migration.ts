import { sql, type Kysely, type Migration } from 'kysely';

/**
 * An author's or a tag's stories in one edition (docs/editions.md), read as before editions: their
 * ids from the link tables' indexes (0009), each story checked for visibility and for its edition
 * from this index alone, as `articles_visible_id_idx` checks visibility without the edition (whose
 * column, added by 0027, sits after the body in a SQLite row). Partial on published stories, like
 * it. publishedQuery names the edition there so that no index serves it (the edition's timeline,
 * 0030, would otherwise be walked for the order); a series' parts are read from their own index
 * (0001) with their rows anyway. With one edition the lists do not name it and this goes unused.
 */
export const editionListingsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('articles_visible_edition_id_idx')
      .on('articles')
      .columns(['id', 'published_at', 'embargo_until', 'edition_id'])
      .where(sql<boolean>`status = 'published'`)
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('articles_visible_edition_id_idx').execute();
  },
};
