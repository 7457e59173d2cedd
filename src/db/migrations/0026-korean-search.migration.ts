import type { Kysely, Migration } from 'kysely';
import type { FullTextIndex } from '../dialects/full-text.js';

/**
 * Korean words are now indexed with their stem too (modules/search/search-korean.ts), and queries
 * look for it: stories indexed before lack it. The index is emptied here, once, and the search
 * catch-up (search-catch-up.job.ts) re-indexes every story at the next start, a slice at a time,
 * on either engine; searches meanwhile answer from what is indexed so far.
 */
export function koreanSearchMigration(fullText: FullTextIndex): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await fullText.discardDocuments(db);
    },
  };
}
