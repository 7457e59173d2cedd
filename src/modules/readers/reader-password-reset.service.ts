import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import { DAY_MS, type Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { AuditService } from '../audit/index.js';
import { hashPassword, linkTokenHash, MAILED_RESET_LIFETIME_MS, newLinkToken, normalizeEmail, ResetRequestLimiter } from '../users/index.js';
import type { RateLimiterFactory } from '../../shared/rate-limiter.js';
import type { ReaderMail } from './reader-mail.js';
import type { ReaderSessionService } from './reader-session.service.js';
import {
  findReaderPasswordResetByTokenHash,
  insertReaderPasswordReset,
  invalidateOpenResetsOf,
  markReaderPasswordResetUsed,
  type ReaderPasswordReset,
} from './reader-password-reset.repository.js';
import { confirmReader, findReaderByEmail, findReaderById, updateReaderPasswordHash } from './reader.repository.js';
import { assertPasswordAcceptable } from './reader.service.js';
import type { Reader } from './reader.types.js';

/** How long an admin-made reset link works: a day is enough to pass it on, short enough not to linger in inboxes. */
export const READER_RESET_LIFETIME_MS = DAY_MS;

const EmailSchema = z.email().max(254);

/**
 * One-time password-reset links for readers: asked for by the reader ("forgot password", mailed,
 * valid an hour) or made by an admin (shown to copy, valid 24 hours). 32 random bytes, only their
 * SHA-256 stored, and a new link spends every older unused one.
 */
export class ReaderPasswordResetService {
  private readonly requests: ResetRequestLimiter;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sessions: ReaderSessionService,
    private readonly audit: AuditService,
    private readonly mail: Pick<ReaderMail, 'passwordReset'>,
    limiters: RateLimiterFactory,
  ) {
    this.requests = new ResetRequestLimiter(limiters, 'reader');
  }

  /**
   * "Forgot password": mails a link valid an hour when the address has an account, and answers
   * the same (nothing) when it has not. Limited per client address and address (429), never per
   * address alone, and signing in is untouched, so nobody can lock an owner out by asking.
   */
  async request(rawEmail: string, ip: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    // A malformed address (CR/LF included) is refused whether or not it could have an account.
    if (!EmailSchema.safeParse(email).success) throw new AppError('ERR_EMAIL_INVALID');
    await this.requests.take(email, ip);
    const reader = await findReaderByEmail(this.db, email);
    if (!reader || reader.deleted) return;
    const { token, tokenHash } = newLinkToken();
    const now = this.clock.now();
    await inTransaction(this.db, async (trx) => {
      await invalidateOpenResetsOf(trx, reader.id, now);
      await insertReaderPasswordReset(trx, {
        id: newId(),
        tokenHash,
        readerId: reader.id,
        createdByUserId: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + MAILED_RESET_LIFETIME_MS),
      });
      await this.mail.passwordReset(reader, token, trx);
    });
  }

  /** Makes a link for a (not deleted) reader and returns its token, to be shown once. */
  async create(readerId: string, actorUserId: string): Promise<{ token: string; reader: Reader; expiresAt: Date }> {
    const reader = await findReaderById(this.db, readerId);
    if (!reader || reader.deleted) throw new AppError('ERR_READER_NOT_FOUND');
    const { token, tokenHash } = newLinkToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + READER_RESET_LIFETIME_MS);
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      await invalidateOpenResetsOf(trx, readerId, now);
      await insertReaderPasswordReset(trx, {
        id,
        tokenHash,
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
    const tokenHash = linkTokenHash(token);
    const reset = tokenHash ? await findReaderPasswordResetByTokenHash(this.db, tokenHash) : undefined;
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
      // A mailed link proves the reader reads that inbox, as the sign-up link would have.
      if (reset.mailed) await confirmReader(trx, reset.readerId, now);
      await this.sessions.revokeAll(reset.readerId, trx);
      const session = await this.sessions.create(reset.readerId, trx);
      return { readerId: reset.readerId, ...session };
    });
  }
}
