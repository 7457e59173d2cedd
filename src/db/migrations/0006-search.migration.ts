import type { Kysely, Migration } from 'kysely';
import { createFullTextIndex } from '../dialects/full-text.js';

/**
 * The full-text index of stories: an FTS5 table on SQLite, a weighted tsvector with a GIN index on
 * PostgreSQL (the engine-specific DDL lives in dialects/full-text.ts). It starts empty; the search
 * service fills it at start when it is behind the stories, so an upgraded database gets indexed.
 */
export const searchMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createFullTextIndex(db);
  },
};
