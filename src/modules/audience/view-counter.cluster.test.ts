import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { connectRedis, type Redis } from '../../cluster/redis.js';
import { RedisReaderDays } from '../../cluster/redis-reader-days.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { delay, deleteRedisKeys, freePort, uniqueKeyPrefix } from '../../testing/node-process.js';
import { ViewCounter } from './view-counter.service.js';

const REDIS_URL = process.env['TEST_REDIS_URL'];
const DATABASE_URL = process.env['TEST_DATABASE_URL'];
const skip = !REDIS_URL || !DATABASE_URL ? 'needs TEST_DATABASE_URL and TEST_REDIS_URL (the cluster pass)' : false;
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

async function storedViews(t: TestApp, articleId: string): Promise<number> {
  const row = await t.deps.db.selectFrom('articles').select('view_count').where('id', '=', articleId).executeTakeFirstOrThrow();
  return Number(row.view_count);
}

describe('views counted once across nodes: two counters, one database, one Redis', { skip }, () => {
  let t: TestApp;
  let redis: Redis;
  const prefix = uniqueKeyPrefix();
  /** A node's counter: its own RedisReaderDays on the shared Redis and prefix, writing to the shared database. */
  const fallbacks: unknown[] = [];
  const node = async () => {
    const readers = new RedisReaderDays(redis, prefix, () => t.deps.settings.publication.timeZone, { onFallback: (error) => fallbacks.push(error) });
    const counter = new ViewCounter(t.deps.db, t.clock, readers);
    return counter;
  };

  before(async () => {
    t = await createTestApp();
    redis = connectRedis(REDIS_URL ?? '');
  });
  after(async () => {
    redis.disconnect();
    await deleteRedisKeys(REDIS_URL ?? '', prefix);
    await t.close();
  });

  it('a reader whose views reach both nodes counts once; different readers count each', async () => {
    const story = await t.factories.article({ headline: 'Read on two nodes' });
    const [a, b] = [await node(), await node()];
    const view = (ip: string) => ({ articleId: story.id, ip, userAgent: CHROME, via: null });
    assert.equal(await a.record(view('203.0.113.1')), 'counted');
    assert.equal(await b.record(view('203.0.113.1')), 'repeat');
    assert.equal(await a.record(view('203.0.113.1')), 'repeat');
    assert.equal(await b.record(view('203.0.113.2')), 'counted');
    assert.equal(await a.record(view('203.0.113.2')), 'repeat');
    await Promise.all([a.flush(), b.flush()]);
    assert.equal(await storedViews(t, story.id), 2);
  });

  it('counts exactly when 100 readers each report to both nodes at once', async () => {
    const story = await t.factories.article({ headline: 'Read at once' });
    const [a, b] = [await node(), await node()];
    const readers = Array.from({ length: 100 }, (_, index) => `198.51.100.${index + 1}`);
    const outcomes = await Promise.all(
      readers.flatMap((ip) => [a, b].map((counter) => counter.record({ articleId: story.id, ip, userAgent: CHROME, via: null }))),
    );
    assert.deepEqual(fallbacks, [], 'every view was decided through Redis');
    assert.equal(outcomes.filter((outcome) => outcome === 'counted').length, 100);
    await Promise.all([a.flush(), b.flush()]);
    assert.equal(await storedViews(t, story.id), 100);
  });
});

/** A Redis of this test's own, on a free port, that it can kill and start again (never the shared one). */
async function startThrowawayRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let attempt = 0; ; attempt += 1) {
    const probe = connectRedis(`redis://127.0.0.1:${port}`, { lazyConnect: true });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      return child;
    } catch (error) {
      if (attempt > 50) throw error;
      await delay(100);
    } finally {
      probe.disconnect();
    }
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('the beacon while Redis restarts', { skip }, () => {
  let t: TestApp;
  let port: number;
  let server: ChildProcess;
  let story: { id: string };

  let counted = 0;
  /** A reader's beacon; every view answered `counted` must be in the stored total at the end. */
  const beacon = async (ip: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/views',
      remoteAddress: ip,
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': CHROME },
      payload: JSON.stringify({ article: story.id }),
    });
    if (response.headers['x-view'] === 'counted') counted += 1;
    return response;
  };

  before(async () => {
    port = await freePort();
    server = await startThrowawayRedis(port);
    t = await createTestApp({
      env: { DATABASE_URL: DATABASE_URL ?? '', REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_KEY_PREFIX: uniqueKeyPrefix() },
    });
    story = await t.factories.article({ headline: 'Read while Redis restarts' });
  });
  after(async () => {
    await t.close();
    await stop(server);
  });

  it('answers 204 at once and keeps counting while Redis is away, and shares again once it is back', async () => {
    assert.equal(t.deps.cluster.mode, 'redis');
    assert.equal((await beacon('192.0.2.1')).headers['x-view'], 'counted');
    assert.equal((await beacon('192.0.2.1')).headers['x-view'], 'repeat');

    await stop(server);
    const started = Date.now();
    const during = [await beacon('192.0.2.2'), await beacon('192.0.2.2'), await beacon('192.0.2.3')];
    assert.deepEqual(
      during.map((response) => [response.statusCode, response.headers['x-view']]),
      [
        [204, 'counted'],
        [204, 'repeat'],
        [204, 'counted'],
      ],
      'counted without Redis; repeats on this node are still caught',
    );
    assert.ok(Date.now() - started < 2_000, `beacons did not wait for Redis (${Date.now() - started} ms)`);

    server = await startThrowawayRedis(port);
    const probe = connectRedis(`redis://127.0.0.1:${port}`);
    try {
      // The node reconnects by itself; from then on readers are shared through the restarted Redis.
      for (let reader = 10; (await probe.keys('*views:seen:*')).length === 0; reader += 1) {
        assert.ok(reader < 200, 'the node did not come back to Redis');
        assert.equal((await beacon(`192.0.2.${reader}`)).statusCode, 204);
        await delay(50);
      }
    } finally {
      probe.disconnect();
    }
    assert.equal((await beacon('192.0.2.4')).headers['x-view'], 'counted');
    assert.equal((await beacon('192.0.2.4')).headers['x-view'], 'repeat');
    await t.deps.views.flush();
    assert.equal(await storedViews(t, story.id), counted, 'every view answered `counted` was stored: none lost');
  });
});
