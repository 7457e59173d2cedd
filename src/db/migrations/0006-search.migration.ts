import type { Kysely, Migration } from 'kysely';
import type { FullTextIndex } from '../dialects/full-text.js';

/**
 * The full-text index of stories: an FTS5 table on SQLite, a weighted tsvector with a GIN index on
 * PostgreSQL (the engine-specific DDL lives in dialects/sqlite-full-text.ts and
 * dialects/postgres-full-text.ts; the engine's connection hands its index in). It starts empty; the
 * search service fills it at start when it is behind the stories, so an upgraded database gets indexed.
 */
export function searchMigration(fullText: FullTextIndex): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await fullText.createIndex(db);
    },
  };
}
