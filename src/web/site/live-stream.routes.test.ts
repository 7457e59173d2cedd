import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { LiveActor } from '../../modules/live/index.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import type { LiveHub } from './live-hub.js';
import { openStream, parseEvents, payload } from './live-stream.test-support.js';

const EDITOR: LiveActor = {
  userId: '00000000-0000-4000-8000-00000000000e',
  displayName: 'Editor',
  authorId: null,
  authorName: 'Desk',
  canManage: true,
};

/**
 * The stream route of the real application over the real live service and database (both
 * engines), on loopback, with the live-stream reaction following the service's events: what a
 * reader's browser gets.
 */
describe('GET /live/:articleId/events', () => {
  let t: TestApp;
  let hub: LiveHub;
  let port: number;
  const streams: Array<{ close(): void }> = [];

  before(async () => {
    t = await createTestApp({ env: { LIVE_MAX_CONNECTIONS: '3' } });
    hub = t.deps.liveHub;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  after(async () => {
    for (const stream of streams) stream.close();
    await t.close();
  });

  const open = async (path: string, headers: Record<string, string> = {}) => {
    const stream = await openStream(port, path, headers);
    streams.push(stream);
    return stream;
  };
  const liveStory = async () => (await t.factories.article({ typeLabel: 'Live' })).id;
  const post = (id: string, text: string) => t.deps.live.post(EDITOR, id, { text });
  const connected = async (count: number) => {
    for (let tries = 0; hub.stats.connections !== count; tries++) {
      if (tries > 300) throw new Error(`expected ${count} streams, have ${hub.stats.connections}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('answers an event stream nobody may store or buffer, starting with `retry:`', async () => {
    const id = await liveStory();
    const stream = await open(`/live/${id}/events`);
    assert.equal(stream.status, 200);
    assert.equal(stream.headers['content-type'], 'text/event-stream; charset=utf-8');
    assert.equal(stream.headers['cache-control'], 'no-store');
    assert.equal(stream.headers['x-accel-buffering'], 'no');
    assert.equal(stream.headers['content-encoding'], undefined);
    assert.equal(stream.headers['surrogate-key'], undefined);
    // The headers every answer carries (app.ts's hook) are kept when the route takes the response over.
    assert.equal(stream.headers['x-content-type-options'], 'nosniff');
    await stream.waitFor('retry: 5000\n\n');
    stream.close();
    await connected(0);
    // HEAD: the same head, and done (no stream held open).
    const head = await fetch(`http://127.0.0.1:${port}/live/${id}/events`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(hub.stats.connections, 0);
  });

  it('sends a new update to the story’s open streams, and nothing before it without a resume point', async () => {
    const id = await liveStory();
    await post(id, 'Before anyone watched');
    const stream = await open(`/live/${id}/events`);
    await connected(1);
    const update = await post(id, 'Polls opened');
    await stream.waitFor(`id: ${update.sequence}`);
    const events = parseEvents(stream.text());
    assert.deepEqual(
      events.map(({ event, id: eventId }) => [event, eventId]),
      [['update', String(update.sequence)]],
    );
    assert.equal(payload(events[0]).id, update.id);
    // The page's own item (components/live-update.tsx).
    assert.match(payload(events[0]).html ?? '', new RegExp(`<li class="live-update" id="update-${update.id}"`));
    stream.close();
    await connected(0);
  });

  it('replays exactly what came after Last-Event-ID (or ?since=), edits and deletes included', async () => {
    const id = await liveStory();
    const first = await post(id, 'One');
    const second = await post(id, 'Two');
    const third = await post(id, 'Three');
    await t.deps.live.remove(EDITOR, id, second.id);
    for (const headers of [{ 'last-event-id': String(first.sequence) }, {}] as Array<Record<string, string>>) {
      const path = Object.keys(headers).length ? `/live/${id}/events` : `/live/${id}/events?since=${first.sequence}`;
      const stream = await open(path, headers);
      await stream.waitFor('id: 4\n');
      assert.deepEqual(
        parseEvents(stream.text()).map(({ event, data }) => [event, payload({ data }).id]),
        [
          ['update', third.id],
          ['delete', second.id],
        ],
      );
      stream.close();
    }
    await connected(0);
  });

  it('answers a forged, unknown or future Last-Event-ID with one `reset`, never an error or a replay of everything', async () => {
    const id = await liveStory();
    await post(id, 'One');
    for (const forged of ['abc', '-1', '99999999', '1e9', '2', ' ', '0x1']) {
      const stream = await open(`/live/${id}/events`, { 'last-event-id': forged });
      assert.equal(stream.status, 200, forged);
      await stream.waitFor('event: reset');
      assert.deepEqual(
        parseEvents(stream.text()).map(({ event, id: eventId }) => [event, eventId]),
        [['reset', '1']],
        forged,
      );
      stream.close();
    }
    await connected(0);
  });

  it('is 404 ERR_LIVE_STORY_NOT_FOUND for an unknown or malformed id, a story that is not live or not published', async () => {
    const ordinary = (await t.factories.article({})).id;
    const draft = (await t.factories.article({ typeLabel: 'Live', status: 'draft' })).id;
    for (const path of [
      '/live/00000000-0000-4000-8000-000000000000/events',
      '/live/not%20an%20id/events',
      `/live/${'x'.repeat(65)}/events`,
      `/live/${ordinary}/events`,
      `/live/${draft}/events`,
    ]) {
      const answer = await open(path);
      assert.equal(answer.status, 404, path);
      assert.equal(answer.headers['x-error-code'], 'ERR_LIVE_STORY_NOT_FOUND', path);
    }
  });

  it('sends the `end` event and closes once the coverage ends, and to a reader arriving after', async () => {
    const id = await liveStory();
    await post(id, 'One');
    const stream = await open(`/live/${id}/events`);
    await connected(1);
    await t.deps.live.end(EDITOR, id);
    await stream.ended;
    assert.deepEqual(
      parseEvents(stream.text()).map(({ event }) => event),
      ['end'],
    );
    const late = await open(`/live/${id}/events`);
    await late.ended;
    assert.equal(late.status, 200);
    assert.deepEqual(
      parseEvents(late.text()).map(({ event }) => event),
      ['end'],
    );
    await connected(0);
  });

  it('replays what a reader missed before the coverage ended, then the `end` event, and closes', async () => {
    const id = await liveStory();
    const first = await post(id, 'One');
    const second = await post(id, 'Two');
    await t.deps.live.end(EDITOR, id);
    const stream = await open(`/live/${id}/events`, { 'last-event-id': String(first.sequence) });
    await stream.ended;
    assert.deepEqual(
      parseEvents(stream.text()).map(({ event, data }) => [event, event === 'update' ? payload({ data }).id : undefined]),
      [
        ['update', second.id],
        ['end', undefined],
      ],
    );
    // A reader already past the ending (or sending a forged number) is told it ended, all the same.
    for (const since of ['99', 'abc']) {
      const late = await open(`/live/${id}/events?since=${since}`);
      await late.ended;
      assert.deepEqual(
        parseEvents(late.text()).map(({ event }) => event),
        ['end'],
        since,
      );
    }
  });

  it('sends a reader whose replay brought it up to date only what comes after, once', async () => {
    const id = await liveStory();
    const first = await post(id, 'One');
    const second = await post(id, 'Two');
    const stream = await open(`/live/${id}/events?since=${first.sequence}`);
    await connected(1);
    const third = await post(id, 'Three');
    await stream.waitFor(`id: ${third.sequence}\n`);
    assert.deepEqual(
      parseEvents(stream.text()).map(({ data }) => payload({ data }).id),
      [second.id, third.id],
    );
    stream.close();
    await connected(0);
  });

  it('refuses readers past LIVE_MAX_CONNECTIONS with 503 ERR_LIVE_TOO_MANY_READERS and Retry-After', async () => {
    const id = await liveStory();
    await Promise.all([open(`/live/${id}/events`), open(`/live/${id}/events`), open(`/live/${id}/events`)]);
    await connected(3);
    const refused = await open(`/live/${id}/events`);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers['x-error-code'], 'ERR_LIVE_TOO_MANY_READERS');
    assert.equal(refused.headers['retry-after'], '30');
    assert.ok(hub.stats.refused >= 1);
  });
});
