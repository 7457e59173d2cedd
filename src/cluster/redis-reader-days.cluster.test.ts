import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { connectRedis, type Redis } from './redis.js';
import { RedisReaderDays } from './redis-reader-days.js';

const REDIS_URL = process.env['TEST_REDIS_URL'];
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const AT = new Date('2026-11-20T10:00:00Z');

describe('readers counted once a day across nodes, through Redis', { skip: !REDIS_URL }, () => {
  let redis: Redis;
  const prefix = `dateline-test:${randomUUID()}:`;
  let timeZone = 'UTC';
  /** A node: its own RedisReaderDays (own salt cache, own fallback memory) on the shared Redis. */
  const node = () => new RedisReaderDays(redis, prefix, () => timeZone);

  before(async () => {
    redis = connectRedis(REDIS_URL ?? '');
    await redis.ping();
  });
  after(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('counts a reader once per story, and tells readers apart by address, browser and story', async () => {
    const a = node();
    assert.equal(await a.firstViewToday('story-a', '203.0.113.5', CHROME, AT), true);
    assert.equal(await a.firstViewToday('story-a', '203.0.113.5', CHROME, AT), false);
    assert.equal(await a.firstViewToday('story-b', '203.0.113.5', CHROME, AT), true, 'another story');
    assert.equal(await a.firstViewToday('story-a', '203.0.113.6', CHROME, AT), true, 'another address');
    assert.equal(await a.firstViewToday('story-a', '203.0.113.5', `${CHROME} Edg/131`, AT), true, 'another browser');
  });

  it('shares the salt and the readers seen between nodes, and keeps nothing that names a reader', async () => {
    const [a, b] = [node(), node()];
    assert.equal(await a.firstViewToday('story-c', '192.0.2.44', CHROME, AT), true);
    assert.equal(await b.firstViewToday('story-c', '192.0.2.44', CHROME, AT), false, 'seen on node A');
    assert.equal(await b.firstViewToday('story-c', '192.0.2.45', CHROME, AT), true);
    assert.equal(await a.firstViewToday('story-c', '192.0.2.45', CHROME, AT), false, 'seen on node B');
    const salt = await redis.get(`${prefix}views:salt:2026-11-20`);
    assert.match(salt ?? '', /^[0-9a-f]{64}$/);
    const held = JSON.stringify(await redis.smembers(`${prefix}views:seen:2026-11-20`));
    assert.doesNotMatch(held, /192\.0\.2\.44|Chrome|story/);
    // Both keys vanish with the day (about 14 hours on, plus a minute's margin).
    for (const key of ['salt', 'seen']) {
      const ttl = await redis.pttl(`${prefix}views:${key}:2026-11-20`);
      assert.ok(ttl > 13 * 3_600_000 && ttl <= 14 * 3_600_000 + 60_000, `${key} expires at the day's end (${ttl} ms)`);
    }
  });

  it('starts afresh when the day changes: a new salt, and everyone counts again', async () => {
    const a = node();
    const tomorrow = new Date('2026-11-21T10:00:00Z');
    assert.equal(await a.firstViewToday('story-d', '198.51.100.9', CHROME, AT), true);
    assert.equal(await a.firstViewToday('story-d', '198.51.100.9', CHROME, tomorrow), true);
    assert.equal(await node().firstViewToday('story-d', '198.51.100.9', CHROME, tomorrow), false, 'once on the new day, on any node');
    assert.notEqual(await redis.get(`${prefix}views:salt:2026-11-21`), await redis.get(`${prefix}views:salt:2026-11-20`));
  });

  it('ends the day at midnight in the publication’s time zone, read from the settings on each view', async () => {
    const a = node();
    timeZone = 'America/New_York';
    try {
      // 19:30 and 23:59:59 on 20 November in New York, then 00:00 on the 21st.
      assert.equal(await a.firstViewToday('story-e', '198.51.100.1', CHROME, new Date('2026-11-21T00:30:00Z')), true);
      assert.equal(await a.firstViewToday('story-e', '198.51.100.1', CHROME, new Date('2026-11-21T04:59:59Z')), false);
      assert.equal(await a.firstViewToday('story-e', '198.51.100.1', CHROME, new Date('2026-11-21T05:00:00Z')), true);
      assert.ok(await redis.exists(`${prefix}views:seen:2026-11-20`));
    } finally {
      timeZone = 'UTC';
    }
  });

  it('agrees on one salt again after Redis loses it (a restart): a node holding the old one switches', async () => {
    const a = node();
    assert.equal(await a.firstViewToday('story-f', '203.0.113.70', CHROME, AT), true);
    // A restart forgets everything; here only this test's keys go, so other tests are untouched.
    await redis.del(`${prefix}views:salt:2026-11-20`, `${prefix}views:seen:2026-11-20`);
    const fresh = node();
    assert.equal(await fresh.firstViewToday('story-f', '203.0.113.71', CHROME, AT), true, 'a node started after the restart makes a salt');
    assert.equal(await a.firstViewToday('story-f', '203.0.113.71', CHROME, AT), false, 'node A takes the new salt and sees the reader');
    assert.equal(await fresh.firstViewToday('story-f', '203.0.113.70', CHROME, AT), true, 'forgotten by the restart: counted once more');
    assert.equal(await a.firstViewToday('story-f', '203.0.113.70', CHROME, AT), false);
  });

  it('decides alone, at once, when Redis cannot be reached: the view counts, repeats on this node do not', async () => {
    // Nothing listens on port 1: the client never becomes ready.
    const away = connectRedis('redis://127.0.0.1:1', { lazyConnect: true });
    const fallbacks: unknown[] = [];
    const alone = new RedisReaderDays(away, prefix, () => 'UTC', { onFallback: (error) => fallbacks.push(error) });
    try {
      const started = Date.now();
      assert.equal(await alone.firstViewToday('story-g', '203.0.113.80', CHROME, AT), true);
      assert.equal(await alone.firstViewToday('story-g', '203.0.113.80', CHROME, AT), false);
      assert.ok(Date.now() - started < 100, 'no wait for a Redis that is not there');
      assert.equal(fallbacks.length, 2);
    } finally {
      away.disconnect();
    }
  });
});
