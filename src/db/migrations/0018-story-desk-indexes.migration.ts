import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';
import type { FullTextIndex } from '../dialects/full-text.js';

/**
 * Indexes for the newsroom's story list (docs/editor-finding-stories.md): stories of every status,
 * sorted by last update, publication time or headline, either way, optionally of one status or one
 * section, 50 to a page. Each sort has an index of its own, one led by the section and one led by
 * the status of stories not published (see UNPUBLISHED), so a page of any of them is read in the index's order and stopped by the LIMIT, never
 * sorted from the whole archive (100,000 stories). The readers' indexes cannot serve it: they hold
 * published stories only (0009).
 *
 * "Updated" is `coalesce(updated_at, created_at)`: a new draft has no update time yet. The query
 * names the same expression, which both engines then match to the index.
 *
 * A search of the story list takes its matches from the full-text index, drafts included: on
 * PostgreSQL the newest-first walk of every document gets an index of its own (the readers' one
 * holds visible documents only); SQLite files every document by time already (0012).
 */
const UPDATED = sql`(coalesce(updated_at, created_at))`;
/**
 * Stories not (or no longer) published: the few a status filter looks for (drafts, in review,
 * scheduled, withdrawn). No index may lead with `status` over every story: SQLite, planning without
 * statistics, would take it for the readers' `status = 'published'` and walk every published story
 * (0009). A published-only filter walks the sort's own index instead, nearly every row matching.
 */
const UNPUBLISHED = sql`where status <> 'published'`;

const INDEXES: ReadonlyArray<[name: string, columns: RawBuilder<unknown>, where?: RawBuilder<unknown>]> = [
  ['articles_desk_updated_idx', sql`${UPDATED}, id`],
  ['articles_desk_status_updated_idx', sql`status, ${UPDATED}, id`, UNPUBLISHED],
  ['articles_desk_section_updated_idx', sql`section_id, ${UPDATED}, id`],
  ['articles_desk_published_idx', sql`published_at, id`],
  ['articles_desk_status_published_idx', sql`status, published_at, id`, UNPUBLISHED],
  ['articles_desk_section_published_idx', sql`section_id, published_at, id`],
  ['articles_desk_headline_idx', sql`headline, id`],
  ['articles_desk_status_headline_idx', sql`status, headline, id`, UNPUBLISHED],
  ['articles_desk_section_headline_idx', sql`section_id, headline, id`],
];

export function storyDeskIndexesMigration(fullText: FullTextIndex): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const [name, columns, where] of INDEXES) await sql`create index ${sql.id(name)} on articles (${columns}) ${where ?? sql``}`.execute(db);
      await fullText.indexEveryStatus(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
    },
  };
}
