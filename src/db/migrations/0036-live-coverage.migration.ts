import type { Kysely, Migration } from 'kysely';

/**
 * Live coverage (docs/live.md):
 * - `live_coverage`: one row per live story once it has an update or key points. `last_sequence` is
 *   the story's change counter: every post, edit, delete, summary save and the ending take the next
 *   number under the row's lock, so changes commit in sequence order and "what changed after N"
 *   (an SSE Last-Event-ID) is one index range.
 * - `live_updates`: the timestamped updates. `sequence` is the counter when the update last
 *   changed; a deleted update keeps its row (`deleted_at`) so a reconnecting page learns it went.
 * Indexes: by story and sequence (the replay), by story, pinned and time (the page, newest first,
 * pinned apart), by story, key event and time (the summary's links).
 */
export const liveCoverageMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('live_coverage')
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('last_sequence', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('summary_sequence', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('ended_at', 'text')
      .addColumn('ended_sequence', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('live_updates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('sequence', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('key_event', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('edited_at', 'text')
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('live_updates_sequence_idx').unique().on('live_updates').columns(['article_id', 'sequence']).execute();
    await db.schema.createIndex('live_updates_page_idx').on('live_updates').columns(['article_id', 'pinned', 'created_at', 'id']).execute();
    await db.schema.createIndex('live_updates_key_idx').on('live_updates').columns(['article_id', 'key_event', 'created_at']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('live_updates').execute();
    await db.schema.dropTable('live_coverage').execute();
  },
};
