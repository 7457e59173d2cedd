import type { Kysely, Migration } from 'kysely';

/**
 * What the mail queue keeps, and for how long (modules/mail/mail-retention.job.ts):
 * - an index by recipient, so erasing a subscriber's address also deletes every message to it
 *   without reading the whole queue;
 * - an index for the hourly purge of finished one-to-one mail (no batch: confirmations, resets,
 *   invitations, reply notices), oldest first, which carries one-time links and is kept a day;
 * - an index by the sender's lease, so renewing, releasing and reading a claim touch only its rows
 *   (without it each was a scan of the whole queue: quadratic over a 100,000-recipient issue).
 */
export const mailRetentionMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('mail_messages_to_idx').on('mail_messages').column('to_address').execute();
    await db.schema.createIndex('mail_messages_finished_idx').on('mail_messages').columns(['batch_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('mail_messages_lease_idx').on('mail_messages').column('lease_token').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('mail_messages_lease_idx').execute();
    await db.schema.dropIndex('mail_messages_finished_idx').execute();
    await db.schema.dropIndex('mail_messages_to_idx').execute();
  },
};
