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
