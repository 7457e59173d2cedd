import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveChanges } from '../../modules/live/index.js';
import { LiveFanOut } from './live-stream.fan-out.js';
import { fakeRenderers, liveUpdate, parseEvents } from './live-stream.test-support.js';

/** A hub holding one position per story, recording what was broadcast. */
function fakeHub(positions: Record<string, number>) {
  const sent: Array<{ articleId: string; text: string; sequence: number | undefined; end: boolean | undefined }> = [];
  return {
    sent,
    lowestPosition: (articleId: string) => positions[articleId],
    broadcast: (articleId: string, frame: Buffer, options: { sequence?: number; end?: boolean } = {}) => {
      sent.push({ articleId, text: frame.toString(), sequence: options.sequence, end: options.end });
      if (options.sequence !== undefined) positions[articleId] = options.sequence;
      return 1;
    },
    join: (articleId: string, position: number) => void (positions[articleId] = position),
  };
}

function changes(lastSequence: number, extra: Partial<Extract<LiveChanges, { kind: 'changes' }>> = {}): LiveChanges {
  return {
    kind: 'changes',
    lastSequence,
    summaryChanged: false,
    ended: false,
    updates: [liveUpdate({ id: `u${lastSequence}`, sequence: lastSequence })],
    ...extra,
  };
}

describe('the live fan-out: each change to this node’s readers', () => {
  it('reads once from where its readers are, renders once and broadcasts the frames up to the new sequence', async () => {
    const hub = fakeHub({ 'story-1': 4 });
    const reads: Array<[string, number]> = [];
    const fanOut = new LiveFanOut({
      hub,
      live: { changesSince: async (articleId, sequence) => (reads.push([articleId, sequence]), changes(5)) },
      stories: async () => ({ live: true, renderers: async () => fakeRenderers }),
    });
    await fanOut.changed('story-1', 5);
    assert.deepEqual(reads, [['story-1', 4]]);
    assert.equal(hub.sent.length, 1);
    assert.equal(hub.sent[0]?.sequence, 5);
    assert.deepEqual(
      parseEvents(hub.sent[0]?.text ?? '').map((event) => [event.event, event.id]),
      [['update', '5']],
    );
  });

  it('reads nothing for a story nobody here follows, or a change its readers already have', async () => {
    const hub = fakeHub({ 'story-1': 9 });
    let reads = 0;
    const fanOut = new LiveFanOut({
      hub,
      live: { changesSince: async () => (reads++, changes(9)) },
      stories: async () => ({ live: true, renderers: async () => fakeRenderers }),
    });
    await fanOut.changed('story-2', 3);
    await fanOut.changed('story-1', 9);
    assert.equal(reads, 0);
    assert.equal(hub.sent.length, 0);
  });

  it('coalesces a burst: events during a read mark the story, which is read once more after', async () => {
    const hub = fakeHub({ 'story-1': 0 });
    let counter = 1;
    const reads: number[] = [];
    let release: () => void = () => undefined;
    const firstRead = new Promise<void>((resolve) => (release = resolve));
    const fanOut = new LiveFanOut({
      hub,
      live: {
        changesSince: async (_articleId, since) => {
          reads.push(since);
          // What the database held when the read was made.
          const current = counter;
          if (reads.length === 1) await firstRead;
          return changes(current);
        },
      },
      stories: async () => ({ live: true, renderers: async () => fakeRenderers }),
    });
    const first = fanOut.changed('story-1', 1);
    await new Promise((resolve) => setImmediate(resolve));
    for (const sequence of [2, 3, 4]) {
      counter = sequence;
      await fanOut.changed('story-1', sequence);
    }
    release();
    await first;
    assert.deepEqual(reads, [0, 1]);
    assert.deepEqual(
      hub.sent.map((sent) => sent.sequence),
      [1, 4],
    );
  });

  it('sends a reader that joined just after a change it missed (its replay read before it) that change', async () => {
    const hub = fakeHub({});
    const reads: number[] = [];
    const fanOut = new LiveFanOut({
      hub,
      live: { changesSince: async (_articleId, since) => (reads.push(since), changes(6)) },
      stories: async () => ({ live: true, renderers: async () => fakeRenderers }),
    });
    // Nobody here yet: heard of, nothing read.
    await fanOut.changed('story-1', 6);
    assert.deepEqual(reads, []);
    // A reader whose replay ended at 5 joins: 6 is sent to it at once.
    hub.join('story-1', 5);
    await fanOut.joined('story-1', 5);
    assert.deepEqual(reads, [5]);
    assert.deepEqual(
      hub.sent.map((sent) => sent.sequence),
      [6],
    );
    // One that joins up to date costs nothing.
    await fanOut.joined('story-1', 6);
    assert.deepEqual(reads, [5]);
  });

  it('ends the story’s streams with the `end` frame when the coverage ended', async () => {
    const hub = fakeHub({ 'story-1': 2 });
    const fanOut = new LiveFanOut({
      hub,
      live: { changesSince: async () => changes(3, { updates: [], ended: true }) },
      stories: async () => ({ live: true, renderers: async () => fakeRenderers }),
    });
    await fanOut.changed('story-1', 3);
    assert.equal(hub.sent[0]?.end, true);
    assert.match(hub.sent[0]?.text ?? '', /event: end/);
  });
});
