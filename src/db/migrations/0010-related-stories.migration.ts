import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * "You May Also Like", stored (docs/rankings.md): each visible story's computed list, its profile
 * (its heaviest tf-idf terms) as an inverted index, and the document frequencies of every word, so
 * that a change recomputes only the stories it concerns by indexed lookups and a start recomputes
 * nothing. Stories and terms are numbered (`doc_no`, `term_no`) because the two big tables hold
 * tens of rows per story: integers keep them a few bytes a row where UUIDs and words would take
 * ten times that. On SQLite those two are WITHOUT ROWID tables, clustered on their primary key,
 * which saves the separate key index a rowid table would need.
 */
export const relatedStoriesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    const clustered = sqlite ? sql`without rowid` : sql``;

    // One row: the method's version, the visible story count N (for idf), the build's progress.
    await db.schema
      .createTable('related_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('method_version', 'integer', (c) => c.notNull())
      .addColumn('story_count', 'integer', (c) => c.notNull())
      .addColumn('built_at', 'text')
      .addColumn('build_heartbeat_at', 'text')
      // Stories whose publication time or embargo passed up to here have been taken in.
      .addColumn('visible_as_of', 'text')
      .addColumn('changes_since_build', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    // Every visible story the lists know: its number, what ranking and exclusion read, the score a
    // newcomer must beat to enter its list (0: the list holds every candidate there is), and its
    // profile as one value (term numbers and weights), read whole when its list is merged into.
    await db.schema
      .createTable('related_documents')
      .addColumn('doc_no', 'integer', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().unique())
      .addColumn('series_id', 'text')
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('tail_score', 'double precision', (c) => c.notNull())
      .addColumn('profile', sqlite ? 'blob' : 'bytea', (c) => c.notNull())
      .execute();

    // The vocabulary: each word, tag or section term and how many visible stories hold it.
    await db.schema
      .createTable('related_terms')
      .addColumn('term_no', 'integer', (c) => c.primaryKey())
      .addColumn('term', 'text', (c) => c.notNull().unique())
      .addColumn('story_count', 'integer', (c) => c.notNull())
      .execute();

    // The profiles inverted, term first: a term's postings, newest story (highest doc_no) first. No
    // second index: a story's own terms are in its row above.
    await db.schema
      .createTable('related_profiles')
      .addColumn('term_no', 'integer', (c) => c.notNull())
      .addColumn('doc_no', 'integer', (c) => c.notNull())
      .addColumn('weight', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('related_profiles_pk', ['term_no', 'doc_no'])
      .modifyEnd(clustered)
      .execute();

    // The lists: the best first; more kept than shown, so a story leaving one is replaced at once.
    await db.schema
      .createTable('related_stories')
      .addColumn('doc_no', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('related_no', 'integer', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('related_stories_pk', ['doc_no', 'position'])
      .modifyEnd(clustered)
      .execute();
    await db.schema.createIndex('related_stories_related_idx').on('related_stories').columns(['related_no', 'doc_no']).execute();

    // Stories changed while a full build ran (on any node): updated once it has finished.
    await db.schema
      .createTable('related_pending')
      .addColumn('article_id', 'text', (c) => c.primaryKey())
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['related_pending', 'related_stories', 'related_profiles', 'related_terms', 'related_documents', 'related_state']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
