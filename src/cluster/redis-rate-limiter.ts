import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import type { RateLimiter, SharedRateLimitOptions } from '../shared/rate-limiter.js';
import type { Redis } from './redis.js';

// Drops the events that left the window, counts this one, and keeps the key only as long as the
// window: one round trip, atomic, so two nodes counting at once never lose an event.
const HIT_SLIDING = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;
const COUNT_SLIDING = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
return redis.call('ZCARD', KEYS[1])`;
const HIT_FIXED = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

/** Reports a failure to reach Redis; the limiter then allows or refuses as configured. */
export type UnavailableReport = (error: unknown, what: string) => void;

/**
 * A RateLimiter every node shares, with MemoryRateLimiter's semantics (a sliding window: an event
 * counts while it is younger than `windowMs`) or FixedWindowRateLimiter's (`window: 'fixed'`: a
 * counter per window). Time comes from the app's clock, not Redis's, so it agrees with the rest of
 * the app (and with tests' fixed clocks); keys expire by Redis's clock only to bound memory.
 * Redis sees a hash of each key, never the e-mail address or IP address itself.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly base: string;
  private sequence = 0;
  private readonly member = randomUUID();

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    name: string,
    private readonly options: SharedRateLimitOptions & { clock: Clock; report?: UnavailableReport },
  ) {
    this.base = `${keyPrefix}rate:${name}:`;
  }

  async isLimited(key: string): Promise<boolean> {
    const count = await this.attempt('isLimited', async () => {
      const now = this.options.clock.now().getTime();
      if (this.options.window === 'fixed') return Number((await this.redis.get(this.fixedKey(key, now))) ?? 0);
      return Number(await this.redis.eval(COUNT_SLIDING, 1, this.slidingKey(key), now - this.options.windowMs));
    });
    return count !== undefined && count >= this.options.limit;
  }

  async hit(key: string): Promise<void> {
    await this.attempt('hit', async () => {
      const now = this.options.clock.now().getTime();
      if (this.options.window === 'fixed') return this.redis.eval(HIT_FIXED, 1, this.fixedKey(key, now), this.options.windowMs);
      // Members must differ: several events can share a millisecond (and a test's fixed clock).
      const member = `${now}:${this.member}:${++this.sequence}`;
      return this.redis.eval(HIT_SLIDING, 1, this.slidingKey(key), now - this.options.windowMs, now, member, this.options.windowMs);
    });
  }

  async reset(key: string): Promise<void> {
    const now = this.options.clock.now().getTime();
    // Failing to forget only keeps a limit stricter than it should be: never worth refusing for.
    try {
      if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
      await this.redis.del(this.options.window === 'fixed' ? this.fixedKey(key, now) : this.slidingKey(key));
    } catch (error) {
      this.options.report?.(error, `resetting rate limit ${this.base}`);
    }
  }

  private slidingKey(key: string): string {
    return this.base + hashed(key);
  }

  private fixedKey(key: string, now: number): string {
    return `${this.base}${Math.floor(now / this.options.windowMs)}:${hashed(key)}`;
  }

  /**
   * Runs a command, or decides without Redis when it cannot be reached. A connection that is not
   * ready fails at once rather than queueing, so an outage never holds requests for seconds.
   */
  private async attempt<T>(what: string, command: () => Promise<T>): Promise<T | undefined> {
    try {
      if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
      return await command();
    } catch (error) {
      this.options.report?.(error, `rate limit ${this.base} (${what})`);
      if ((this.options.whenUnavailable ?? 'refuse') === 'refuse') throw new AppError('ERR_SERVICE_UNAVAILABLE');
      return undefined;
    }
  }
}

/** 128 bits of SHA-256: keys stay apart, and short, whatever the address or e-mail looks like. */
function hashed(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}
