import type { Db } from '../../db/database.js';
import { newId } from '../../shared/ids.js';

/** Ids of the editors' picks still in force, in the editors' order. */
export async function listActivePickArticleIds(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('picks')
    .select('article_id')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())]))
    .orderBy('position')
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.article_id);
}

export async function insertPick(
  db: Db,
  pick: { articleId: string; position: number; expiresAt?: Date | null },
  createdAt: Date,
): Promise<void> {
  await db
    .insertInto('picks')
    .values({
      id: newId(),
      article_id: pick.articleId,
      position: pick.position,
      expires_at: pick.expiresAt?.toISOString() ?? null,
      created_at: createdAt.toISOString(),
    })
    .execute();
}
