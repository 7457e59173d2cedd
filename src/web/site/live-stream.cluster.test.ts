import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { LiveActor } from '../../modules/live/index.js';
import type { TestApp } from '../../testing/test-app.js';
import { CLUSTER_TEST_SKIP, createTestCluster, type TestCluster } from '../../testing/test-cluster.js';
import { openStream, parseEvents, payload, type StreamReader } from './live-stream.test-support.js';

const EDITOR: LiveActor = {
  userId: '00000000-0000-4000-8000-00000000000e',
  displayName: 'Editor',
  authorId: null,
  authorName: 'Desk',
  canManage: true,
};

// Two nodes in this process, one PostgreSQL schema and one Redis: a reader's stream is held by
// one node, the update is posted on the other, and only `live.changed` through Redis joins them.
describe('a live update posted on one node reaches readers on another', { skip: CLUSTER_TEST_SKIP }, () => {
  let cluster: TestCluster;
  let a: TestApp;
  let b: TestApp;
  const ports = new Map<TestApp, number>();
  const streams: StreamReader[] = [];

  before(async () => {
    cluster = await createTestCluster({ nodes: 2 });
    [a, b] = cluster.nodes as [TestApp, TestApp];
    for (const node of [a, b]) {
      await node.app.listen({ port: 0, host: '127.0.0.1' });
      ports.set(node, (node.app.server.address() as AddressInfo).port);
    }
  });
  after(async () => {
    for (const stream of streams) stream.close();
    await cluster.close();
  });

  const open = async (node: TestApp, path: string, headers: Record<string, string> = {}) => {
    const stream = await openStream(ports.get(node) ?? 0, path, headers);
    streams.push(stream);
    return stream;
  };

  it('sends B’s reader the update posted on A; reconnecting to A with Last-Event-ID gets exactly what it missed', async () => {
    const id = (await a.factories.article({ typeLabel: 'Live' })).id;
    const onB = await open(b, `/live/${id}/events`);
    assert.equal(onB.status, 200);
    for (let tries = 0; b.deps.liveHub.stats.connections === 0; tries++) {
      assert.ok(tries < 300, 'B holds the stream');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const first = await a.deps.live.post(EDITOR, id, { text: 'Posted on A' });
    await onB.waitFor(`id: ${first.sequence}\n`, 5_000);
    assert.equal(payload(parseEvents(onB.text())[0]).id, first.id);
    onB.close();

    const second = await a.deps.live.post(EDITOR, id, { text: 'Missed while away' });
    const third = await b.deps.live.post(EDITOR, id, { text: 'Also missed' });
    const back = await open(a, `/live/${id}/events`, { 'last-event-id': String(first.sequence) });
    await back.waitFor(`id: ${third.sequence}\n`, 5_000);
    assert.deepEqual(
      parseEvents(back.text()).map((event) => payload(event).id),
      [second.id, third.id],
    );
  });
});
