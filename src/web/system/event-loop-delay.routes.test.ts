import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTestApp } from '../../testing/test-app.js';
import { registerEventLoopDelayRoutes, type EventLoopDelayFigures } from './event-loop-delay.routes.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps the thread busy, as a synchronous recomputation would. */
function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

async function figures(app: FastifyInstance): Promise<EventLoopDelayFigures> {
  const response = await app.inject({ url: '/_bench/event-loop-delay' });
  assert.equal(response.statusCode, 200);
  return response.json<EventLoopDelayFigures>();
}

describe('event-loop delay routes (BENCH_ROUTES only)', () => {
  it('samples nothing until reset, then reports a block since the reset and forgets it at the next reset', async () => {
    const app = Fastify();
    registerEventLoopDelayRoutes(app);
    try {
      assert.equal((await figures(app)).enabled, false);

      assert.equal((await app.inject({ method: 'POST', url: '/_bench/event-loop-delay/reset' })).statusCode, 204);
      await pause(30);
      block(120);
      await pause(30);
      const blocked = await figures(app);
      assert.equal(blocked.enabled, true);
      assert.ok(blocked.samples > 0);
      assert.ok(blocked.maxMs >= 100, `a 120 ms block shows (max ${blocked.maxMs} ms)`);
      assert.ok(blocked.sinceMs >= 150);

      await app.inject({ method: 'POST', url: '/_bench/event-loop-delay/reset' });
      await pause(60);
      const quiet = await figures(app);
      assert.ok(quiet.maxMs < 100, `the block before the reset is forgotten (max ${quiet.maxMs} ms)`);
    } finally {
      await app.close();
    }
  });

  it('exists only with BENCH_ROUTES=1', async () => {
    for (const [flag, status] of [
      ['0', 404],
      ['1', 200],
    ] as const) {
      const t = await createTestApp({ env: { BENCH_ROUTES: flag } });
      try {
        assert.equal((await t.app.inject({ url: '/_bench/event-loop-delay' })).statusCode, status);
      } finally {
        await t.close();
      }
    }
  });
});
