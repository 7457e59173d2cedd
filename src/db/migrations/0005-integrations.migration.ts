import type { Kysely, Migration } from 'kysely';

/**
 * What partners and other systems use: API keys for the Content API (only a hash of each key is
 * kept), webhooks, and the log of every delivery with its retries.
 */
export const integrationsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      /** The first characters of the key, shown in the newsroom so a key can be recognised. */
      .addColumn('key_prefix', 'text', (c) => c.notNull())
      /** SHA-256 (hex) of the whole key; the key itself is shown once and never stored. */
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_by_user_id', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      /** The HMAC key for signatures: the receiver holds the same secret, so it must be kept. */
      .addColumn('secret', 'text', (c) => c.notNull())
      /** JSON array of the events it receives: story.published, story.updated, story.unpublished. */
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by_user_id', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
      .addColumn('event', 'text', (c) => c.notNull())
      /** No foreign key: the log outlives a deleted story. */
      .addColumn('article_id', 'text')
      /** The exact JSON body sent, so every retry signs and sends the same bytes. */
      .addColumn('payload', 'text', (c) => c.notNull())
      /** pending | delivered | failed (gave up after the last retry) */
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text')
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .execute();
    // The sender looks for due deliveries; the newsroom lists one webhook's log, newest first.
    await db.schema.createIndex('webhook_deliveries_due_idx').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('webhook_deliveries_webhook_idx').on('webhook_deliveries').columns(['webhook_id', 'created_at']).execute();
  },
};
