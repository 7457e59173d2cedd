import type { Kysely, Migration } from 'kysely';

/**
 * View counts in hourly buckets. A bucket holds whole views only: no reader, address or agent is
 * ever stored. `via_*` count the views that arrived by a click on that ranked list, so the list can
 * leave them out of its own ranking.
 */
export const audienceMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('article_view_hours')
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      /** Start of the UTC hour, ISO text (`2026-11-29T05:00:00.000Z`). */
      .addColumn('hour_start', 'text', (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('via_popular_now', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('via_weekly_best', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('article_view_hours_pk', ['article_id', 'hour_start'])
      .execute();
    // Every ranking and report reads a time window across all articles.
    await db.schema.createIndex('article_view_hours_hour_idx').on('article_view_hours').columns(['hour_start', 'article_id']).execute();
  },
};
