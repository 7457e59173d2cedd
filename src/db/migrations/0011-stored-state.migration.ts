import { sql, type Kysely, type Migration } from 'kysely';
import type { FullTextIndex } from '../dialects/full-text.js';

/**
 * What the node computes from the stories, stored so that a start loads it instead of computing it
 * again (docs/architecture.md, "Start-up"), and kept current one change at a time:
 * - `list_snapshots`: the ranked lists as story ids (modules/rankings/list-snapshot.repository.ts);
 * - `sitemap_files`: every sitemap as finished XML, story files by month of publication
 *   (modules/sitemaps/sitemap-files.repository.ts), and an index of published stories that a
 *   month's file is read from;
 * - the full-text index's keys: on SQLite a story's FTS5 row is found by rowid through
 *   `article_search_keys` rather than by scanning every document (dialects/sqlite-full-text.ts);
 *   PostgreSQL's index is keyed by story already.
 */
export function storedStateMigration(fullText: FullTextIndex): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('list_snapshots')
        .addColumn('name', 'text', (c) => c.primaryKey())
        /** JSON: the lists' story ids (ListSnapshotIds). */
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sitemap_files')
        .addColumn('name', 'text', (c) => c.primaryKey())
        /** `articles` (a month's stories), `news`, `pages`, `sections`, `authors`, `series`, `index`. */
        .addColumn('kind', 'text', (c) => c.notNull())
        /** For story files, the month of publication (`2026-11`, UTC); null otherwise. */
        .addColumn('period', 'text')
        /** A hash of the body: the ETag. */
        .addColumn('version', 'text', (c) => c.notNull())
        /** The newest change among its URLs: the index's `<lastmod>`. */
        .addColumn('lastmod', 'text', (c) => c.notNull())
        .addColumn('url_count', 'integer', (c) => c.notNull())
        .addColumn('built_at', 'text', (c) => c.notNull())
        // The large columns last: SQLite reads a row's columns in order, so every column after a
        // body of hundreds of kilobytes would cost a walk through its overflow pages.
        /**
         * JSON, for the listings a change updates one entry at a time (authors, series): each
         * entry's id, slug, newest story and its time. Null for the others.
         */
        .addColumn('entries', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sitemap_files_period_idx').on('sitemap_files').columns(['period', 'name']).execute();
      // A month's sitemap reads its stories' slugs and times from this index alone: `updated_at`
      // sits after the body in the stories' rows, and reaching it there costs a walk through the
      // body's overflow pages for every story (25 ms a month at 100,000 stories). `status` is in it
      // too: SQLite reads a partial index alone only when it holds every column the query names.
      await db.schema
        .createIndex('articles_sitemap_idx')
        .on('articles')
        .columns(['published_at', 'id', 'embargo_until', 'slug', 'updated_at', 'status'])
        .where(sql<boolean>`status = 'published'`)
        .execute();

      await fullText.createDocumentKeys(db);
    },
  };
}
