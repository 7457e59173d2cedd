import type { Kysely, Migration } from 'kysely';

/** Reader accounts and their sessions, comments with likes and reports, and per-story comment switches. */
export const commentsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('readers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      /** Lower-cased; replaced by a placeholder when the reader deletes the account. */
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      /** Set when the reader deleted the account: their comments stay, shown as from a deleted reader. */
      .addColumn('deleted_at', 'text')
      /** Set when an editor banned the reader: they can no longer comment, like or report. */
      .addColumn('banned_at', 'text')
      .execute();

    await db.schema
      .createTable('reader_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('reader_id', 'text', (c) => c.notNull().references('readers.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reader_sessions_reader_idx').on('reader_sessions').column('reader_id').execute();

    await db.schema
      .createTable('reader_password_resets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('reader_id', 'text', (c) => c.notNull().references('readers.id').onDelete('cascade'))
      .addColumn('created_by_user_id', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();

    await db.schema
      .createTable('comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('reader_id', 'text', (c) => c.notNull().references('readers.id'))
      /** The comment this one replies to; replies go one level deep, so a parent never has a parent. */
      .addColumn('parent_id', 'text', (c) => c.references('comments.id').onDelete('cascade'))
      /** Plain text as the reader typed it (line breaks kept); always escaped on output. */
      .addColumn('body', 'text', (c) => c.notNull())
      /** published | pending (awaiting an editor) | hidden (by an editor) | deleted (by its author or an editor) */
      .addColumn('status', 'text', (c) => c.notNull())
      /** Why a pending comment waits: pre-moderation or the word blocklist. */
      .addColumn('held_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('edited_at', 'text')
      .addColumn('like_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('comments_article_idx').on('comments').columns(['article_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('comments_reader_idx').on('comments').columns(['reader_id', 'created_at']).execute();
    await db.schema.createIndex('comments_status_idx').on('comments').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('comments_parent_idx').on('comments').column('parent_id').execute();

    await db.schema
      .createTable('comment_likes')
      .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('reader_id', 'text', (c) => c.notNull().references('readers.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('comment_likes_pk', ['comment_id', 'reader_id'])
      .execute();

    await db.schema
      .createTable('comment_reports')
      .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('reader_id', 'text', (c) => c.notNull().references('readers.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('comment_reports_pk', ['comment_id', 'reader_id'])
      .execute();

    /** 1: readers may comment on the story (when the publication's comments are not closed). */
    await db.schema
      .alterTable('articles')
      .addColumn('comments_enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    /** Published comments and replies, kept with the story so lists and pages never count rows. */
    await db.schema
      .alterTable('articles')
      .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
