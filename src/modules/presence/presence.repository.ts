import type { Db } from '../../db/database.js';

/** One open editor of a story, as stored. */
export interface PresenceEntry {
  userId: string;
  editingSession: string;
  openedAt: Date;
  seenAt: Date;
}

/**
 * Marks a user's editor of a story as open now: one row per story and user, so the table is
 * bounded by the people actually editing. `opened_at` stays from the first heartbeat while the row
 * lives; the session is the latest tab's.
 */
export async function touchPresence(db: Db, entry: { articleId: string; userId: string; editingSession: string; now: Date }): Promise<void> {
  const now = entry.now.toISOString();
  await db
    .insertInto('story_presence')
    .values({ article_id: entry.articleId, user_id: entry.userId, editing_session: entry.editingSession, opened_at: now, seen_at: now })
    .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet({ editing_session: entry.editingSession, seen_at: now }))
    .execute();
}

/** Deletes every row not refreshed since `before` (indexed on `seen_at`): what keeps the table small. */
export async function deleteStalePresence(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('story_presence').where('seen_at', '<', before.toISOString()).execute();
}

/** A user's editor closed: its row goes, unless another tab of theirs took it over meanwhile. */
export async function deletePresence(db: Db, entry: { articleId: string; userId: string; editingSession: string }): Promise<void> {
  await db
    .deleteFrom('story_presence')
    .where('article_id', '=', entry.articleId)
    .where('user_id', '=', entry.userId)
    .where('editing_session', '=', entry.editingSession)
    .execute();
}

/** The editors of a story seen since `since`, first opened first (the primary key's prefix finds them). */
export async function listPresence(db: Db, articleId: string, since: Date): Promise<PresenceEntry[]> {
  const rows = await db
    .selectFrom('story_presence')
    .select(['user_id', 'editing_session', 'opened_at', 'seen_at'])
    .where('article_id', '=', articleId)
    .where('seen_at', '>=', since.toISOString())
    .orderBy('opened_at')
    .orderBy('user_id')
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    editingSession: row.editing_session,
    openedAt: new Date(row.opened_at),
    seenAt: new Date(row.seen_at),
  }));
}
