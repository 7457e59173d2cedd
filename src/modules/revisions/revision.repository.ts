import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ArticleRevisionsTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import type { Revision, RevisionSnapshot } from './revision.types.js';

type RevisionRow = Selectable<ArticleRevisionsTable>;

/**
 * Saves the next numbered revision of a story. Call it inside the transaction that saves the story,
 * so a story never exists without its revision; the (article_id, number) unique constraint refuses
 * a second writer that computed the same number.
 */
export async function insertRevision(
  db: Db,
  revision: { articleId: string; authorUserId: string | null; snapshot: RevisionSnapshot; createdAt: Date },
): Promise<number> {
  const last = await db
    .selectFrom('article_revisions')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('article_id', '=', revision.articleId)
    .executeTakeFirst();
  const number = Number(last?.number ?? 0) + 1;
  await db
    .insertInto('article_revisions')
    .values({
      id: newId(),
      article_id: revision.articleId,
      number,
      author_user_id: revision.authorUserId,
      created_at: revision.createdAt.toISOString(),
      snapshot: JSON.stringify(revision.snapshot),
    })
    .execute();
  return number;
}

/** Newest first. */
export async function listRevisions(db: Db, articleId: string): Promise<Revision[]> {
  const rows = await db.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).orderBy('number', 'desc').execute();
  return rows.map(toRevision);
}

export async function findRevision(db: Db, articleId: string, number: number): Promise<Revision | undefined> {
  const row = await db
    .selectFrom('article_revisions')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? toRevision(row) : undefined;
}

function toRevision(row: RevisionRow): Revision {
  return {
    id: row.id,
    articleId: row.article_id,
    number: Number(row.number),
    authorUserId: row.author_user_id,
    createdAt: new Date(row.created_at),
    // Written only by insertRevision from validated input; restore validates it again on the way back.
    snapshot: JSON.parse(row.snapshot) as RevisionSnapshot,
  };
}
