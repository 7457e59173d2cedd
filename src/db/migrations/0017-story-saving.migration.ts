import type { Kysely, Migration } from 'kysely';

/**
 * Saving that never loses work (docs/editor-saving.md):
 * - `articles.edit_version` counts every write of a story's content (explicit save, autosave,
 *   restore). An editor sends the version it started from; the save is one conditional UPDATE that
 *   bumps it only while it is still that version, or while the last writer was the same editing
 *   session (`edit_session`), so a save over someone else's newer save is refused, never merged.
 * - `article_revisions.kind` says what made a revision (save, autosave, restore or a workflow
 *   step) and `editing_session` which open editor autosaved it, so a session's repeated autosaves
 *   update its one revision in place.
 * - `story_presence`: who has a story's editor open, one row per story and user, refreshed by the
 *   editor's heartbeat and ignored (then deleted) once `seen_at` is older than a minute. Stored in
 *   the database so every node sees the same editors.
 */
export const storySavingMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('articles')
      .addColumn('edit_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('articles').addColumn('edit_session', 'text').execute();
    await db.schema
      .alterTable('article_revisions')
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('save'))
      .execute();
    await db.schema.alterTable('article_revisions').addColumn('editing_session', 'text').execute();

    await db.schema
      .createTable('story_presence')
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('editing_session', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('story_presence_pk', ['article_id', 'user_id'])
      .execute();
    // The purge of expired rows, which every heartbeat runs.
    await db.schema.createIndex('story_presence_seen_idx').on('story_presence').column('seen_at').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('story_presence_seen_idx').execute();
    await db.schema.dropTable('story_presence').execute();
    await db.schema.alterTable('article_revisions').dropColumn('editing_session').execute();
    await db.schema.alterTable('article_revisions').dropColumn('kind').execute();
    await db.schema.alterTable('articles').dropColumn('edit_session').execute();
    await db.schema.alterTable('articles').dropColumn('edit_version').execute();
  },
};
