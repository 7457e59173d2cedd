import type { Kysely, Migration } from 'kysely';

/**
 * Newsletter subscribers (modules/newsletters):
 * - `newsletter_subscribers`: one row per address. `email_key` is the address lower-cased, unique;
 *   erasing a subscriber empties `email`, `email_key` and `reader_id` (the row stays, so the counts
 *   and their history stay right) and sets `erased_at`.
 * - `newsletter_subscriptions`: one row per subscriber and newsletter; `status` subscribed |
 *   unsubscribed. Only a confirmed address (double opt-in) ever gets a `subscribed` row, so the
 *   recipients of a newsletter are one range of `newsletter_subscriptions_recipients_idx`, keyset by id.
 * - `newsletter_confirmations`: one-time links (only the SHA-256 of the token), with the newsletters
 *   asked for as JSON.
 * - `newsletter_daily_counts`: subscriptions and unsubscriptions per UTC day and newsletter, kept in
 *   step in the same transaction as each change, so the growth chart reads a few dozen rows.
 * - `newsletter_link_keys`: the secret that signs preferences and one-click unsubscribe links.
 */
export const newsletterSubscribersMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('newsletter_subscribers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text')
      .addColumn('email_key', 'text')
      .addColumn('reader_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('consent_at', 'text')
      .addColumn('erased_at', 'text')
      .execute();
    await db.schema.createIndex('newsletter_subscribers_email_key_idx').on('newsletter_subscribers').column('email_key').unique().execute();
    await db.schema.createIndex('newsletter_subscribers_reader_idx').on('newsletter_subscribers').column('reader_id').execute();
    await db.schema
      .createTable('newsletter_subscriptions')
      .addColumn('subscriber_id', 'text', (c) => c.notNull())
      .addColumn('newsletter_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('unsubscribed_at', 'text')
      .addPrimaryKeyConstraint('newsletter_subscriptions_pk', ['subscriber_id', 'newsletter_key'])
      .execute();
    await db.schema
      .createIndex('newsletter_subscriptions_recipients_idx')
      .on('newsletter_subscriptions')
      .columns(['newsletter_key', 'status', 'subscriber_id'])
      .execute();
    await db.schema
      .createTable('newsletter_confirmations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('subscriber_id', 'text', (c) => c.notNull())
      .addColumn('newsletter_keys', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('newsletter_confirmations_subscriber_idx').on('newsletter_confirmations').column('subscriber_id').execute();
    await db.schema
      .createTable('newsletter_daily_counts')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('newsletter_key', 'text', (c) => c.notNull())
      .addColumn('subscribed', 'integer', (c) => c.notNull())
      .addColumn('unsubscribed', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('newsletter_daily_counts_pk', ['day', 'newsletter_key'])
      .execute();
    await db.schema
      .createTable('newsletter_link_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('newsletter_link_keys').execute();
    await db.schema.dropTable('newsletter_daily_counts').execute();
    await db.schema.dropTable('newsletter_confirmations').execute();
    await db.schema.dropTable('newsletter_subscriptions').execute();
    await db.schema.dropTable('newsletter_subscribers').execute();
  },
};
