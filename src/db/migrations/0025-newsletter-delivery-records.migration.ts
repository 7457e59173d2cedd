import type { Kysely, Migration } from 'kysely';

/**
 * An issue's delivery counts kept on the issue itself, so its messages can leave the mail queue
 * (modules/newsletters/newsletter-retention.job.ts): a daily briefing to 100,000 readers would
 * otherwise add three million rows a month to `mail_messages`, for ever.
 * - `delivered_count`, `failed_count`: the queue's counts for the issue, frozen once it is old
 *   enough; null while they are read from the queue.
 * - `records_purged_at`: when its messages were deleted from the queue (null: not yet, or not all).
 */
export const newsletterDeliveryRecordsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('newsletter_issues').addColumn('delivered_count', 'integer').execute();
    await db.schema.alterTable('newsletter_issues').addColumn('failed_count', 'integer').execute();
    await db.schema.alterTable('newsletter_issues').addColumn('records_purged_at', 'text').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('newsletter_issues').dropColumn('records_purged_at').execute();
    await db.schema.alterTable('newsletter_issues').dropColumn('failed_count').execute();
    await db.schema.alterTable('newsletter_issues').dropColumn('delivered_count').execute();
  },
};
