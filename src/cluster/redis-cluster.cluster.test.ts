import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixedClock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { delay, deleteRedisKeys, eventually, uniqueKeyPrefix } from '../testing/node-process.js';
import type { ClusterMessage } from '../shared/cluster.types.js';
import { RedisCluster } from './redis-cluster.js';
import { RedisReaderDays } from './redis-reader-days.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';
import { connectRedis } from './redis.js';

// Real Redis, no database: the shared pieces every node relies on. Each cluster here gets a key
// prefix of its own, deleted afterwards, so concurrent test files never meet.
const redisUrl = process.env['TEST_REDIS_URL'];
const skip = redisUrl ? false : 'needs TEST_REDIS_URL';

describe('the Redis cluster', { skip }, () => {
  const clock = fixedClock('2026-11-20T03:00:00.000Z');
  const open: RedisCluster[] = [];
  const prefixes = new Set<string>();

  async function cluster(prefix = uniqueKeyPrefix(), warnings: string[] = []): Promise<RedisCluster> {
    prefixes.add(prefix);
    const made = await RedisCluster.connect({
      url: redisUrl ?? '',
      keyPrefix: prefix,
      clock,
      readerDays: (redis, keyPrefix) => new RedisReaderDays(redis, keyPrefix, () => 'UTC'),
      warn: (_error, what) => warnings.push(what),
    });
    open.push(made);
    return made;
  }

  after(async () => {
    await Promise.all(open.map((each) => each.close()));
    for (const prefix of prefixes) await deleteRedisKeys(redisUrl ?? '', prefix);
  });

  describe('rate limits', () => {
    it('refuses past the limit, and lets the window slide with the app clock', async () => {
      const limiter = (await cluster()).rateLimiter('sign-in', { limit: 3, windowMs: 60_000 });
      await limiter.hit('ana@news.example');
      clock.advance(20_000);
      await limiter.hit('ana@news.example');
      assert.equal(await limiter.isLimited('ana@news.example'), false);
      await limiter.hit('ana@news.example');
      assert.equal(await limiter.isLimited('ana@news.example'), true);
      clock.advance(39_999);
      assert.equal(await limiter.isLimited('ana@news.example'), true, 'the first event is still in the window');
      clock.advance(1);
      assert.equal(await limiter.isLimited('ana@news.example'), false, 'the first event left the window');
      await limiter.hit('ana@news.example');
      assert.equal(await limiter.isLimited('ana@news.example'), true);
    });

    it('counts events in the same millisecond apart, and reset forgets the key', async () => {
      const limiter = (await cluster()).rateLimiter('comments', { limit: 5, windowMs: 60_000 });
      await Promise.all(Array.from({ length: 5 }, () => limiter.hit('192.0.2.1')));
      assert.equal(await limiter.isLimited('192.0.2.1'), true);
      await limiter.reset('192.0.2.1');
      assert.equal(await limiter.isLimited('192.0.2.1'), false);
    });

    it('keeps keys, names and prefixes apart, and shares one name under one prefix', async () => {
      const prefix = uniqueKeyPrefix();
      const [a, b, elsewhere] = [await cluster(prefix), await cluster(prefix), await cluster()];
      const options = { limit: 1, windowMs: 60_000 };
      await a.rateLimiter('sign-in', options).hit('ana');
      assert.equal(await b.rateLimiter('sign-in', options).isLimited('ana'), true, 'another node sees the hit');
      assert.equal(await b.rateLimiter('sign-in', options).isLimited('ben'), false, 'another key');
      assert.equal(await b.rateLimiter('sign-up', options).isLimited('ana'), false, 'another limiter');
      assert.equal(await elsewhere.rateLimiter('sign-in', options).isLimited('ana'), false, 'another prefix');
    });

    it('stores a hash of each key, never the e-mail or IP address', async () => {
      const prefix = uniqueKeyPrefix();
      const node = await cluster(prefix);
      await node.rateLimiter('sign-in', { limit: 5, windowMs: 60_000 }).hit('ana@news.example');
      await node.rateLimiter('beacon', { limit: 5, windowMs: 60_000, window: 'fixed' }).hit('192.0.2.55');
      const redis = connectRedis(redisUrl ?? '');
      try {
        const keys = await redis.keys(`${prefix}*`);
        assert.equal(keys.length, 2);
        assert.ok(
          keys.every((key) => !key.includes('ana') && !key.includes('192.0.2.55')),
          keys.join(', '),
        );
      } finally {
        redis.disconnect();
      }
    });

    it('counts a fixed window per window, shared between nodes', async () => {
      const prefix = uniqueKeyPrefix();
      const [a, b] = [await cluster(prefix), await cluster(prefix)];
      const options = { limit: 2, windowMs: 60_000, window: 'fixed' as const };
      clock.set('2026-11-20T04:00:00.000Z');
      await a.rateLimiter('beacon', options).hit('192.0.2.7');
      await b.rateLimiter('beacon', options).hit('192.0.2.7');
      assert.equal(await a.rateLimiter('beacon', options).isLimited('192.0.2.7'), true);
      clock.advance(60_000);
      assert.equal(await b.rateLimiter('beacon', options).isLimited('192.0.2.7'), false, 'a new window');
    });

    it('when Redis cannot be reached: refuses with a 503 or lets through, as the limiter asks', async () => {
      // Never connected (lazy, nothing listens there): the limiter decides at once, without waiting.
      const down = connectRedis('redis://127.0.0.1:1', { lazyConnect: true });
      const reported: string[] = [];
      const report = (_error: unknown, what: string) => reported.push(what);
      try {
        const refusing = new RedisRateLimiter(down, 'x:', 'sign-in', { limit: 1, windowMs: 1000, clock, report });
        const started = Date.now();
        await assert.rejects(
          refusing.isLimited('ana'),
          (error) => error instanceof AppError && error.code === 'ERR_SERVICE_UNAVAILABLE' && error.status === 503,
        );
        await assert.rejects(refusing.hit('ana'), (error) => error instanceof AppError && error.code === 'ERR_SERVICE_UNAVAILABLE');
        await refusing.reset('ana');
        const allowing = new RedisRateLimiter(down, 'x:', 'beacon', {
          limit: 1,
          windowMs: 1000,
          window: 'fixed',
          whenUnavailable: 'allow',
          clock,
          report,
        });
        await allowing.hit('192.0.2.1');
        assert.equal(await allowing.isLimited('192.0.2.1'), false);
        assert.ok(Date.now() - started < 500, 'no waiting for a connection');
        assert.ok(reported.length >= 3, 'each failure is reported');
      } finally {
        down.disconnect();
      }
    });
  });

  describe('locks', () => {
    it('one holder among nodes, renewed by it, taken over after it lapses or is released', async () => {
      const prefix = uniqueKeyPrefix();
      const [a, b] = [await cluster(prefix), await cluster(prefix)];
      assert.equal(await a.holdLock('lists', 200), true);
      assert.equal(await b.holdLock('lists', 200), false);
      await delay(120);
      assert.equal(await a.holdLock('lists', 200), true, 'renewed');
      await delay(120);
      assert.equal(await b.holdLock('lists', 200), false, 'the renewal kept it past the first TTL');
      assert.equal(await a.holdLock('publisher', 200), true, 'locks are apart');
      await delay(300);
      assert.equal(await b.holdLock('lists', 200), true, 'taken over once it lapsed');
      assert.equal(await a.holdLock('lists', 200), false);
      await b.close();
      assert.equal(await a.holdLock('lists', 60_000), true, 'a closing node releases its locks at once');
    });
  });

  describe('messages', () => {
    it('reach every other node, never the sender; malformed ones are ignored and logged', async () => {
      const prefix = uniqueKeyPrefix();
      const warnings: string[] = [];
      const [a, b] = [await cluster(prefix), await cluster(prefix, warnings)];
      const toA: ClusterMessage[] = [];
      const toB: ClusterMessage[] = [];
      a.onMessage((message) => void toA.push(message));
      b.onMessage((message) => void toB.push(message));
      const publisher = connectRedis(redisUrl ?? '');
      try {
        for (const raw of [
          'not json',
          '{"from":"x"}',
          '{"from":"x","message":{"type":"shutdown"}}',
          '{"from":"x","message":{"type":"event"}}',
          '{"from":"x","message":{"type":"event","event":{"name":"no.such.event"}}}',
        ]) {
          await publisher.publish(`${prefix}events`, raw);
        }
      } finally {
        publisher.disconnect();
      }
      await a.broadcast({ type: 'event', event: { name: 'comment.posted', articleId: 'a1', commentId: 'c1' } });
      await a.broadcast({ type: 'api-key.revoked', keyId: 'k1' });
      await eventually(async () => (toB.length >= 2 ? true : undefined), 2_000, 'B to receive both messages');
      assert.deepEqual(toB, [
        { type: 'event', event: { name: 'comment.posted', articleId: 'a1', commentId: 'c1' } },
        { type: 'api-key.revoked', keyId: 'k1' },
      ]);
      assert.equal(warnings.filter((what) => what.startsWith('ignoring a message')).length, 5);
      await delay(100);
      assert.deepEqual(toA, [], 'the sender hears none of its own, and none of the malformed');
    });
  });
});
