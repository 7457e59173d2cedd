import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { memoryRateLimiters, type RateLimiter, type RateLimiterFactory } from '../../shared/rate-limiter.js';
import type { AuditService } from '../audit/index.js';
import type { SessionService } from './session.service.js';
import { normalizeEmail, type UserService } from './user.service.js';
import type { User } from './user.types.js';

/** Failed sign-ins allowed per window: few per account (guessing one password), more per address (offices share one). */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perIp: 20,
} as const;

export interface SignInLimiters {
  account: RateLimiter;
  ip: RateLimiter;
}

/**
 * The sign-in limits, from `limiters` (the cluster's: shared by every node). If the shared store is
 * down they refuse (503) rather than let password guesses through uncounted.
 * @param scope keeps staff and readers' counts apart.
 */
export function signInLimiters(limiters: RateLimiterFactory, scope: 'staff' | 'reader' = 'staff'): SignInLimiters {
  const windowMs = SIGN_IN_LIMITS.windowMs;
  return {
    account: limiters(`${scope}-sign-in:account`, { limit: SIGN_IN_LIMITS.perAccount, windowMs, whenUnavailable: 'refuse' }),
    ip: limiters(`${scope}-sign-in:ip`, { limit: SIGN_IN_LIMITS.perIp, windowMs, whenUnavailable: 'refuse' }),
  };
}

/** In this process's memory (tests building a service by hand). */
export function memorySignInLimiters(clock: Clock): SignInLimiters {
  return signInLimiters(memoryRateLimiters(clock));
}

/**
 * Signing in and out: credentials, rate limits, a fresh session, the audit log. Every failure is the
 * same `ERR_SIGN_IN_FAILED`, whether the address has no account, the password is wrong or the
 * account is deactivated.
 */
export class SignInService {
  constructor(
    private readonly users: UserService,
    private readonly sessions: SessionService,
    private readonly limiters: SignInLimiters,
    private readonly audit: AuditService,
  ) {}

  async signIn(input: { email: string; password: string; ip: string }): Promise<{ user: User; token: string; expiresAt: Date }> {
    const email = normalizeEmail(input.email).slice(0, 254);
    // Unknown addresses are counted too: limiting only real accounts would reveal which exist.
    if ((await this.limiters.account.isLimited(email)) || (await this.limiters.ip.isLimited(input.ip))) {
      await this.audit.record({ actorUserId: null, action: 'auth.sign_in_failed', details: { email, ip: input.ip, reason: 'rate_limited' } });
      throw new AppError('ERR_TOO_MANY_SIGN_IN_ATTEMPTS');
    }
    const user = await this.users.verifyCredentials(email, input.password);
    if (!user) {
      await Promise.all([this.limiters.account.hit(email), this.limiters.ip.hit(input.ip)]);
      await this.audit.record({ actorUserId: null, action: 'auth.sign_in_failed', details: { email, ip: input.ip, reason: 'credentials' } });
      throw new AppError('ERR_SIGN_IN_FAILED');
    }
    await this.limiters.account.reset(email);
    const session = await this.sessions.create(user.id);
    await this.audit.record({ actorUserId: user.id, action: 'auth.sign_in', subjectType: 'user', subjectId: user.id, details: { ip: input.ip } });
    return { user, token: session.token, expiresAt: session.expiresAt };
  }

  async signOut(session: { id: string; userId: string }): Promise<void> {
    await this.sessions.revoke(session.id);
    await this.audit.record({ actorUserId: session.userId, action: 'auth.sign_out', subjectType: 'user', subjectId: session.userId });
  }
}
