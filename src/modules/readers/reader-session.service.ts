import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS, hashSessionToken } from '../users/index.js';
import {
  deleteExpiredReaderSessions,
  deleteReaderSession,
  deleteReaderSessionsOf,
  findReaderSessionByTokenHash,
  insertReaderSession,
  touchReaderSession,
} from './reader-session.repository.js';
import type { Reader } from './reader.types.js';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface ActiveReaderSession {
  id: string;
  expiresAt: Date;
  /** True when this request moved the expiry, so the cookie should be sent again with it. */
  renewed: boolean;
  reader: Reader;
}

/**
 * Reader sessions, exactly as staff sessions (users/session.service.ts): random 32-byte tokens,
 * only their SHA-256 stored, a new token at every sign-in, 14 days' sliding expiry. A separate
 * table and cookie keep a reader account from ever reaching the newsroom.
 */
export class ReaderSessionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async create(readerId: string, db: Db = this.db): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
    await insertReaderSession(db, { id: newId(), tokenHash: hashSessionToken(token), readerId, createdAt: now, expiresAt });
    return { token, expiresAt };
  }

  /** The session a cookie token stands for, or null when unknown, expired or its account deleted. */
  async resolve(token: string | undefined): Promise<ActiveReaderSession | null> {
    if (!token || !TOKEN_PATTERN.test(token)) return null;
    const record = await findReaderSessionByTokenHash(this.db, hashSessionToken(token));
    if (!record) return null;
    const now = this.clock.now();
    if (record.expiresAt.getTime() <= now.getTime() || record.reader.deleted) {
      await deleteReaderSession(this.db, record.id);
      return null;
    }
    if (now.getTime() - record.lastSeenAt.getTime() < SESSION_TOUCH_INTERVAL_MS) {
      return { id: record.id, expiresAt: record.expiresAt, renewed: false, reader: record.reader };
    }
    const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
    await touchReaderSession(this.db, record.id, now, expiresAt);
    return { id: record.id, expiresAt, renewed: true, reader: record.reader };
  }

  async revoke(sessionId: string): Promise<void> {
    await deleteReaderSession(this.db, sessionId);
  }

  /** Signs the reader out everywhere: after a password change, a reset or deleting the account. */
  async revokeAll(readerId: string, db: Db = this.db): Promise<void> {
    await deleteReaderSessionsOf(db, readerId);
  }

  /** Drops expired rows (session-purge.job.ts); they are already refused, this only keeps the table small. Returns how many. */
  purgeExpired(): Promise<number> {
    return deleteExpiredReaderSessions(this.db, this.clock.now());
  }
}
