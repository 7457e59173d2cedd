import { sql, type Kysely, type Migration } from 'kysely';

/** The edition every story and section belonged to before editions existed (the publication itself). */
export const DEFAULT_EDITION_ID = '00000000-0000-4000-8000-00000000ed00';

/**
 * Editions (modules/editions): a publication in one or more languages.
 * - `editions`: one row per edition. `code` is its BCP 47 language tag, unique; `path_prefix` is
 *   where its pages live (`''` for the default edition at `/`, `ko` for `/ko/…`), unique. The
 *   default edition's name, tagline and time zone are null: it takes the publication's settings,
 *   so they are not kept twice. Created here from the publication's language, with a fixed id.
 * - `articles.edition_id`, `sections.edition_id`: every story and section belongs to one edition;
 *   existing rows to the default one.
 * - `articles.translation_group_id`: stories that are translations of one another share it; at
 *   most one story per edition in a group (a partial unique index).
 */
export const editionsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('editions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('path_prefix', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text')
      .addColumn('tagline', 'text')
      .addColumn('time_zone', 'text')
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    const stored = await sql<{ value: string }>`select value from settings where key = 'publication'`.execute(db);
    const now = new Date().toISOString();
    await sql`insert into editions (id, code, path_prefix, name, tagline, time_zone, enabled, position, created_at, updated_at)
      values (${DEFAULT_EDITION_ID}, ${languageOf(stored.rows[0]?.value)}, '', null, null, null, 1, 0, ${now}, ${now})`.execute(db);
    for (const table of ['articles', 'sections']) {
      await db.schema
        .alterTable(table)
        .addColumn('edition_id', 'text', (c) => c.notNull().defaultTo(DEFAULT_EDITION_ID))
        .execute();
    }
    await db.schema.alterTable('articles').addColumn('translation_group_id', 'text').execute();
    await db.schema
      .createIndex('articles_translation_idx')
      .on('articles')
      .columns(['translation_group_id', 'edition_id'])
      .unique()
      .where(sql.ref('translation_group_id'), 'is not', null)
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('articles_translation_idx').execute();
    await db.schema.alterTable('articles').dropColumn('translation_group_id').execute();
    await db.schema.alterTable('sections').dropColumn('edition_id').execute();
    await db.schema.alterTable('articles').dropColumn('edition_id').execute();
    await db.schema.dropTable('editions').execute();
  },
};

/** The publication's language as stored (settings JSON), or `en` for a new database. */
function languageOf(json: string | undefined): string {
  try {
    const language = (JSON.parse(json ?? '{}') as { language?: unknown }).language;
    return typeof language === 'string' && language !== '' ? language : 'en';
  } catch {
    return 'en';
  }
}
