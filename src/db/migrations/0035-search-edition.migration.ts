import type { Kysely, Migration } from 'kysely';
import type { FullTextIndex } from '../dialects/full-text.js';

/**
 * Each search document's edition beside it (PostgreSQL): an edition's search walks its own
 * documents newest first instead of every edition's (docs/editions.md, "Search per edition").
 */
export function searchEditionMigration(fullText: FullTextIndex): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await fullText.storeEdition(db);
    },
  };
}
