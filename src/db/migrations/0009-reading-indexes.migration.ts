import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Indexes for the reading path at archive scale (docs/performance.md). Every statement a reader's
 * page issues must find its rows through an index and touch a bounded number of them, on SQLite
 * with or without ANALYZE statistics and on PostgreSQL.
 *
 * The indexes that led with `status` go. Without statistics SQLite takes an equality on any index's
 * first column for a very selective one, so `status = 'published'` (true of nearly every row)
 * looked better than the primary key or the series: fetching five related stories by id walked
 * every published story (48 ms at 10,000). What readers see is served instead by partial indexes
 * of published stories only, ordered as the lists are (newest first, the id breaking ties), which
 * a query can use only when it says `status = 'published'` literally, as publishedQuery does.
 * Workflow queries get a partial index of their own (scheduled stories).
 */
const PUBLISHED = sql<boolean>`status = 'published'`;

export const readingIndexesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('articles_status_published_idx').execute();
    await db.schema.dropIndex('articles_section_published_idx').execute();
    // The readers' timeline (latest lists, feeds, sitemaps, date-bounded API lists) and a section's
    // (its page and feed): newest first with no sort; with embargo_until, counting them for a
    // page's "Page N of M" reads the index alone.
    await db.schema.createIndex('articles_published_idx').on('articles').columns(['published_at', 'id', 'embargo_until']).where(PUBLISHED).execute();
    await db.schema
      .createIndex('articles_section_published_idx')
      .on('articles')
      .columns(['section_id', 'published_at', 'id', 'embargo_until'])
      .where(PUBLISHED)
      .execute();
    // Visibility by id, from the index alone: a story's row holds its body before its status and
    // times, so checking a search match, an author's or a tag's story, or a listed id against the
    // row would read the whole story (overflow pages and all) for a yes or no.
    await db.schema.createIndex('articles_visible_id_idx').on('articles').columns(['id', 'published_at', 'embargo_until']).where(PUBLISHED).execute();
    // Any status: the audience report's section filter and the foreign key.
    await db.schema.createIndex('articles_section_idx').on('articles').column('section_id').execute();
    // Published stories still under embargo (findNextVisibilityChange): a handful of rows.
    await db.schema
      .createIndex('articles_embargo_idx')
      .on('articles')
      .column('embargo_until')
      .where(sql<boolean>`status = 'published' and embargo_until is not null`)
      .execute();
    // The scheduled publisher's "which are due" (publishDueArticles), every 15 seconds.
    await db.schema
      .createIndex('articles_scheduled_idx')
      .on('articles')
      .column('published_at')
      .where(sql<boolean>`status = 'scheduled'`)
      .execute();
    // Author and tag pages start from the link table: covering, so the story ids come from the index.
    await db.schema.dropIndex('article_authors_author_idx').execute();
    await db.schema.createIndex('article_authors_author_idx').on('article_authors').columns(['author_id', 'article_id']).execute();
    await db.schema.dropIndex('article_tags_tag_idx').execute();
    await db.schema.createIndex('article_tags_tag_idx').on('article_tags').columns(['tag_id', 'article_id']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const name of [
      'articles_published_idx',
      'articles_section_published_idx',
      'articles_visible_id_idx',
      'articles_section_idx',
      'articles_embargo_idx',
      'articles_scheduled_idx',
    ]) {
      await db.schema.dropIndex(name).execute();
    }
    await db.schema.createIndex('articles_status_published_idx').on('articles').columns(['status', 'published_at']).execute();
    await db.schema.createIndex('articles_section_published_idx').on('articles').columns(['section_id', 'status', 'published_at']).execute();
    await db.schema.dropIndex('article_authors_author_idx').execute();
    await db.schema.createIndex('article_authors_author_idx').on('article_authors').column('author_id').execute();
    await db.schema.dropIndex('article_tags_tag_idx').execute();
    await db.schema.createIndex('article_tags_tag_idx').on('article_tags').column('tag_id').execute();
  },
};
