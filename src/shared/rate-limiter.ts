import type { Clock } from './clock.js';

/**
 * Counts events (failed sign-ins) per key within a sliding window. Async so a shared store
 * (Redis, when Dateline runs on several machines) can implement the same interface.
 */
export interface RateLimiter {
  /** Whether `key` has used up its allowance in the current window. */
  isLimited(key: string): Promise<boolean>;
  /** Counts one more event against `key`. */
  hit(key: string): Promise<void>;
  /** Forgets every event of `key` (after a successful sign-in, for the account). */
  reset(key: string): Promise<void>;
}

export interface RateLimitOptions {
  /** Events allowed per window; the next one is refused. */
  limit: number;
  windowMs: number;
  clock: Clock;
  /**
   * Keys kept at most. A flood of distinct keys (made-up e-mail addresses) must not grow memory
   * without bound; the oldest key is dropped first, which can only make a limit more lenient.
   */
  maxKeys?: number;
}

/** In one process's memory: right for one machine; timestamps per key, pruned as the window slides. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly events = new Map<string, number[]>();
  private readonly maxKeys: number;

  constructor(private readonly options: RateLimitOptions) {
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  async isLimited(key: string): Promise<boolean> {
    return this.recent(key).length >= this.options.limit;
  }

  async hit(key: string): Promise<void> {
    const times = this.recent(key);
    times.push(this.options.clock.now().getTime());
    // Re-inserting moves the key to the end, so eviction below drops the least recently hit.
    this.events.delete(key);
    this.events.set(key, times);
    if (this.events.size > this.maxKeys) {
      const oldest = this.events.keys().next();
      if (!oldest.done) this.events.delete(oldest.value);
    }
  }

  async reset(key: string): Promise<void> {
    this.events.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.options.clock.now().getTime() - this.options.windowMs;
    const times = (this.events.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) this.events.delete(key);
    return times;
  }
}

/**
 * A counter per key that starts afresh each window: O(1) per event, for hot paths such as the view
 * beacon, where keeping every timestamp would cost too much. It may let up to twice the limit through
 * across a window boundary, which is fine for flood control.
 */
export class FixedWindowRateLimiter implements RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(private readonly options: RateLimitOptions) {}

  async isLimited(key: string): Promise<boolean> {
    return this.isLimitedNow(key);
  }

  async hit(key: string): Promise<void> {
    this.hitNow(key);
  }

  async reset(key: string): Promise<void> {
    this.counts.delete(key);
  }

  /** Synchronous forms, for callers on a hot path that cannot afford a promise per event. */
  isLimitedNow(key: string): boolean {
    this.roll();
    return (this.counts.get(key) ?? 0) >= this.options.limit;
  }

  hitNow(key: string): void {
    this.roll();
    if (this.counts.size >= (this.options.maxKeys ?? 100_000) && !this.counts.has(key)) return;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  private roll(): void {
    const now = this.options.clock.now().getTime();
    if (now - this.windowStart < this.options.windowMs) return;
    this.windowStart = now;
    this.counts = new Map();
  }
}

/** What a limiter shared by every node (src/cluster) is asked for; see Cluster.rateLimiter. */
export interface SharedRateLimitOptions {
  limit: number;
  windowMs: number;
  /** `fixed`: a counter per window, O(1) per event, for hot paths (the view beacon, the API). Default `sliding`. */
  window?: 'sliding' | 'fixed';
  /**
   * When the shared store (Redis) cannot be reached: `allow` lets the event through (flood control,
   * where refusing would lose readers' views or comments), `refuse` answers 503
   * ERR_SERVICE_UNAVAILABLE (credential limits, where an outage must not open a window for guessing
   * passwords). Default `refuse`. Memory never fails, so a single node ignores it.
   */
  whenUnavailable?: 'allow' | 'refuse';
}

/** Makes the named limiters of a service; `name` keeps their counts apart in a shared store. */
export type RateLimiterFactory = (name: string, options: SharedRateLimitOptions) => RateLimiter;

/** Limiters in this process's memory: sliding windows keep timestamps, fixed windows a counter. */
export function memoryRateLimiters(clock: Clock): RateLimiterFactory {
  return (_name, options) =>
    options.window === 'fixed'
      ? new FixedWindowRateLimiter({ limit: options.limit, windowMs: options.windowMs, clock })
      : new MemoryRateLimiter({ limit: options.limit, windowMs: options.windowMs, clock });
}
