import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { deletePresence, deleteStalePresence, listPresence, touchPresence } from './presence.repository.js';

/**
 * An open editor's heartbeat comes every 20 seconds; a row not refreshed for three of them is an
 * editor closed without saying so (a crash, a lost network), shown no longer and then deleted.
 */
export const PRESENCE_TTL_MS = 60_000;

/** An editing session id as the editor makes it: a UUID, or any short token of safe characters. */
const EDITING_SESSION = /^[A-Za-z0-9_-]{8,64}$/;

/** Someone else with the story's editor open. */
export interface StoryEditorPresence {
  userId: string;
  displayName: string;
  /** When their editor first reported itself (this stretch). */
  since: Date;
}

/** Throws ERR_PRESENCE_INVALID unless `value` looks like an editing session id. */
export function assertEditingSession(value: string): void {
  if (!EDITING_SESSION.test(value)) throw new AppError('ERR_PRESENCE_INVALID');
}

/**
 * Who has a story's editor open (docs/editor-saving.md). Stored in the database with an expiry, so
 * every node answers alike; callers check the right to edit the story first.
 */
export class PresenceService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly users: { displayNames(ids: readonly string[]): Promise<Map<string, string>> },
  ) {}

  /** Records that `userId`'s editor of the story is open, and returns everyone else's. */
  async heartbeat(articleId: string, userId: string, editingSession: string): Promise<StoryEditorPresence[]> {
    assertEditingSession(editingSession);
    const now = this.clock.now();
    await touchPresence(this.db, { articleId, userId, editingSession, now });
    await deleteStalePresence(this.db, new Date(now.getTime() - PRESENCE_TTL_MS));
    return this.others(articleId, userId);
  }

  /** The editor was closed (the page's `pagehide`). */
  async leave(articleId: string, userId: string, editingSession: string): Promise<void> {
    assertEditingSession(editingSession);
    await deletePresence(this.db, { articleId, userId, editingSession });
  }

  /** Everyone but `userId` with the story open, first opened first. */
  async others(articleId: string, userId: string): Promise<StoryEditorPresence[]> {
    const since = new Date(this.clock.now().getTime() - PRESENCE_TTL_MS);
    const entries = (await listPresence(this.db, articleId, since)).filter((entry) => entry.userId !== userId);
    if (entries.length === 0) return [];
    const names = await this.users.displayNames(entries.map((entry) => entry.userId));
    return entries.map((entry) => ({ userId: entry.userId, displayName: names.get(entry.userId) ?? 'A former colleague', since: entry.openedAt }));
  }
}
