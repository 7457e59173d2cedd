import type { Kysely, Migration } from 'kysely';

/**
 * Old links that keep working (modules/redirects):
 * - `redirects`: an old path, normalised (redirect-path.ts: decoded, lower-cased, without its
 *   trailing slash, its query dropped but for WordPress's `?p=N` and the like), and where it now
 *   lives. Read by primary key when a reader's request matches no route, so the lookup is one
 *   indexed statement however many redirects an import brought.
 * - `not_found_paths`: the paths readers asked for that matched nothing, with how often and when,
 *   for admins to redirect. Bounded: at most 1,000 rows, written in batches from memory
 *   (not-found-log.service.ts), never once per request.
 */
export const redirectsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('redirects')
      .addColumn('path', 'text', (c) => c.primaryKey())
      /** A path on this site (`/article/slug`) or a full http(s) address elsewhere. */
      .addColumn('target', 'text', (c) => c.notNull())
      /** `import` (an archive's old links) or `newsroom` (added by an admin). */
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // The newsroom's list: newest first, 50 a page.
    await db.schema.createIndex('redirects_created_idx').on('redirects').columns(['created_at', 'path']).execute();

    await db.schema
      .createTable('not_found_paths')
      .addColumn('path', 'text', (c) => c.primaryKey())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('not_found_paths').execute();
    await db.schema.dropIndex('redirects_created_idx').execute();
    await db.schema.dropTable('redirects').execute();
  },
};
