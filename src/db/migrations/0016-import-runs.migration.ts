import type { Kysely, Migration } from 'kysely';

/**
 * The newsroom's import runs (modules/import-runs): each upload of an archive export, its progress
 * and its report, so every node and a reload show the same thing.
 * - `active` is 1 while a run is queued or running and NULL once it ended: its unique index lets only
 *   one run be active at a time across every node (NULLs never collide, on either engine).
 * - `heartbeat_at` is written with the progress, about every second, by the node running it: a run
 *   whose heartbeat stopped (its node died) is marked failed by whoever looks next.
 * - `report` is the importer's whole report as JSON, once the run finished.
 */
export const importRunsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('import_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // wordpress | ghost
      .addColumn('kind', 'text', (c) => c.notNull())
      // As the browser sent it, cleaned (no path, no control characters).
      .addColumn('file_name', 'text', (c) => c.notNull())
      // Past 2 GB (IMPORT_MAX_BYTES may allow 64 GB): a 64-bit integer on both engines.
      .addColumn('file_bytes', 'bigint', (c) => c.notNull())
      // queued | running | finished | failed
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('active', 'integer')
      .addColumn('dry_run', 'integer', (c) => c.notNull())
      // The options as chosen on the form (section map, unmapped, pictures), JSON.
      .addColumn('options', 'text', (c) => c.notNull())
      .addColumn('done', 'integer', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('node_id', 'text', (c) => c.notNull())
      .addColumn('started_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('heartbeat_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('error', 'text')
      .addColumn('report', 'text')
      .execute();
    await db.schema.createIndex('import_runs_active_idx').on('import_runs').column('active').unique().execute();
    // The page's list of runs: newest first.
    await db.schema.createIndex('import_runs_created_idx').on('import_runs').columns(['created_at', 'id']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('import_runs_created_idx').execute();
    await db.schema.dropIndex('import_runs_active_idx').execute();
    await db.schema.dropTable('import_runs').execute();
  },
};
