import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ReadersTable } from '../../db/schema.js';
import { articleRefs } from '../articles/index.js';
import type { Reader, ReaderComment, ReaderCommentStatus } from './reader.types.js';

type ReaderRow = Pick<ReadersTable, 'id' | 'email' | 'display_name' | 'created_at' | 'deleted_at' | 'banned_at' | 'confirmed_at'> & {
  reply_mail: number | string;
};

function toReader(row: ReaderRow): Reader {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    createdAt: new Date(row.created_at),
    deleted: row.deleted_at !== null,
    banned: row.banned_at !== null,
    confirmed: row.confirmed_at !== null,
    replyMail: Number(row.reply_mail) === 1,
  };
}

const READER_COLUMNS = ['id', 'email', 'display_name', 'created_at', 'deleted_at', 'banned_at', 'confirmed_at', 'reply_mail'] as const;

export async function insertReader(
  db: Db,
  reader: { id: string; email: string; displayName: string; passwordHash: string },
  now: Date,
  confirmedAt: Date | null,
): Promise<void> {
  await db
    .insertInto('readers')
    .values({
      id: reader.id,
      email: reader.email,
      display_name: reader.displayName,
      password_hash: reader.passwordHash,
      created_at: now.toISOString(),
      password_changed_at: now.toISOString(),
      deleted_at: null,
      banned_at: null,
      confirmed_at: confirmedAt?.toISOString() ?? null,
    })
    .execute();
}

/** Marks the reader's address confirmed (the first time only; a later link changes nothing). */
export async function confirmReader(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('readers').set({ confirmed_at: at.toISOString() }).where('id', '=', id).where('confirmed_at', 'is', null).execute();
}

export async function updateReaderReplyMail(db: Db, id: string, wanted: boolean): Promise<void> {
  await db
    .updateTable('readers')
    .set({ reply_mail: wanted ? 1 : 0 })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
}

export async function readerEmailExists(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('readers').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

export async function findReaderByEmail(db: Db, email: string): Promise<Reader | undefined> {
  const row = await db.selectFrom('readers').select(READER_COLUMNS).where('email', '=', email).executeTakeFirst();
  return row ? toReader(row) : undefined;
}

export async function findReaderById(db: Db, id: string): Promise<Reader | undefined> {
  const row = await db.selectFrom('readers').select(READER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toReader(row) : undefined;
}

/** The reader with this (lower-cased) address and their password hash, for checking a sign-in. */
export async function findReaderCredentialsByEmail(db: Db, email: string): Promise<{ reader: Reader; passwordHash: string } | undefined> {
  const row = await db
    .selectFrom('readers')
    .select([...READER_COLUMNS, 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? { reader: toReader(row), passwordHash: row.password_hash } : undefined;
}

export async function findReaderPasswordHash(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('readers').select('password_hash').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.password_hash;
}

export async function updateReaderDisplayName(db: Db, id: string, displayName: string): Promise<void> {
  await db.updateTable('readers').set({ display_name: displayName }).where('id', '=', id).where('deleted_at', 'is', null).execute();
}

export async function updateReaderPasswordHash(db: Db, id: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .updateTable('readers')
    .set({ password_hash: passwordHash, password_changed_at: now.toISOString() })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
}

/**
 * Removes everything personal from a reader's row but keeps the row, so their comments still point
 * at it. The placeholder address keeps the unique index satisfied and frees the real address.
 */
export async function scrubReader(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('readers')
    .set({ display_name: '', email: `deleted-${id}@deleted.invalid`, password_hash: '', deleted_at: now.toISOString(), reply_mail: 0 })
    .where('id', '=', id)
    .execute();
}

/** One reader's comments, newest first, each with the story it is on. */
export async function listCommentsOfReader(db: Db, readerId: string, page: { limit: number; offset: number }): Promise<ReaderComment[]> {
  const rows = await db
    .selectFrom('comments')
    .innerJoin(articleRefs(db).as('story'), 'story.id', 'comments.article_id')
    .select([
      'comments.id as id',
      'comments.body as body',
      'comments.status as status',
      'comments.created_at as created_at',
      'comments.edited_at as edited_at',
      'story.slug as article_slug',
      'story.headline as article_headline',
    ])
    .where('comments.reader_id', '=', readerId)
    .orderBy('comments.created_at', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    status: toCommentStatus(row.status),
    createdAt: new Date(row.created_at),
    editedAt: row.edited_at ? new Date(row.edited_at) : null,
    article: { slug: row.article_slug, headline: row.article_headline },
  }));
}

export async function countCommentsOfReader(db: Db, readerId: string): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('reader_id', '=', readerId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

const COMMENT_STATUSES: readonly ReaderCommentStatus[] = ['published', 'pending', 'hidden', 'deleted'];

function toCommentStatus(value: string): ReaderCommentStatus {
  return (COMMENT_STATUSES as readonly string[]).includes(value) ? (value as ReaderCommentStatus) : 'hidden';
}

/** Escapes LIKE's wildcards so a search for `50%` finds that text, not everything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Readers for the newsroom's list, newest first, optionally those whose address or name contains
 * `search` (case-insensitive on both engines: addresses are stored lower-cased, names compared lower).
 */
export async function listReaders(db: Db, options: { search: string; limit: number; offset: number }): Promise<Reader[]> {
  const rows = await readerSearch(db, options.search)
    .select(READER_COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return rows.map(toReader);
}

export async function countReaders(db: Db, search: string): Promise<number> {
  const row = await readerSearch(db, search)
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

function readerSearch(db: Db, search: string) {
  const query = db.selectFrom('readers');
  if (search === '') return query;
  const pattern = likePattern(search.toLowerCase());
  // ESCAPE spelled out: PostgreSQL escapes with a backslash by default, SQLite has no default.
  return query.where(sql<boolean>`(email like ${pattern} escape '\\' or lower(display_name) like ${pattern} escape '\\')`);
}
