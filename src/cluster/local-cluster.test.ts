import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../shared/clock.js';
import { FixedWindowRateLimiter, MemoryRateLimiter } from '../shared/rate-limiter.js';
import { createTestApp } from '../testing/test-app.js';
import { createCluster } from './cluster.js';
import { LocalCluster } from './local-cluster.js';

describe('one node alone (LocalCluster)', () => {
  it('is what createCluster makes without REDIS_URL, and what the app runs on by default', async () => {
    const clock = fixedClock('2026-11-20T03:00:00.000Z');
    const cluster = await createCluster({ redis: undefined }, clock, () => 'UTC');
    assert.ok(cluster instanceof LocalCluster);
    assert.equal(cluster.mode, 'single');
    const t = await createTestApp();
    try {
      assert.equal(t.deps.cluster.mode, 'single');
    } finally {
      await t.close();
    }
  });

  it('limits in memory: sliding windows by default, a counter for fixed ones, by the app clock', async () => {
    const clock = fixedClock('2026-11-20T03:00:00.000Z');
    const cluster = new LocalCluster(clock, () => 'UTC');
    const sliding = cluster.rateLimiter('sign-in', { limit: 2, windowMs: 1_000 });
    const fixed = cluster.rateLimiter('beacon', { limit: 2, windowMs: 1_000, window: 'fixed' });
    assert.ok(sliding instanceof MemoryRateLimiter);
    assert.ok(fixed instanceof FixedWindowRateLimiter);
    await sliding.hit('ana');
    await sliding.hit('ana');
    assert.equal(await sliding.isLimited('ana'), true);
    assert.equal(await cluster.rateLimiter('sign-in', { limit: 2, windowMs: 1_000 }).isLimited('ana'), false, 'each limiter counts alone');
    clock.advance(1_000);
    assert.equal(await sliding.isLimited('ana'), false);
  });

  it('counts a reader once a day, holds every lock, and has nobody to tell', async () => {
    const clock = fixedClock('2026-11-20T03:00:00.000Z');
    const cluster = new LocalCluster(clock, () => 'UTC');
    const received: unknown[] = [];
    cluster.onMessage((message) => void received.push(message));
    assert.equal(await cluster.readerDays.firstViewToday('a1', '192.0.2.1', 'Firefox', clock.now()), true);
    assert.equal(await cluster.readerDays.firstViewToday('a1', '192.0.2.1', 'Firefox', clock.now()), false);
    assert.equal(await cluster.readerDays.firstViewToday('a2', '192.0.2.1', 'Firefox', clock.now()), true);
    assert.equal(await cluster.holdLock('lists', 1_000), true);
    assert.equal(await cluster.holdLock('lists', 1_000), true);
    await cluster.broadcast({ type: 'event', event: { name: 'comment.posted', articleId: 'a1', commentId: 'c1' } });
    assert.deepEqual(received, []);
    await cluster.close();
  });
});
