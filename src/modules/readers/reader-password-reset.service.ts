import { randomBytes } from 'node:crypto';
import { inTransaction, type Db } from '../../db/database.js';
import { DAY_MS, type Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { AuditService } from '../audit/index.js';
import { hashPassword, hashSessionToken } from '../users/index.js';
import type { ReaderSessionService } from './reader-session.service.js';
import {
  findReaderPasswordResetByTokenHash,
  insertReaderPasswordReset,
  invalidateOpenResetsOf,
  markReaderPasswordResetUsed,
  type ReaderPasswordReset,
} from './reader-password-reset.repository.js';
import { findReaderById, updateReaderPasswordHash } from './reader.repository.js';
import { assertPasswordAcceptable } from './reader.service.js';
import type { Reader } from './reader.types.js';

/** How long a reset link works: a day is enough to pass it on, short enough not to linger in inboxes. */
export const READER_RESET_LIFETIME_MS = DAY_MS;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * One-time password-reset links for readers, made by an admin (there is no mail server): 32 random
 * bytes, only their SHA-256 stored, valid 24 hours, and a new link spends every older unused one.
 */
export class ReaderPasswordResetService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sessions: ReaderSessionService,
    private readonly audit: AuditService,
  ) {}

  /** Makes a link for a (not deleted) reader and returns its token, to be shown once. */
  async create(readerId: string, actorUserId: string): Promise<{ token: string; reader: Reader; expiresAt: Date }> {
    const reader = await findReaderById(this.db, readerId);
    if (!reader || reader.deleted) throw new AppError('ERR_READER_NOT_FOUND');
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + READER_RESET_LIFETIME_MS);
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      await invalidateOpenResetsOf(trx, readerId, now);
      await insertReaderPasswordReset(trx, {
        id,
        tokenHash: hashSessionToken(token),
        readerId,
        createdByUserId: actorUserId,
        createdAt: now,
        expiresAt,
      });
      // The reader's id only: the audit log is read by every admin and needs no address.
      await this.audit.record({ actorUserId, action: 'reader.reset_link_created', subjectType: 'reader', subjectId: readerId }, trx);
    });
    return { token, reader, expiresAt };
  }

  /** The link a token stands for, if it can still be used: unknown → 404, used or expired → 410. */
  async open(token: string): Promise<ReaderPasswordReset> {
    const reset = TOKEN_PATTERN.test(token) ? await findReaderPasswordResetByTokenHash(this.db, hashSessionToken(token)) : undefined;
    if (!reset) throw new AppError('ERR_READER_RESET_NOT_FOUND');
    if (reset.usedAt || reset.expiresAt.getTime() <= this.clock.now().getTime()) throw new AppError('ERR_READER_RESET_GONE');
    return reset;
  }

  /**
   * Sets the new password, spends the link and signs the reader out everywhere, in one transaction;
   * returns a fresh session for the browser that used the link. A password the rules refuse leaves
   * the link usable.
   */
  async complete(token: string, newPassword: string): Promise<{ readerId: string; token: string; expiresAt: Date }> {
    const reset = await this.open(token);
    assertPasswordAcceptable(newPassword);
    const passwordHash = await hashPassword(newPassword);
    return inTransaction(this.db, async (trx) => {
      const now = this.clock.now();
      if (!(await markReaderPasswordResetUsed(trx, reset.id, now))) throw new AppError('ERR_READER_RESET_GONE');
      const reader = await findReaderById(trx, reset.readerId);
      if (!reader || reader.deleted) throw new AppError('ERR_READER_RESET_GONE');
      await updateReaderPasswordHash(trx, reset.readerId, passwordHash, now);
      await this.sessions.revokeAll(reset.readerId, trx);
      const session = await this.sessions.create(reset.readerId, trx);
      return { readerId: reset.readerId, ...session };
    });
  }
}
