import type { Db } from '../../db/database.js';

/** A stored sign-up confirmation link, without its token (only the token's hash is kept). */
export interface ReaderConfirmation {
  id: string;
  readerId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

export async function insertReaderConfirmation(
  db: Db,
  link: { id: string; tokenHash: string; readerId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('reader_confirmations')
    .values({
      id: link.id,
      token_hash: link.tokenHash,
      reader_id: link.readerId,
      created_at: link.createdAt.toISOString(),
      expires_at: link.expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
}

export async function findReaderConfirmationByTokenHash(db: Db, tokenHash: string): Promise<ReaderConfirmation | undefined> {
  const row = await db.selectFrom('reader_confirmations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, readerId: row.reader_id, expiresAt: new Date(row.expires_at), usedAt: row.used_at ? new Date(row.used_at) : null };
}

/** Spends every unused link of a reader (a new one was sent, or the address was confirmed). */
export async function spendReaderConfirmations(db: Db, readerId: string, at: Date): Promise<void> {
  await db
    .updateTable('reader_confirmations')
    .set({ used_at: at.toISOString() })
    .where('reader_id', '=', readerId)
    .where('used_at', 'is', null)
    .execute();
}

/** Marks an unused link used; false when another request used it first (one conditional UPDATE). */
export async function markReaderConfirmationUsed(db: Db, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('reader_confirmations')
    .set({ used_at: at.toISOString() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
