import { createHash, randomBytes } from 'node:crypto';
import { startOfNextZonedDay } from '../rankings/zoned-time.js';

/**
 * Tells whether a reader has already been counted for a story today, without knowing who they are.
 *
 * A reader is `sha256(salt, IP, user agent)`. The salt is random, made when the publication's day
 * begins, held only in memory and dropped with everything seen when that day ends, so no stored
 * figure and no memory that survives the day can be tied back to a person. A restart also makes a
 * new salt: a reader seen before a restart may be counted once more that day.
 *
 * Memory is one short key per reader per story seen today (about 60 bytes each).
 */
export class DailyReaders {
  private salt = randomBytes(32);
  private seen = new Set<string>();
  private dayEndsAt = 0;
  private dayTimeZone = '';

  /** @param timeZone the publication's time zone, read on each call: it can change in the settings. */
  constructor(private readonly timeZone: () => string) {}

  /** Marks the reader as counted for the story; true the first time today, false after that. */
  firstViewToday(articleId: string, ip: string, userAgent: string, now: Date): boolean {
    this.rollOverIfDayEnded(now);
    const key = createHash('sha256').update(this.salt).update(`\0${ip}\0${userAgent}\0${articleId}`).digest('base64url').slice(0, 22);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
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
