import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from './clock.js';
import { MemoryRateLimiter } from './rate-limiter.js';

describe('MemoryRateLimiter', () => {
  it('limits a key after `limit` events and frees it as the window slides past them', async () => {
    const clock = fixedClock('2026-11-20T00:00:00Z');
    const limiter = new MemoryRateLimiter({ limit: 3, windowMs: 60_000, clock });
    for (let i = 0; i < 3; i++) {
      assert.equal(await limiter.isLimited('a'), false);
      await limiter.hit('a');
      clock.advance(10_000);
    }
    assert.equal(await limiter.isLimited('a'), true);
    assert.equal(await limiter.isLimited('b'), false, 'keys are counted apart');
    clock.advance(30_001); // the first event is now older than the window
    assert.equal(await limiter.isLimited('a'), false);
  });

  it('forgets a key on reset', async () => {
    const limiter = new MemoryRateLimiter({ limit: 1, windowMs: 60_000, clock: fixedClock('2026-11-20T00:00:00Z') });
    await limiter.hit('a');
    assert.equal(await limiter.isLimited('a'), true);
    await limiter.reset('a');
    assert.equal(await limiter.isLimited('a'), false);
  });

  it('keeps at most maxKeys keys, dropping the least recently hit', async () => {
    const limiter = new MemoryRateLimiter({ limit: 1, windowMs: 60_000, clock: fixedClock('2026-11-20T00:00:00Z'), maxKeys: 2 });
    await limiter.hit('a');
    await limiter.hit('b');
    await limiter.hit('c');
    assert.equal(await limiter.isLimited('a'), false);
    assert.equal(await limiter.isLimited('b'), true);
    assert.equal(await limiter.isLimited('c'), true);
  });
});
