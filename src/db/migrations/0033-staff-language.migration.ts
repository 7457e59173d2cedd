import type { Kysely, Migration } from 'kysely';

/**
 * A staff member's newsroom language (docs/i18n.md): a catalogue language (`en`, `ko`) or NULL for
 * "the publication's language", which is what every account had before and keeps.
 */
export const staffLanguageMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('users').addColumn('language', 'text').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('users').dropColumn('language').execute();
  },
};
