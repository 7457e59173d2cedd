import type { Kysely, Migration } from 'kysely';

/**
 * Newsletter issues (modules/newsletters): one row per issue of the briefing, a breaking alert or a
 * section's weekly.
 * - `edition` names what the issue is for (the briefing's local date, the weekly's local date, the
 *   breaking story's id) and is unique per newsletter, so a day's briefing is composed and sent
 *   once whatever the restarts, nodes or clicks.
 * - `number` (1, 2, …) is given when the issue starts sending, unique per newsletter: the public
 *   archive's address `/newsletters/<key>/<number>`.
 * - `items` is JSON: the ordered stories with their headline and standfirst as composed.
 * - status: draft → sending → sent (`scheduled`: sends at `scheduled_for`).
 * - `cursor` is the last subscriber id whose message is in the mail queue: it moves in the same
 *   transaction as each batch of messages, so a killed fan-out resumes with none twice or skipped.
 */
export const newsletterIssuesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('newsletter_issues')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('newsletter_key', 'text', (c) => c.notNull())
      .addColumn('edition', 'text', (c) => c.notNull())
      .addColumn('number', 'integer')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('intro', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('scheduled_for', 'text')
      .addColumn('started_at', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('recipient_count', 'integer', (c) => c.notNull())
      .addColumn('cursor', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('newsletter_issues_edition_idx').on('newsletter_issues').columns(['newsletter_key', 'edition']).unique().execute();
    await db.schema.createIndex('newsletter_issues_number_idx').on('newsletter_issues').columns(['newsletter_key', 'number']).unique().execute();
    // The fan-out job's question: issues sending, or scheduled and due.
    await db.schema.createIndex('newsletter_issues_status_idx').on('newsletter_issues').columns(['status', 'scheduled_for']).execute();
    // The newsroom's list: newest first.
    await db.schema.createIndex('newsletter_issues_created_idx').on('newsletter_issues').columns(['created_at', 'id']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('newsletter_issues_created_idx').execute();
    await db.schema.dropIndex('newsletter_issues_status_idx').execute();
    await db.schema.dropIndex('newsletter_issues_number_idx').execute();
    await db.schema.dropIndex('newsletter_issues_edition_idx').execute();
    await db.schema.dropTable('newsletter_issues').execute();
  },
};
