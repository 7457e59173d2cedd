import type { Db } from '../../db/database.js';
import type { Reader } from './reader.types.js';

/** A stored reader session joined with the reader's current state, read in one query. */
export interface ReaderSessionRecord {
  id: string;
  expiresAt: Date;
  lastSeenAt: Date;
  reader: Reader;
}

export async function insertReaderSession(
  db: Db,
  session: { id: string; tokenHash: string; readerId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('reader_sessions')
    .values({
      id: session.id,
      token_hash: session.tokenHash,
      reader_id: session.readerId,
      created_at: session.createdAt.toISOString(),
      expires_at: session.expiresAt.toISOString(),
      last_seen_at: session.createdAt.toISOString(),
    })
    .execute();
}

export async function findReaderSessionByTokenHash(db: Db, tokenHash: string): Promise<ReaderSessionRecord | undefined> {
  const row = await db
    .selectFrom('reader_sessions')
    .innerJoin('readers', 'readers.id', 'reader_sessions.reader_id')
    .select([
      'reader_sessions.id as id',
      'reader_sessions.expires_at as expires_at',
      'reader_sessions.last_seen_at as last_seen_at',
      'readers.id as reader_id',
      'readers.email as email',
      'readers.display_name as display_name',
      'readers.created_at as reader_created_at',
      'readers.deleted_at as deleted_at',
      'readers.banned_at as banned_at',
      'readers.confirmed_at as confirmed_at',
      'readers.reply_mail as reply_mail',
    ])
    .where('reader_sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    expiresAt: new Date(row.expires_at),
    lastSeenAt: new Date(row.last_seen_at),
    reader: {
      id: row.reader_id,
      email: row.email,
      displayName: row.display_name,
      createdAt: new Date(row.reader_created_at),
      deleted: row.deleted_at !== null,
      banned: row.banned_at !== null,
      confirmed: row.confirmed_at !== null,
      replyMail: Number(row.reply_mail) === 1,
    },
  };
}

export async function touchReaderSession(db: Db, id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('reader_sessions')
    .set({ last_seen_at: lastSeenAt.toISOString(), expires_at: expiresAt.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function deleteReaderSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('reader_sessions').where('id', '=', id).execute();
}

/** Deletes the reader sessions expired at `now`; returns how many. */
export async function deleteExpiredReaderSessions(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('reader_sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteReaderSessionsOf(db: Db, readerId: string): Promise<void> {
  await db.deleteFrom('reader_sessions').where('reader_id', '=', readerId).execute();
}
