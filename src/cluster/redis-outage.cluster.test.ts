import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { signInOverHttp } from '../testing/newsroom-client.js';
import { eventually, freePort } from '../testing/node-process.js';
import type { TestApp } from '../testing/test-app.js';
import { CLUSTER_TEST_SKIP, createTestCluster, type TestCluster } from '../testing/test-cluster.js';
import { connectRedis } from './redis.js';

/** A Redis of this test's own (never the shared one), which it stops and starts. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await eventually(
    async () => {
      const probe = connectRedis(`redis://127.0.0.1:${port}`, { lazyConnect: true });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG' ? true : undefined;
      } catch {
        return undefined;
      } finally {
        probe.disconnect();
      }
    },
    5_000,
    `redis-server on port ${port}`,
  );
  return child;
}

async function stopRedis(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
}

// What each shared limit does while Redis is unreachable: credential limits refuse clearly (503),
// flood limits let readers through, so an outage loses no comment and no view report.
describe('a node while Redis is down', { skip: CLUSTER_TEST_SKIP }, () => {
  let port: number;
  let redis: ChildProcess | undefined;
  let cluster: TestCluster;
  let node: TestApp;

  before(async () => {
    port = await freePort();
    redis = await startRedis(port);
    cluster = await createTestCluster({ nodes: 1, redisUrl: `redis://127.0.0.1:${port}` });
    node = cluster.nodes[0] as TestApp;
  });
  after(async () => {
    if (!redis || redis.exitCode !== null) redis = await startRedis(port);
    await cluster.close();
    await stopRedis(redis);
  });

  it('refuses sign-ins with a 503, still takes comments and views, and recovers by itself', async () => {
    const { user, password } = await node.factories.staff();
    await node.deps.settings.updatePublication({ commentsMode: 'open', commentBlocklist: [] });
    const story = await node.factories.article({ headline: 'Storm warning' });
    const alice = await node.factories.reader({ displayName: 'Alice' });

    await stopRedis(redis);
    const refused = await eventually(
      async () => {
        const response = await signInOverHttp(node.app, user.email, password, { remoteAddress: '10.3.0.1' });
        return response.statusCode === 503 ? response : undefined;
      },
      3_000,
      'sign-in to be refused',
    );
    assert.equal(refused.headers['x-error-code'], 'ERR_SERVICE_UNAVAILABLE');

    const posted = await node.deps.comments.post({ reader: alice.reader, slug: story.slug, body: 'Written during the outage', ip: '192.0.2.20' });
    assert.equal(posted.comment?.status, 'published');
    const beacon = await node.app.inject({
      method: 'POST',
      url: '/views',
      payload: JSON.stringify({ article: story.id }),
      headers: { 'content-type': 'text/plain', 'user-agent': 'Mozilla/5.0 Firefox/133.0' },
      remoteAddress: '192.0.2.21',
    });
    assert.equal(beacon.statusCode, 204);

    redis = await startRedis(port);
    const back = await eventually(
      async () => {
        const response = await signInOverHttp(node.app, user.email, password, { remoteAddress: '10.3.0.1' });
        return response.statusCode === 303 ? response : undefined;
      },
      10_000,
      'sign-in to work again',
    );
    assert.equal(back.statusCode, 303);
  });
});
