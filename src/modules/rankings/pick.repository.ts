import { inTransaction, type Db } from '../../db/database.js';
import { newId } from '../../shared/ids.js';
import { articleEditions, articleRefs } from '../articles/index.js';

/**
 * Ids of the editors' picks still in force, in the editors' order; with `editionId`, only the picks
 * whose stories are in that edition (each pick's story joined by primary key: picks are few).
 */
export async function listActivePickArticleIds(db: Db, now: Date, limit: number, editionId?: string): Promise<string[]> {
  let query = db
    .selectFrom('picks')
    .select('picks.article_id')
    .where((eb) => eb.or([eb('picks.expires_at', 'is', null), eb('picks.expires_at', '>', now.toISOString())]));
  if (editionId !== undefined) {
    query = query.innerJoin(articleEditions(db).as('story'), 'story.id', 'picks.article_id').where('story.edition_id', '=', editionId);
  }
  const rows = await query.orderBy('picks.position').orderBy('picks.created_at').limit(limit).execute();
  return rows.map((row) => row.article_id);
}

export async function insertPick(db: Db, pick: { articleId: string; position: number; expiresAt?: Date | null }, createdAt: Date): Promise<void> {
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

/** A pick as the newsroom manages it, expired ones included, with its story's headline. */
export interface PickEntry {
  id: string;
  articleId: string;
  headline: string;
  slug: string;
  position: number;
  expiresAt: Date | null;
  /** The story's edition: each edition's Must-Reads are the picks of its stories. */
  editionId: string;
}

/** Every pick in the editors' order, the same order the home page uses. */
export async function listPicks(db: Db): Promise<PickEntry[]> {
  const rows = await db
    .selectFrom('picks')
    .innerJoin(articleRefs(db).as('story'), 'story.id', 'picks.article_id')
    .innerJoin(articleEditions(db).as('edition'), 'edition.id', 'picks.article_id')
    .select(['picks.id', 'picks.article_id', 'picks.position', 'picks.expires_at', 'story.headline', 'story.slug', 'edition.edition_id'])
    .orderBy('picks.position')
    .orderBy('picks.created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    articleId: row.article_id,
    headline: row.headline,
    slug: row.slug,
    position: row.position,
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
    editionId: row.edition_id,
  }));
}

/** Rewrites positions as 0, 1, 2… in the given order of pick ids, in one transaction. */
export async function reorderPicks(db: Db, orderedIds: readonly string[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const [position, id] of orderedIds.entries()) {
      await trx.updateTable('picks').set({ position }).where('id', '=', id).execute();
    }
  });
}

/** Returns false when no pick has that id. */
export async function updatePickExpiry(db: Db, id: string, expiresAt: Date | null): Promise<boolean> {
  const result = await db
    .updateTable('picks')
    .set({ expires_at: expiresAt?.toISOString() ?? null })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Returns false when no pick has that id. */
export async function deletePick(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('picks').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
