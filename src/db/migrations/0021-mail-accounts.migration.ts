import { sql, type Kysely, type Migration } from 'kysely';

/**
 * What account mail needs (docs/account-mail.md):
 * - `readers.confirmed_at`: a reader may comment only once the sign-up link in their mail was
 *   opened. Readers who signed up before this migration were never asked, so they count as
 *   confirmed from their sign-up date (taking commenting away from them would be a surprise).
 * - `readers.reply_mail`: 1 when the reader asked for a mail when someone replies to them.
 * - `comments.reply_mailed_at`: set when the parent comment's author was mailed about a reply, so
 *   approving a reply again (after hiding it) does not mail twice.
 * - `reader_confirmations`: the sign-up links, only their SHA-256 stored, like sessions.
 * - `user_password_resets`: the staff's "forgot password" links, the same shape as the readers'
 *   `reader_password_resets` (which keeps serving both the admin-made and the mailed links).
 */
export const mailAccountsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('readers').addColumn('confirmed_at', 'text').execute();
    await db.schema
      .alterTable('readers')
      .addColumn('reply_mail', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`update readers set confirmed_at = created_at`.execute(db);
    await db.schema.alterTable('comments').addColumn('reply_mailed_at', 'text').execute();

    await db.schema
      .createTable('reader_confirmations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('reader_id', 'text', (c) => c.notNull().references('readers.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('reader_confirmations_reader_idx').on('reader_confirmations').column('reader_id').execute();

    await db.schema
      .createTable('user_password_resets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('user_password_resets_user_idx').on('user_password_resets').column('user_id').execute();
    await db.schema.createIndex('reader_password_resets_reader_idx').on('reader_password_resets').column('reader_id').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('reader_password_resets_reader_idx').execute();
    await db.schema.dropTable('user_password_resets').execute();
    await db.schema.dropTable('reader_confirmations').execute();
    await db.schema.alterTable('comments').dropColumn('reply_mailed_at').execute();
    await db.schema.alterTable('readers').dropColumn('reply_mail').execute();
    await db.schema.alterTable('readers').dropColumn('confirmed_at').execute();
  },
};
