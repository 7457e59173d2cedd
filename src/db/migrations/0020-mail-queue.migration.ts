import type { Kysely, Migration } from 'kysely';

/**
 * The durable mail queue (modules/mail): one row per message to one recipient, written in the
 * transaction of the action that asked for it, sent by the mail-delivery job.
 * - `status`: queued → sending (claimed by one sender) → sent | failed; a temporary failure puts the
 *   row back to queued with a later `next_attempt_at`.
 * - While `sending`, `lease_token` names the sender that claimed it and `lease_until` when its claim
 *   lapses; `next_attempt_at` is set to the same time, so a lapsed claim (its sender died) is due
 *   again by the one claiming index.
 * - `headers` is JSON (extra headers such as List-Unsubscribe).
 */
export const mailQueueMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('mail_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('to_name', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('html', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('batch_id', 'text')
      // queued | sending | sent | failed
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text')
      .addColumn('lease_token', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    // The sender's claim: due messages (queued, or sending with a lapsed lease), oldest due first.
    await db.schema.createIndex('mail_messages_due_idx').on('mail_messages').columns(['status', 'next_attempt_at']).execute();
    // A newsletter issue's progress (queued, sent, failed).
    await db.schema.createIndex('mail_messages_batch_idx').on('mail_messages').columns(['batch_id', 'status']).execute();
    // The Outbox: newest first, paged by (created_at, id); and filtered by status.
    await db.schema.createIndex('mail_messages_created_idx').on('mail_messages').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('mail_messages_status_created_idx').on('mail_messages').columns(['status', 'created_at', 'id']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('mail_messages_status_created_idx').execute();
    await db.schema.dropIndex('mail_messages_created_idx').execute();
    await db.schema.dropIndex('mail_messages_batch_idx').execute();
    await db.schema.dropIndex('mail_messages_due_idx').execute();
    await db.schema.dropTable('mail_messages').execute();
  },
};
