import { createHash, randomBytes } from 'node:crypto';
import type { ReaderDays } from '../../shared/cluster.types.js';
import { startOfNextZonedDay } from '../../shared/zoned-time.js';

/**
 * Reader-story pairs held per day before the set stops growing: about 120 MB at most. Past it, new
 * readers are still counted but not remembered, so their repeat views count again that day: a
 * flood of made-up readers can inflate counts (as it could anyway) but cannot exhaust memory.
 */
export const MAX_DAILY_READER_KEYS = 2_000_000;

/**
 * The short key a reader is held under for a story: `sha256(salt, IP, user agent, story)`, cut to
 * 22 characters (132 bits), plenty to keep a day's readers apart. Shared with the Redis version.
 */
export function readerKey(salt: Buffer, articleId: string, ip: string, userAgent: string): string {
  return createHash('sha256').update(salt).update(`\0${ip}\0${userAgent}\0${articleId}`).digest('base64url').slice(0, 22);
}

/**
 * Tells whether a reader has already been counted for a story today, without knowing who they are.
 *
 * A reader is `sha256(salt, IP, user agent)`. The salt is random, made when the publication's day
 * begins, held only in memory and dropped with everything seen when that day ends, so no stored
 * figure and no memory that survives the day can be tied back to a person. A restart also makes a
 * new salt: a reader seen before a restart may be counted once more that day.
 *
 * Memory is one short key per reader per story seen today (about 60 bytes each), up to `maxKeys`.
 * With several nodes, src/cluster/redis-reader-days.ts shares the same rules through Redis.
 */
export class DailyReaders implements ReaderDays {
  private salt = randomBytes(32);
  private seen = new Set<string>();
  private dayEndsAt = 0;
  private dayTimeZone = '';

  /**
   * @param timeZone the publication's time zone, read on each call: it can change in the settings.
   * @param maxKeys pairs held per day; past it views count without being remembered.
   */
  constructor(
    private readonly timeZone: () => string,
    private readonly maxKeys = MAX_DAILY_READER_KEYS,
  ) {}

  /** Marks the reader as counted for the story; true the first time today, false after that. */
  async firstViewToday(articleId: string, ip: string, userAgent: string, now: Date): Promise<boolean> {
    return this.firstViewTodayNow(articleId, ip, userAgent, now);
  }

  /** The same, answered at once: the Redis version falls back on it while Redis is away. */
  firstViewTodayNow(articleId: string, ip: string, userAgent: string, now: Date): boolean {
    this.rollOverIfDayEnded(now);
    const key = readerKey(this.salt, articleId, ip, userAgent);
    if (this.seen.has(key)) return false;
    if (this.seen.size < this.maxKeys) this.seen.add(key);
    return true;
  }

  /** How many reader-story pairs are held for today. */
  get size(): number {
    return this.seen.size;
  }

  private rollOverIfDayEnded(now: Date): void {
    const timeZone = this.timeZone();
    if (now.getTime() < this.dayEndsAt && timeZone === this.dayTimeZone) return;
    // The first call only learns when today ends; later calls start a new day with a new salt.
    if (this.dayEndsAt !== 0) {
      this.salt = randomBytes(32);
      this.seen = new Set();
    }
    this.dayTimeZone = timeZone;
    this.dayEndsAt = startOfNextZonedDay(now, timeZone).getTime();
  }
}
