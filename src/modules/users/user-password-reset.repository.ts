import type { Db } from '../../db/database.js';

/** A stored staff reset link, without its token (only the token's hash is kept). */
export interface UserPasswordReset {
  id: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

export async function insertUserPasswordReset(
  db: Db,
  reset: { id: string; tokenHash: string; userId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('user_password_resets')
    .values({
      id: reset.id,
      token_hash: reset.tokenHash,
      user_id: reset.userId,
      created_at: reset.createdAt.toISOString(),
      expires_at: reset.expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
}

/** Spends every unused link of a user, so only the newest one works. */
export async function invalidateOpenUserResets(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('user_password_resets')
    .set({ used_at: at.toISOString() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

export async function findUserPasswordResetByTokenHash(db: Db, tokenHash: string): Promise<UserPasswordReset | undefined> {
  const row = await db.selectFrom('user_password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, userId: row.user_id, expiresAt: new Date(row.expires_at), usedAt: row.used_at ? new Date(row.used_at) : null };
}

/** Marks an unused link used; false when another request used it first (one conditional UPDATE). */
export async function markUserPasswordResetUsed(db: Db, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('user_password_resets')
    .set({ used_at: at.toISOString() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
