import { randomBytes } from 'node:crypto';
import { HOUR_MS } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { RateLimiter, RateLimiterFactory } from '../../shared/rate-limiter.js';
import { hashSessionToken } from './session.service.js';
import { clientAddressKey } from './sign-in-throttle.js';

/**
 * Tokens of one-time links (invitations, password resets, sign-up confirmations): 32 random bytes
 * in base64url, of which only the SHA-256 is stored, like session tokens.
 */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}

/** The hash to look a link up by, or undefined for something no token of ours looks like. */
export function linkTokenHash(token: string): string | undefined {
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? hashSessionToken(token) : undefined;
}

/** How long a mailed password-reset link works: an hour, long enough to read the mail, too short to linger. */
export const MAILED_RESET_LIFETIME_MS = HOUR_MS;

/**
 * "Forgot password" requests per address and client, and per client alone. Both key on the
 * client, so nobody can use up an address's allowance from elsewhere and lock its owner out; and
 * a request never touches signing in, so the owner can always sign in with the password they have.
 */
export const RESET_REQUEST_LIMITS = {
  perAddressAndIp: { limit: 3, windowMs: HOUR_MS },
  perIp: { limit: 20, windowMs: HOUR_MS },
} as const;

/** The two limits of RESET_REQUEST_LIMITS, for readers or staff (counted apart). */
export class ResetRequestLimiter {
  private readonly pair: RateLimiter;
  private readonly ip: RateLimiter;

  constructor(limiters: RateLimiterFactory, audience: 'reader' | 'staff') {
    // Refused while a shared store is down: a flood of reset mails is what the limit is for.
    this.pair = limiters(`${audience}-reset-request:ip+address`, { ...RESET_REQUEST_LIMITS.perAddressAndIp, whenUnavailable: 'refuse' });
    this.ip = limiters(`${audience}-reset-request:ip`, { ...RESET_REQUEST_LIMITS.perIp, whenUnavailable: 'refuse' });
  }

  /** Counts one request, or refuses it (429) once either allowance is spent; the same for known and unknown addresses. */
  async take(email: string, ip: string): Promise<void> {
    const address = clientAddressKey(ip);
    const pairKey = `${address}|${email}`;
    if ((await this.ip.isLimited(address)) || (await this.pair.isLimited(pairKey))) throw new AppError('ERR_TOO_MANY_RESET_REQUESTS');
    await Promise.all([this.ip.hit(address), this.pair.hit(pairKey)]);
  }
}
