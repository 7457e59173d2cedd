import type { Db } from '../../db/database.js';

/** A stored reset link, without its token (only the token's hash is kept). */
export interface ReaderPasswordReset {
  id: string;
  readerId: string;
  expiresAt: Date;
  usedAt: Date | null;
  /** Asked for by the reader and sent to their address (no admin made it): using it also confirms the address. */
  mailed: boolean;
}

export async function insertReaderPasswordReset(
  db: Db,
  reset: { id: string; tokenHash: string; readerId: string; createdByUserId: string | null; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('reader_password_resets')
    .values({
      id: reset.id,
      token_hash: reset.tokenHash,
      reader_id: reset.readerId,
      created_by_user_id: reset.createdByUserId,
      created_at: reset.createdAt.toISOString(),
      expires_at: reset.expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
}

/** Spends every unused link of a reader, so only the newest one works. */
export async function invalidateOpenResetsOf(db: Db, readerId: string, at: Date): Promise<void> {
  await db
    .updateTable('reader_password_resets')
    .set({ used_at: at.toISOString() })
    .where('reader_id', '=', readerId)
    .where('used_at', 'is', null)
    .execute();
}

export async function findReaderPasswordResetByTokenHash(db: Db, tokenHash: string): Promise<ReaderPasswordReset | undefined> {
  const row = await db.selectFrom('reader_password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    readerId: row.reader_id,
    expiresAt: new Date(row.expires_at),
    usedAt: row.used_at ? new Date(row.used_at) : null,
    mailed: row.created_by_user_id === null,
  };
}

/** Marks an unused link used; false when another request used it first (one conditional UPDATE). */
export async function markReaderPasswordResetUsed(db: Db, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('reader_password_resets')
    .set({ used_at: at.toISOString() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
