import type { Db } from '../../db/database.js';

/** Where a story's content stands: the version every save names, and the session that wrote it last. */
export interface StoryEditState {
  version: number;
  editingSession: string | null;
}

export async function findStoryEditState(db: Db, id: string): Promise<StoryEditState | undefined> {
  const row = await db.selectFrom('articles').select(['edit_version', 'edit_session']).where('id', '=', id).executeTakeFirst();
  return row ? { version: Number(row.edit_version), editingSession: row.edit_session } : undefined;
}

/**
 * Takes the next content version of a story, in the transaction that saves it, and returns it; or
 * undefined (nothing written) when the save must be refused: its editor started from `baseVersion`
 * but the story has moved on since, and the last write came from another editing session. One
 * conditional UPDATE, so of two saves racing from the same base exactly one wins (PostgreSQL
 * re-checks the WHERE after a concurrent update; SQLite runs writes one at a time).
 * Without `baseVersion` (a restore, a script) the save is not checked.
 */
export async function claimStoryEditVersion(
  db: Db,
  id: string,
  save: { baseVersion?: number | undefined; editingSession?: string | undefined },
): Promise<number | undefined> {
  let query = db
    .updateTable('articles')
    .set((eb) => ({ edit_version: eb('edit_version', '+', 1), edit_session: save.editingSession ?? null }))
    .where('id', '=', id);
  if (save.baseVersion !== undefined) {
    const { baseVersion, editingSession } = save;
    query = query.where((eb) =>
      editingSession ? eb.or([eb('edit_version', '=', baseVersion), eb('edit_session', '=', editingSession)]) : eb('edit_version', '=', baseVersion),
    );
  }
  const row = await query.returning('edit_version').executeTakeFirst();
  return row ? Number(row.edit_version) : undefined;
}
