import { randomUUID } from 'node:crypto';
import { DailyReaders } from '../modules/audience/index.js';
import type { Clock } from '../shared/clock.js';
import { memoryRateLimiters, type RateLimiter, type RateLimiterFactory, type SharedRateLimitOptions } from '../shared/rate-limiter.js';
import type { Cluster, ClusterMessage, ReaderDays } from '../shared/cluster.types.js';

/**
 * One process alone (the default, SQLite or PostgreSQL): there is nobody to tell, every limit and
 * every reader seen lives in this process's memory, and every lock is this process's.
 */
export class LocalCluster implements Cluster {
  readonly mode = 'single' as const;
  readonly nodeId = randomUUID();
  readonly readerDays: ReaderDays;
  private readonly limiters: RateLimiterFactory;

  /** @param timeZone the publication's time zone, read on each view: the day ends at its midnight. */
  constructor(clock: Clock, timeZone: () => string) {
    this.limiters = memoryRateLimiters(clock);
    const daily = new DailyReaders(timeZone);
    // Resolves at once: the single node's beacon pays no I/O for "seen today?".
    this.readerDays = { firstViewToday: async (articleId, ip, userAgent, now) => daily.firstViewToday(articleId, ip, userAgent, now) };
  }

  async broadcast(_message: ClusterMessage): Promise<void> {}

  onMessage(_handler: (message: ClusterMessage) => void | Promise<void>): void {}

  rateLimiter(name: string, options: SharedRateLimitOptions): RateLimiter {
    return this.limiters(name, options);
  }

  async holdLock(_name: string, _ttlMs: number): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
