import type { LiveChanges, LiveUpdate } from '../../modules/live/index.js';

/**
 * What the frames show, rendered as on the page: one update's `<li class="live-update">` (the same
 * function the page uses), the key points box, the "coverage ended" note. Made for one story (its
 * edition's language and time zone) and one batch of updates (their figures looked up at once).
 */
export interface LiveFrameRenderers {
  update(update: LiveUpdate): string;
  /** The `<section class="live-summary">` as it stands now. */
  summary(): string | Promise<string>;
  /** The note shown once the coverage ended. */
  ended(): string | Promise<string>;
}

/** A story as its stream sees it (live-stream.story.ts wires it). */
export interface LiveStreamStory {
  /** Whether the story is live now (its type is Live); an ended one is not, and says so by its coverage. */
  live: boolean;
  /** The renderers for a batch of updates about to be sent. */
  renderers(updates: readonly LiveUpdate[]): Promise<LiveFrameRenderers>;
}

/** The story readers may follow by this id, or undefined (none, unpublished, embargoed, deleted). */
export type LiveStreamStoryFor = (articleId: string) => Promise<LiveStreamStory | undefined>;

/** The updates a batch of frames will render. */
export function updatesOf(changes: LiveChanges): readonly LiveUpdate[] {
  return changes.kind === 'changes' ? changes.updates : [];
}

/** The first bytes of every stream: browsers wait 5 s before reconnecting. */
export const RETRY_FRAME = Buffer.from('retry: 5000\n\n');

/**
 * One event in the text/event-stream format. `data` is JSON on one line: JSON.stringify escapes
 * CR and LF, the only line breaks of the format; U+2028 and U+2029 are escaped too, so the text
 * stays one line for any reader that takes them for line breaks.
 */
export function sseEvent(event: string, id: number, data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `event: ${event}\nid: ${id}\ndata: ${json}\n\n`;
}

/** An `id:` line alone moves the browser's Last-Event-ID without an event (HTML's SSE processing). */
function idOnly(id: number): string {
  return `id: ${id}\n\n`;
}

/**
 * The frames for what changed, as text, in order: each changed update (`update`, or `delete` once
 * deleted) under its own sequence, then the key points (`summary`) and the ending (`end`) under
 * the latest. The last `id:` is always `lastSequence`, so a reconnecting browser resumes after
 * all of it. `reset` tells the page to fetch itself again. Empty when nothing changed.
 */
export async function liveFrames(changes: LiveChanges, render: LiveFrameRenderers): Promise<string> {
  if (changes.kind === 'reset') return sseEvent('reset', changes.lastSequence, {});
  const frames: string[] = [];
  let lastId = -1;
  const updates = [...changes.updates].sort((a, b) => a.sequence - b.sequence);
  for (const update of updates) {
    frames.push(
      update.deletedAt
        ? sseEvent('delete', update.sequence, { id: update.id })
        : sseEvent('update', update.sequence, { id: update.id, pinned: update.pinned, keyEvent: update.keyEvent, html: render.update(update) }),
    );
    lastId = update.sequence;
  }
  if (changes.summaryChanged) {
    frames.push(sseEvent('summary', changes.lastSequence, { html: await render.summary() }));
    lastId = changes.lastSequence;
  }
  if (changes.ended) {
    frames.push(sseEvent('end', changes.lastSequence, { html: await render.ended() }));
    lastId = changes.lastSequence;
  }
  if (frames.length > 0 && lastId < changes.lastSequence) frames.push(idOnly(changes.lastSequence));
  return frames.join('');
}

/** The `end` event alone: for a reader arriving after the coverage ended (then the stream closes). */
export async function endedFrame(lastSequence: number, render: Pick<LiveFrameRenderers, 'ended'>): Promise<string> {
  return sseEvent('end', lastSequence, { html: await render.ended() });
}
