import { randomBytes } from 'node:crypto';
import { DailyReaders, readerKey } from '../modules/audience/index.js';
import { startOfNextZonedDay, startOfZonedDay, zonedDayKey } from '../shared/zoned-time.js';
import type { ReaderDays } from '../shared/cluster.types.js';
import type { Redis } from './redis.js';
import { boundedRedisCall } from './redis-bounded.js';

/** A view waits this long for Redis at most; past it the node decides alone (see below). */
export const READER_DAYS_TIMEOUT_MS = 250;
/** Keys outlive the day by this much, so a node whose clock runs a little slow still finds them. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Readers counted today, shared by every node through Redis, under the rules of
 * modules/audience/daily-readers.ts: a reader is a salted digest, the salt is random for the
 * publication's day, and the salt and the set of readers seen both expire when the day ends, so
 * nothing in Redis outlives the day or names a person.
 *
 * - `<prefix>views:salt:<day>`: 32 random bytes (hex), set by whichever node needs it first
 *   (SET NX), then read by all. Nodes keep it in memory for the day.
 * - `<prefix>views:seen:<day>`: the set of reader keys; SADD answers 1 the first time.
 *
 * Expiry is given as the time left in the day by this node's clock (PX, PEXPIRE), which with
 * synchronised clocks is the day's end by Redis' own (PXAT), and stays right under a test clock.
 *
 * Redis away (down, restarting, slower than READER_DAYS_TIMEOUT_MS): the view is still counted,
 * deduplicated by this node's memory alone, so no view is lost and a beacon never waits or fails;
 * a reader whose views reach several nodes during the outage may count once per node. A restarted
 * Redis has forgotten the day's readers, as a restarted single node does: they may count once more.
 */
export class RedisReaderDays implements ReaderDays {
  private salt: { day: string; hex: string; value: Buffer } | undefined;
  /** Today's bounds, worked out once a day: time-zone arithmetic is too slow to repeat per view. */
  private today: { timeZone: string; key: string; startsAt: number; endsAt: number } | undefined;
  private readonly fallback: DailyReaders;

  /**
   * @param timeZone the publication's time zone, read on each call: it can change in the settings.
   * @param onFallback told each time a view is decided without Redis (for logs and tests).
   */
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly timeZone: () => string,
    private readonly options: { timeoutMs?: number; onFallback?: (error: unknown) => void } = {},
  ) {
    this.fallback = new DailyReaders(timeZone);
  }

  async firstViewToday(articleId: string, ip: string, userAgent: string, now: Date): Promise<boolean> {
    try {
      return await boundedRedisCall(this.redis, () => this.shared(articleId, ip, userAgent, now), this.options.timeoutMs ?? READER_DAYS_TIMEOUT_MS);
    } catch (error) {
      return this.alone(articleId, ip, userAgent, now, error);
    }
  }

  private alone(articleId: string, ip: string, userAgent: string, now: Date, error: unknown): boolean {
    this.options.onFallback?.(error);
    return this.fallback.firstViewTodayNow(articleId, ip, userAgent, now);
  }

  /**
   * One round trip a view: the salt this node holds is offered with SET NX GET, so a Redis that
   * lost it (a restart) gets it back, and a node holding a stale one (another node re-made it
   * first) learns the right one and asks again.
   */
  private async shared(articleId: string, ip: string, userAgent: string, now: Date): Promise<boolean> {
    const { key: day, endsAt } = this.dayOf(now);
    const ttlMs = endsAt - now.getTime() + EXPIRY_MARGIN_MS;
    const saltKey = `${this.keyPrefix}views:salt:${day}`;
    const seenKey = `${this.keyPrefix}views:seen:${day}`;
    if (this.salt?.day !== day) {
      const hex = randomBytes(32).toString('hex');
      this.salt = { day, hex, value: Buffer.from(hex, 'hex') };
    }
    const offered = this.salt;
    const [stored, added] = await this.markSeen(saltKey, seenKey, offered.hex, readerKey(offered.value, articleId, ip, userAgent), ttlMs);
    if (stored === null || stored === offered.hex) return added === 1;
    // The stray key just added is a digest under a salt nobody uses: it names no one and expires.
    this.salt = { day, hex: stored, value: Buffer.from(stored, 'hex') };
    const [, addedAgain] = await this.markSeen(saltKey, seenKey, stored, readerKey(this.salt.value, articleId, ip, userAgent), ttlMs);
    return addedAgain === 1;
  }

  private dayOf(now: Date): { key: string; endsAt: number } {
    const timeZone = this.timeZone();
    const time = now.getTime();
    const today = this.today;
    if (today && today.timeZone === timeZone && time >= today.startsAt && time < today.endsAt) return today;
    const key = zonedDayKey(now, timeZone);
    this.today = { timeZone, key, startsAt: startOfZonedDay(key, timeZone).getTime(), endsAt: startOfNextZonedDay(now, timeZone).getTime() };
    return this.today;
  }

  private async markSeen(saltKey: string, seenKey: string, saltHex: string, key: string, ttlMs: number): Promise<[string | null, number]> {
    const results = await this.redis.multi().set(saltKey, saltHex, 'PX', ttlMs, 'NX', 'GET').sadd(seenKey, key).pexpire(seenKey, ttlMs).exec();
    if (!results) throw new Error('Redis discarded the transaction');
    for (const [error] of results) if (error) throw error;
    return [results[0]?.[1] as string | null, results[1]?.[1] as number];
  }
}
