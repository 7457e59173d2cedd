import type { Sleep } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { AuditService } from '../audit/index.js';
import type { SessionService } from './session.service.js';
import { SignInThrottle, type SignInLimiters } from './sign-in-throttle.js';
import { normalizeEmail, type UserService } from './user.service.js';
import type { User } from './user.types.js';

/**
 * Signing in and out, and changing one's own password: credentials, rate limits
 * (sign-in-throttle.ts), sessions, the audit log. Every sign-in failure is the same
 * `ERR_SIGN_IN_FAILED`, whether the address has no account, the password is wrong or the account is
 * deactivated.
 */
export class SignInService {
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly users: UserService,
    private readonly sessions: SessionService,
    limiters: SignInLimiters,
    private readonly audit: AuditService,
    sleep: Sleep,
  ) {
    this.throttle = new SignInThrottle(limiters, sleep);
  }

  async signIn(input: { email: string; password: string; ip: string }): Promise<{ user: User; token: string; expiresAt: Date }> {
    const email = normalizeEmail(input.email).slice(0, 254);
    if (await this.throttle.isLimited(email, input.ip)) {
      await this.audit.record({ actorUserId: null, action: 'auth.sign_in_failed', details: { email, ip: input.ip, reason: 'rate_limited' } });
      throw new AppError('ERR_TOO_MANY_SIGN_IN_ATTEMPTS');
    }
    await this.throttle.slowDown(email);
    const user = await this.users.verifyCredentials(email, input.password);
    if (!user) {
      await this.throttle.recordFailure(email, input.ip);
      await this.audit.record({ actorUserId: null, action: 'auth.sign_in_failed', details: { email, ip: input.ip, reason: 'credentials' } });
      throw new AppError('ERR_SIGN_IN_FAILED');
    }
    await this.throttle.recordSuccess(email, input.ip);
    const session = await this.sessions.create(user.id);
    await this.audit.record({ actorUserId: user.id, action: 'auth.sign_in', subjectType: 'user', subjectId: user.id, details: { ip: input.ip } });
    return { user, token: session.token, expiresAt: session.expiresAt };
  }

  async signOut(session: { id: string; userId: string }): Promise<void> {
    await this.sessions.revoke(session.id);
    await this.audit.record({ actorUserId: session.userId, action: 'auth.sign_out', subjectType: 'user', subjectId: session.userId });
  }

  /**
   * Changes the signed-in user's password (UserService.changePassword: the current one checked,
   * every session of the account ended), with wrong current passwords limited per account and per
   * client address. Returns a fresh session for the browser that asked: it stays signed in, while
   * every other session, and any stolen copy of this one's cookie, is over.
   */
  async changePassword(input: {
    userId: string;
    currentPassword: string;
    newPassword: string;
    ip: string;
  }): Promise<{ token: string; expiresAt: Date }> {
    await this.throttle.guardPasswordCheck(`user:${input.userId}`, input.ip, () =>
      this.users.changePassword(input.userId, input.currentPassword, input.newPassword),
    );
    const session = await this.sessions.create(input.userId);
    return { token: session.token, expiresAt: session.expiresAt };
  }
}
