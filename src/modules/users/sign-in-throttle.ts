import { isIP } from 'node:net';
import type { Clock, Sleep } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { memoryRateLimiters, type RateLimiter, type RateLimiterFactory } from '../../shared/rate-limiter.js';

const WINDOW_MS = 15 * 60 * 1000;

/**
 * Failed sign-ins allowed per window. Only a client address, or an address with one account, is
 * ever refused (429): refusing an account itself would let anyone who knows an e-mail address lock
 * its owner out. An account guessed at from many addresses is slowed down instead (a wait before
 * the password is checked, right or wrong, growing with its failures and capped), never locked.
 */
export const SIGN_IN_LIMITS = {
  windowMs: WINDOW_MS,
  /** Per client address, across accounts (an office shares one address). */
  perIp: 20,
  /** Per client address and account: guessing one password from one place. */
  perIpAndAccount: 5,
  /** Per account, from anywhere: after this many failures, each attempt waits `delayMs` first. Ascending. */
  slowDown: [
    { after: 5, delayMs: 1_000 },
    { after: 10, delayMs: 2_000 },
    { after: 20, delayMs: 3_000 },
  ],
} as const;

/**
 * Wrong current passwords allowed per window, where a signed-in person confirms theirs (changing
 * it, deleting a reader account): a borrowed or stolen session must not become a way to guess it.
 * Only the session's owner can trip these, so the account itself may be refused here.
 */
export const PASSWORD_CHECK_LIMITS = { windowMs: WINDOW_MS, perAccount: 5, perIp: 20 } as const;

export interface SignInLimiters {
  ip: RateLimiter;
  ipAndAccount: RateLimiter;
  /** One limiter per step of SIGN_IN_LIMITS.slowDown, all fed every failure: the highest one reached sets the wait. */
  slowDown: ReadonlyArray<{ limiter: RateLimiter; delayMs: number }>;
  passwordCheck: { account: RateLimiter; ip: RateLimiter };
}

/**
 * The sign-in limits, from `limiters` (the cluster's: shared by every node, so an account's
 * slow-down and an address's limit hold on all of them). If the shared store is down they refuse
 * (503) rather than let password guesses through uncounted.
 * @param scope keeps staff and readers' counts apart.
 */
export function signInLimiters(limiters: RateLimiterFactory, scope: 'staff' | 'reader' = 'staff'): SignInLimiters {
  const windowMs = SIGN_IN_LIMITS.windowMs;
  const limit = (name: string, count: number) => limiters(name, { limit: count, windowMs, whenUnavailable: 'refuse' });
  return {
    ip: limit(`${scope}-sign-in:ip`, SIGN_IN_LIMITS.perIp),
    ipAndAccount: limit(`${scope}-sign-in:ip-account`, SIGN_IN_LIMITS.perIpAndAccount),
    slowDown: SIGN_IN_LIMITS.slowDown.map((step) => ({ limiter: limit(`${scope}-sign-in:slow-${step.after}`, step.after), delayMs: step.delayMs })),
    passwordCheck: {
      account: limit(`${scope}-password-check:account`, PASSWORD_CHECK_LIMITS.perAccount),
      ip: limit(`${scope}-password-check:ip`, PASSWORD_CHECK_LIMITS.perIp),
    },
  };
}

/** In this process's memory (tests building a service by hand). */
export function memorySignInLimiters(clock: Clock, scope: 'staff' | 'reader' = 'staff'): SignInLimiters {
  return signInLimiters(memoryRateLimiters(clock), scope);
}

/**
 * The key a client address is counted under: an IPv4 address as it is (IPv4-mapped IPv6 too), an
 * IPv6 address by its /64, which is one subscriber's network: its other 64 bits cost nothing to
 * change, so counting them apart would give one attacker endless fresh addresses.
 */
export function clientAddressKey(ip: string): string {
  const address = ip.split('%')[0] ?? ip;
  if (isIP(address) !== 6) return ip;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, `::` expanded and a trailing dotted IPv4 part split in two. */
function ipv6Groups(address: string): number[] {
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = '', tail] = address.split('::');
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The rules every sign-in form follows (staff and readers alike), around its own credential check.
 * Unknown e-mail addresses are counted and slowed down exactly like real accounts, so neither the
 * answer nor its timing tells whether an address has an account.
 */
export class SignInThrottle {
  constructor(
    private readonly limiters: SignInLimiters,
    private readonly sleep: Sleep,
  ) {}

  /** True when this client address, or this address with this account, has used up its failures. */
  async isLimited(email: string, ip: string): Promise<boolean> {
    const address = clientAddressKey(ip);
    return (await this.limiters.ip.isLimited(address)) || (await this.limiters.ipAndAccount.isLimited(pairKey(address, email)));
  }

  /**
   * Waits before the password is checked, as long as the account's recent failures ask for
   * (nothing for an account nobody is guessing at). Returns the wait, for the audit log.
   */
  async slowDown(email: string): Promise<number> {
    let delayMs = 0;
    // Highest step first: the first one reached is the wait, and the rest need not be asked.
    for (const step of [...this.limiters.slowDown].reverse()) {
      if (await step.limiter.isLimited(email)) {
        delayMs = step.delayMs;
        break;
      }
    }
    if (delayMs > 0) await this.sleep(delayMs);
    return delayMs;
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const address = clientAddressKey(ip);
    await Promise.all([
      this.limiters.ip.hit(address),
      this.limiters.ipAndAccount.hit(pairKey(address, email)),
      ...this.limiters.slowDown.map((step) => step.limiter.hit(email)),
    ]);
  }

  /**
   * Forgets this address's failures with this account (the owner's own typos). The account's
   * slow-down is left to run out by itself: forgetting it would show a guesser that the owner has
   * just signed in, and keep nobody out who has the password.
   */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.limiters.ipAndAccount.reset(pairKey(clientAddressKey(ip), email));
  }

  /**
   * Runs `check`, which confirms a signed-in person's current password and throws
   * ERR_PASSWORD_INCORRECT when it is wrong; wrong ones count per account (`accountKey`) and per
   * client address, and past either limit the check is refused (429 ERR_TOO_MANY_PASSWORD_ATTEMPTS)
   * before the password is even looked at.
   */
  async guardPasswordCheck<T>(accountKey: string, ip: string, check: () => Promise<T>): Promise<T> {
    const { account, ip: perIp } = this.limiters.passwordCheck;
    const address = clientAddressKey(ip);
    if ((await account.isLimited(accountKey)) || (await perIp.isLimited(address))) throw new AppError('ERR_TOO_MANY_PASSWORD_ATTEMPTS');
    try {
      return await check();
    } catch (error) {
      if (error instanceof AppError && error.code === 'ERR_PASSWORD_INCORRECT') await Promise.all([account.hit(accountKey), perIp.hit(address)]);
      throw error;
    }
  }
}

/** One key per address and account; the newline cannot occur in the address, which comes first. */
function pairKey(address: string, email: string): string {
  return `${address}\n${email}`;
}
