import type { Kysely, Migration } from 'kysely';

/**
 * The edition a newsletter subscriber signed up (or last confirmed) in: its issues' fixed words
 * (the footer, the preferences and unsubscribe links) are in that edition's language, and those
 * links lead to its pages. NULL is the default edition, which every subscriber before was.
 * No foreign key: editions are never deleted, and an unknown id reads as the default edition.
 */
export const subscriberEditionMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('newsletter_subscribers').addColumn('edition_id', 'text').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('newsletter_subscribers').dropColumn('edition_id').execute();
  },
};
