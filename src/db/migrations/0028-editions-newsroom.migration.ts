import { SqliteAdapter, sql, type Kysely, type Migration, type RawBuilder } from 'kysely';
import { DEFAULT_EDITION_ID } from './0027-editions.migration.js';

/**
 * Sections and stories chosen per edition in the newsroom (docs/editions.md).
 * - A section's slug is unique within its edition, not across the publication: the Korean edition
 *   may have its own `asia` (at `/ko/section/asia`) beside the English one. `unique (slug)` becomes
 *   `unique (edition_id, slug)`. SQLite cannot drop a column's UNIQUE, so there the table is rebuilt
 *   (foreign keys off meanwhile, checked before they are switched on again).
 * - The newsroom's story list filtered by edition: one index per sort, led by the edition, as 0018
 *   has them led by the section. With a section chosen the edition is implied, and the section's
 *   index serves.
 */
const UPDATED = sql`(coalesce(updated_at, created_at))`;
const DESK_INDEXES: ReadonlyArray<[name: string, columns: RawBuilder<unknown>]> = [
  ['articles_desk_edition_updated_idx', sql`edition_id, ${UPDATED}, id`],
  ['articles_desk_edition_published_idx', sql`edition_id, published_at, id`],
  ['articles_desk_edition_headline_idx', sql`edition_id, headline, id`],
];

export const editionsNewsroomMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (db.getExecutor().adapter instanceof SqliteAdapter) await rebuildSqliteSections(db, false);
    else await sql`alter table sections drop constraint if exists sections_slug_key`.execute(db);
    await db.schema.createIndex('sections_edition_slug_idx').on('sections').columns(['edition_id', 'slug']).unique().execute();
    for (const [name, columns] of DESK_INDEXES) await sql`create index ${sql.id(name)} on articles (${columns})`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const [name] of DESK_INDEXES) await db.schema.dropIndex(name).execute();
    await db.schema.dropIndex('sections_edition_slug_idx').execute();
    if (db.getExecutor().adapter instanceof SqliteAdapter) await rebuildSqliteSections(db, true);
    else await sql`alter table sections add constraint sections_slug_key unique (slug)`.execute(db);
  },
};

/** SQLite's way to change a constraint: a new table, the rows copied, the old one dropped, the new renamed. */
async function rebuildSqliteSections(db: Kysely<unknown>, slugUnique: boolean): Promise<void> {
  // Off outside any transaction (SQLite ignores it inside one): dropping `sections` must not touch the stories that refer to it.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`create table sections_rebuilt (
      id text primary key,
      slug text not null ${slugUnique ? sql`unique` : sql``},
      name text not null,
      description text not null,
      position integer not null,
      in_navigation integer not null default 1,
      created_at text not null,
      edition_id text not null default ${sql.lit(DEFAULT_EDITION_ID)}
    )`.execute(db);
    await sql`insert into sections_rebuilt (id, slug, name, description, position, in_navigation, created_at, edition_id)
      select id, slug, name, description, position, in_navigation, created_at, edition_id from sections`.execute(db);
    await sql`drop table sections`.execute(db);
    await sql`alter table sections_rebuilt rename to sections`.execute(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error(`Rebuilding sections broke ${broken.rows.length} references`);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
