import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ArticleRevisionsTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { WORKFLOW_REVISION_KINDS, type Revision, type RevisionKind, type RevisionRecord, type RevisionSnapshot } from './revision.types.js';

type RevisionRow = Selectable<ArticleRevisionsTable>;

/**
 * Saves the next numbered revision of a story. Call it inside the transaction that saves the story,
 * so a story never exists without its revision; the (article_id, number) unique constraint refuses
 * a second writer that computed the same number.
 */
export async function insertRevision(db: Db, revision: RevisionRecord): Promise<number> {
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
      kind: revision.kind ?? 'save',
      editing_session: revision.editingSession ?? null,
    })
    .execute();
  return number;
}

/**
 * Overwrites a story's newest revision with an autosave of the same editing session, and returns
 * its number; undefined (nothing written) when the newest revision is anything else, so an autosave
 * after an explicit save or a workflow step starts a revision of its own and history stays in order.
 */
export async function updateLatestAutosave(db: Db, revision: RevisionRecord & { editingSession: string }): Promise<number | undefined> {
  const latest = await db
    .selectFrom('article_revisions')
    .select(['id', 'number', 'kind', 'editing_session'])
    .where('article_id', '=', revision.articleId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest || latest.kind !== 'autosave' || latest.editing_session !== revision.editingSession) return undefined;
  await db
    .updateTable('article_revisions')
    .set({ snapshot: JSON.stringify(revision.snapshot), created_at: revision.createdAt.toISOString(), author_user_id: revision.authorUserId })
    .where('id', '=', latest.id)
    .execute();
  return Number(latest.number);
}

/** The newest revision that wrote content (not a workflow step's record of it): who saved last, and what. */
export async function findLatestContentRevision(db: Db, articleId: string): Promise<Revision | undefined> {
  const row = await db
    .selectFrom('article_revisions')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('kind', 'not in', [...WORKFLOW_REVISION_KINDS])
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toRevision(row) : undefined;
}

/** The newest revision of a story, whatever made it. */
export async function findLatestRevision(db: Db, articleId: string): Promise<Revision | undefined> {
  const row = await db
    .selectFrom('article_revisions')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toRevision(row) : undefined;
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
    kind: row.kind as RevisionKind,
    // Written only by insertRevision from validated input; restore validates it again on the way back.
    snapshot: JSON.parse(row.snapshot) as RevisionSnapshot,
  };
}
