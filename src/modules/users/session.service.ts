import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { DAY_MS, type Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findSessionByTokenHash,
  insertSession,
  touchSession,
  type SessionRecord,
} from './session.repository.js';

/** A session lasts this long after it was last used. */
export const SESSION_IDLE_MS = 14 * DAY_MS;
/**
 * `last_seen_at` (and with it the expiry) is written at most this often: a write per request would
 * turn every newsroom page view into a database write for no gain in precision.
 */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The signed-in user as every request sees it: role and state as stored now, not at sign-in. */
export interface ActiveSession {
  id: string;
  expiresAt: Date;
  /** True when this request moved the expiry, so the cookie should be sent again with it. */
  renewed: boolean;
  user: SessionRecord['user'];
}

/** SHA-256 of a token: what is stored, so a copy of the database does not hold usable sessions. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Sign-in sessions: random 32-byte tokens handed to the browser, only their hashes stored.
 * Nothing here is staff-specific beyond the users table, so reader accounts can reuse it.
 */
export class SessionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** A new session with a fresh token; called on every sign-in, so a token is never reused. */
  async create(userId: string, db: Db = this.db): Promise<{ token: string; id: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const id = newId();
    const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
    await insertSession(db, { id, tokenHash: hashSessionToken(token), userId, createdAt: now, expiresAt });
    return { token, id, expiresAt };
  }

  /**
   * The session a cookie token stands for, or null when it is unknown, expired or its user is
   * deactivated. Reads the session and the user's current role in one query.
   */
  async resolve(token: string | undefined): Promise<ActiveSession | null> {
    if (!token || !TOKEN_PATTERN.test(token)) return null;
    const record = await findSessionByTokenHash(this.db, hashSessionToken(token));
    if (!record) return null;
    const now = this.clock.now();
    if (record.expiresAt.getTime() <= now.getTime()) {
      await deleteSession(this.db, record.id);
      return null;
    }
    if (!record.user.active) return null;
    if (now.getTime() - record.lastSeenAt.getTime() < SESSION_TOUCH_INTERVAL_MS) {
      return { id: record.id, expiresAt: record.expiresAt, renewed: false, user: record.user };
    }
    const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
    await touchSession(this.db, record.id, now, expiresAt);
    return { id: record.id, expiresAt, renewed: true, user: record.user };
  }

  /** Signs one session out. */
  revoke(sessionId: string): Promise<void> {
    return deleteSession(this.db, sessionId);
  }

  /** Signs a user out everywhere (password change, deactivation). */
  revokeAllOf(userId: string, db: Db = this.db): Promise<void> {
    return deleteSessionsOfUser(db, userId);
  }

  /** Drops expired rows (session-purge.job.ts); they are already refused, this only keeps the table small. Returns how many. */
  purgeExpired(): Promise<number> {
    return deleteExpiredSessions(this.db, this.clock.now());
  }
}
