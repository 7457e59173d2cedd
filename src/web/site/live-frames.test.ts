import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endedFrame, liveFrames, sseEvent } from './live-frames.js';
import { fakeRenderers, liveUpdate, parseEvents, payload } from './live-stream.test-support.js';

describe('live frames: what changed as Server-Sent Events', () => {
  it('sends each update once, in sequence order, under its own sequence; deleted ones as `delete`', async () => {
    const text = await liveFrames(
      {
        kind: 'changes',
        lastSequence: 7,
        summaryChanged: false,
        ended: false,
        updates: [
          liveUpdate({ id: 'u2', sequence: 7, source: 'second', pinned: true, keyEvent: true }),
          liveUpdate({ id: 'u1', sequence: 5, source: 'gone', deletedAt: new Date() }),
        ],
      },
      fakeRenderers,
    );
    assert.deepEqual(parseEvents(text), [
      { event: 'delete', id: '5', data: '{"id":"u1"}' },
      {
        event: 'update',
        id: '7',
        data: JSON.stringify({ id: 'u2', pinned: true, keyEvent: true, html: '<li class="live-update" id="update-u2">second</li>' }),
      },
    ]);
  });

  it('sends the key points and the ending last, under the latest sequence', async () => {
    const text = await liveFrames(
      { kind: 'changes', lastSequence: 12, summaryChanged: true, ended: true, updates: [liveUpdate({ id: 'u1', sequence: 10 })] },
      fakeRenderers,
    );
    const events = parseEvents(text);
    assert.deepEqual(
      events.map(({ event, id }) => [event, id]),
      [
        ['update', '10'],
        ['summary', '12'],
        ['end', '12'],
      ],
    );
    assert.equal(payload(events[1]).html, '<section class="live-summary"><ul><li>Point</li></ul></section>');
    assert.equal(payload(events[2]).html, '<p class="live-ended">Live coverage ended</p>');
  });

  it('ends on `id: lastSequence` even when the last change sent was older, so a reconnect resumes after it all', async () => {
    const text = await liveFrames(
      { kind: 'changes', lastSequence: 9, summaryChanged: false, ended: false, updates: [liveUpdate({ id: 'u1', sequence: 8 })] },
      fakeRenderers,
    );
    assert.ok(text.endsWith('id: 9\n\n'));
    // The browser dispatches the update (id 8), then takes id 9 as its Last-Event-ID without an event.
    assert.deepEqual(
      parseEvents(text).map((event) => event.id),
      ['8'],
    );
  });

  it('is empty when nothing changed, and one `reset` when the sequence cannot be answered', async () => {
    assert.equal(await liveFrames({ kind: 'changes', lastSequence: 3, summaryChanged: false, ended: false, updates: [] }, fakeRenderers), '');
    assert.equal(await liveFrames({ kind: 'reset', lastSequence: 40 }, fakeRenderers), 'event: reset\nid: 40\ndata: {}\n\n');
    assert.equal(await endedFrame(4, fakeRenderers), sseEvent('end', 4, { html: '<p class="live-ended">Live coverage ended</p>' }));
  });

  it('keeps every event’s data on one line, whatever the HTML holds', async () => {
    const html = 'line one\nline two\r\nthree\rfour\u2028five\u2029six "quoted" </script>';
    const text = await liveFrames(
      { kind: 'changes', lastSequence: 2, summaryChanged: false, ended: false, updates: [liveUpdate({ id: 'u1', sequence: 2, source: html })] },
      fakeRenderers,
    );
    const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
    assert.deepEqual(
      lines.filter((line) => line !== ''),
      ['event: update', 'id: 2', lines.find((line) => line.startsWith('data: '))],
    );
    const [event] = parseEvents(text);
    assert.equal(payload(event).html, `<li class="live-update" id="update-u1">${html}</li>`);
  });
});
