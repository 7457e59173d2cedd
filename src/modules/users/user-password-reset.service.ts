import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { RateLimiterFactory } from '../../shared/rate-limiter.js';
import type { AuditService } from '../audit/index.js';
import { linkTokenHash, MAILED_RESET_LIFETIME_MS, newLinkToken, ResetRequestLimiter } from './one-time-link.js';
import { hashPassword } from './password.js';
import type { SessionService } from './session.service.js';
import type { StaffMail } from './staff-mail.js';
import {
  findUserPasswordResetByTokenHash,
  insertUserPasswordReset,
  invalidateOpenUserResets,
  markUserPasswordResetUsed,
  type UserPasswordReset,
} from './user-password-reset.repository.js';
import { findUserById, findUserCredentialsByEmail, updatePasswordHash } from './user.repository.js';
import { assertPasswordAcceptable, normalizeEmail } from './user.service.js';

const EmailSchema = z.email().max(254);

/**
 * "Forgot password" for staff, the equivalent of the readers' mailed reset link
 * (readers/reader-password-reset.service.ts): one hour, once, the same answer for any address,
 * limited per client address (never per account: asking cannot lock the owner out), and using it
 * ends every session of the account. A deactivated account gets no link.
 */
export class UserPasswordResetService {
  private readonly requests: ResetRequestLimiter;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly mail: Pick<StaffMail, 'passwordReset'>,
    limiters: RateLimiterFactory,
  ) {
    this.requests = new ResetRequestLimiter(limiters, 'staff');
  }

  async request(rawEmail: string, ip: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    // A malformed address (CR/LF included) is refused whether or not it could have an account.
    if (!EmailSchema.safeParse(email).success) throw new AppError('ERR_EMAIL_INVALID');
    await this.requests.take(email, ip);
    const found = await findUserCredentialsByEmail(this.db, email);
    if (!found || !found.user.active) return;
    const { user } = found;
    const { token, tokenHash } = newLinkToken();
    const now = this.clock.now();
    await inTransaction(this.db, async (trx) => {
      await invalidateOpenUserResets(trx, user.id, now);
      await insertUserPasswordReset(trx, {
        id: newId(),
        tokenHash,
        userId: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + MAILED_RESET_LIFETIME_MS),
      });
      await this.mail.passwordReset(user, token, trx);
      await this.audit.record({ actorUserId: null, action: 'auth.reset_link_mailed', subjectType: 'user', subjectId: user.id, details: { ip } }, trx);
    });
  }

  /** The link a token stands for, if it can still be used: unknown → 404, used or expired → 410. */
  async open(token: string): Promise<UserPasswordReset> {
    const tokenHash = linkTokenHash(token);
    const reset = tokenHash ? await findUserPasswordResetByTokenHash(this.db, tokenHash) : undefined;
    if (!reset) throw new AppError('ERR_STAFF_RESET_NOT_FOUND');
    if (reset.usedAt || reset.expiresAt.getTime() <= this.clock.now().getTime()) throw new AppError('ERR_STAFF_RESET_GONE');
    return reset;
  }

  /**
   * Sets the new password, spends the link and ends every session of the account, in one
   * transaction; returns a fresh session for this browser. A password the rules refuse leaves the
   * link usable.
   */
  async complete(token: string, newPassword: string): Promise<{ userId: string; token: string; expiresAt: Date }> {
    const reset = await this.open(token);
    assertPasswordAcceptable(newPassword);
    const passwordHash = await hashPassword(newPassword);
    return inTransaction(this.db, async (trx) => {
      const now = this.clock.now();
      if (!(await markUserPasswordResetUsed(trx, reset.id, now))) throw new AppError('ERR_STAFF_RESET_GONE');
      const user = await findUserById(trx, reset.userId);
      if (!user?.active) throw new AppError('ERR_STAFF_RESET_GONE');
      await updatePasswordHash(trx, user.id, passwordHash, now);
      await this.sessions.revokeAllOf(user.id, trx);
      await this.audit.record({ actorUserId: user.id, action: 'auth.password_reset', subjectType: 'user', subjectId: user.id }, trx);
      const session = await this.sessions.create(user.id, trx);
      return { userId: user.id, token: session.token, expiresAt: session.expiresAt };
    });
  }
}
