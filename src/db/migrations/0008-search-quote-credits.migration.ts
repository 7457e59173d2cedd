import type { Kysely, Migration } from 'kysely';
import { clearFullTextDocuments } from '../dialects/full-text.js';

/**
 * The search index now holds the credit lines of quotes (`— Name, role`) with the body's words. The
 * stories indexed before lack them, so the index is emptied: at the next start the search service
 * finds it behind the stories and rebuilds it whole (SearchIndexer.ensureCurrent), on either engine.
 */
export const searchQuoteCreditsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await clearFullTextDocuments(db);
  },
};
