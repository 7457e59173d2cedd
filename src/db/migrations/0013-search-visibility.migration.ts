import type { Kysely, Migration } from 'kysely';
import type { FullTextIndex } from '../dialects/full-text.js';

/**
 * A search on PostgreSQL chose its newest matches by joining every match to its story for the
 * publication time, or by walking the newest stories and reading each one's document: for a word
 * in a few per cent of 100,000 stories, 200 ms. Each document now carries its story's visibility,
 * publication time and section, so the newest visible matches are chosen from the index's own
 * table (docs/performance.md, "PostgreSQL's search"). The columns are filled here from the stories;
 * the indexer keeps them in step. SQLite files its documents by publication time already (0012).
 */
export function searchVisibilityMigration(fullText: FullTextIndex): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await fullText.storeVisibility(db);
    },
  };
}
