import type { Kysely, Migration } from 'kysely';
import type { FullTextIndex } from '../dialects/full-text.js';

/**
 * A search ranks the newest few hundred matches rather than every one (modules/search,
 * MAX_RANKED_MATCHES), so the index must give its matches newest first without reading them all.
 * On SQLite the documents are filed anew by publication time: the index is emptied here and the
 * search catch-up re-indexes every story at the next start, a slice at a time (searches meanwhile
 * answer from what is indexed). PostgreSQL orders matches by the stories' own index: nothing to do.
 */
export function searchByPublicationMigration(fullText: FullTextIndex): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await fullText.fileByPublication(db);
    },
  };
}
