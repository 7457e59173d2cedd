import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, it } from 'node:test';
import { LiveHub, type LiveHubOptions } from './live-hub.js';
import { openStalledStream, openStream, type StreamReader } from './live-stream.test-support.js';

/**
 * A bare server on loopback whose every request `/<story>` becomes a stream of that story in the
 * hub (position 0), or a 503 when the hub refuses it, as the route does.
 */
async function hubServer(options: LiveHubOptions) {
  const hub = new LiveHub(options);
  const server = http.createServer((request, response) => {
    const story = (request.url ?? '/').slice(1);
    if (!hub.hasRoom) {
      hub.countRefused();
      response.writeHead(503, { 'retry-after': '30' }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    response.write('retry: 5000\n\n');
    hub.open(story, response, 0);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const port = (server.address() as AddressInfo).port;
  return {
    hub,
    port,
    close: async () => {
      hub.close();
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    },
  };
}

/** Waits until `condition` holds, checking every few milliseconds. */
async function eventually(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await delay(5);
  }
}

describe('the live hub: many streams per node', () => {
  let cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });
  const start = async (options: LiveHubOptions) => {
    const server = await hubServer(options);
    cleanup.push(server.close);
    return server;
  };
  const reader = async (port: number, story: string) => {
    const stream = await openStream(port, `/${story}`);
    cleanup.push(() => stream.close());
    return stream;
  };

  it('writes one frame to every stream of its story, and to no other story’s', async () => {
    const { hub, port } = await start({ maxConnections: 100 });
    const readers = await Promise.all([reader(port, 'a'), reader(port, 'a'), reader(port, 'a')]);
    const other = await reader(port, 'b');
    await eventually(() => hub.stats.connections === 4);
    assert.equal(hub.broadcast('a', Buffer.from('event: update\nid: 3\ndata: {}\n\n'), { sequence: 3 }), 3);
    for (const stream of readers) await stream.waitFor('id: 3');
    assert.equal(hub.lowestPosition('a'), 3);
    assert.equal(hub.lowestPosition('b'), 0);
    assert.ok(!other.text().includes('id: 3'));
    // A stream already at the sequence is not sent it again.
    assert.equal(hub.broadcast('a', Buffer.from('id: 3\n\n'), { sequence: 3 }), 0);
    assert.equal(hub.broadcast('nobody', Buffer.from('x')), 0);
  });

  it('ends every stream of a story withdrawn or deleted, and only that story’s', async () => {
    const { hub, port } = await start({ maxConnections: 100 });
    const gone = await Promise.all([reader(port, 'gone'), reader(port, 'gone')]);
    const other = await reader(port, 'other');
    await eventually(() => hub.stats.connections === 3);
    assert.equal(hub.closeStory('gone'), 2);
    await Promise.all(gone.map((stream) => stream.ended));
    assert.equal(hub.stats.connections, 1);
    assert.equal(hub.watching('gone'), false);
    assert.equal(hub.broadcast('other', Buffer.from('id: 1\n\n'), { sequence: 1 }), 1);
    await other.waitFor('id: 1');
  });

  it('refuses streams past the limit with 503 and Retry-After, and takes one again when a reader leaves', async () => {
    const { hub, port } = await start({ maxConnections: 2 });
    const first = await reader(port, 'a');
    await reader(port, 'b');
    await eventually(() => hub.stats.connections === 2);
    const refused = await reader(port, 'a');
    assert.equal(refused.status, 503);
    assert.equal(refused.headers['retry-after'], '30');
    assert.equal(hub.stats.refused, 1);
    first.close();
    await eventually(() => hub.stats.connections === 1);
    assert.equal((await reader(port, 'a')).status, 200);
  });

  it('sends every stream the heartbeat comment, from one timer', async () => {
    const { hub, port } = await start({ maxConnections: 10, heartbeatMs: 30 });
    const streams = await Promise.all([reader(port, 'a'), reader(port, 'b')]);
    await eventually(() => hub.stats.connections === 2);
    for (const stream of streams) await stream.waitFor('retry: 5000\n\n:\n\n');
  });

  it('ends a story’s streams with its last frame (the coverage ended)', async () => {
    const { hub, port } = await start({ maxConnections: 10 });
    const stream = await reader(port, 'a');
    await eventually(() => hub.stats.connections === 1);
    hub.broadcast('a', Buffer.from('event: end\nid: 9\ndata: {}\n\n'), { sequence: 9, end: true });
    await stream.ended;
    assert.match(stream.text(), /event: end/);
    await eventually(() => hub.stats.connections === 0);
  });

  it('drops a reader that stops reading, while a reader beside it gets every frame', async () => {
    const { hub, port } = await start({ maxConnections: 10, maxBufferedBytes: 256 * 1024 });
    const fast = await reader(port, 'a');
    const slow = await openStalledStream(port, '/a');
    cleanup.push(() => slow.socket.destroy());
    await eventually(() => hub.stats.connections === 2);
    const frame = Buffer.from(`data: ${'x'.repeat(64 * 1024)}\n\n`);
    let sent = 0;
    // Until the stalled reader's kernel buffers are full and the server's own reach the limit.
    while (hub.stats.droppedSlow === 0 && sent < 2000) {
      hub.broadcast('a', frame);
      sent += 1;
      const expected = sent * frame.length;
      // The fast reader keeps up: each frame reaches it before the next is sent.
      await eventually(() => Buffer.byteLength(fast.text()) >= expected + 'retry: 5000\n\n'.length);
    }
    assert.equal(hub.stats.droppedSlow, 1);
    assert.equal(hub.stats.connections, 1);
    // Reading again, it finds its connection closed by the server.
    slow.socket.resume();
    await slow.closed;
    hub.broadcast('a', Buffer.from('data: after\n\n'));
    await fast.waitFor('data: after');
  });

  it('drops a reader that has not drained its stream over a whole heartbeat', async () => {
    const { hub, port } = await start({ maxConnections: 10, heartbeatMs: 100, maxBufferedBytes: 64 * 1024 * 1024 });
    const slow = await openStalledStream(port, '/a');
    cleanup.push(() => slow.socket.destroy());
    await eventually(() => hub.stats.connections === 1);
    // Enough to fill the kernel's buffers, under the byte limit: only the drain check can drop it.
    const frame = Buffer.from(`data: ${'x'.repeat(1024 * 1024)}\n\n`);
    for (let index = 0; index < 24; index++) hub.broadcast('a', frame);
    await eventually(() => hub.stats.droppedSlow === 1);
    assert.equal(hub.stats.connections, 0);
    slow.socket.resume();
    await slow.closed;
  });

  it('ends every stream on close, and refuses new ones after', async () => {
    const { hub, port } = await start({ maxConnections: 10 });
    const streams: StreamReader[] = await Promise.all([reader(port, 'a'), reader(port, 'b')]);
    await eventually(() => hub.stats.connections === 2);
    hub.close();
    await Promise.all(streams.map((stream) => stream.ended));
    assert.equal(hub.hasRoom, false);
    assert.equal((await reader(port, 'a')).status, 503);
  });
});
