import type { LiveService } from '../../modules/live/index.js';
import { defineReaction } from '../../shared/events.js';
import { liveFrames, updatesOf, type LiveStreamStoryFor } from './live-frames.js';
import type { LiveHub } from './live-hub.js';

export interface LiveStreamReactionDeps {
  live: Pick<LiveService, 'changesSince'>;
  hub: Pick<LiveHub, 'lowestPosition' | 'broadcast'>;
  stories: LiveStreamStoryFor;
}

/**
 * Every node sends a live story's change to its own readers of the story (runs everywhere: the
 * event reaches the other nodes through the cluster). Per change, once per node: one read of what
 * changed since the furthest-behind reader of the story on this node got (which is where this node's
 * last broadcast left them all), frames rendered once, the same bytes written to every stream. A
 * node with no reader of the story reads nothing. Bursts coalesce: while a story's read is under
 * way, later events only mark it to be read again once it is done, so ten quick posts cost a
 * handful of reads, not ten.
 */
export function liveStreamReaction(deps: LiveStreamReactionDeps) {
  const inFlight = new Map<string, { again: boolean; sequence: number }>();

  async function send(articleId: string, sequence: number): Promise<void> {
    const from = deps.hub.lowestPosition(articleId);
    // No reader here, or every one already has it (a reader's own replay may have got it first).
    if (from === undefined || from >= sequence) return;
    const changes = await deps.live.changesSince(articleId, from);
    // Gone (deleted or withdrawn): nothing more to send; reloaded, its page says so.
    const story = await deps.stories(articleId);
    if (!story) return;
    const text = await liveFrames(changes, await story.renderers(updatesOf(changes)));
    if (text === '') return;
    const ended = changes.kind === 'changes' && changes.ended;
    deps.hub.broadcast(articleId, Buffer.from(text), { sequence: changes.lastSequence, end: ended });
  }

  return defineReaction({
    name: 'live-stream',
    runsOn: 'everywhere',
    events: ['live.changed'],
    async handle({ articleId, sequence }) {
      const running = inFlight.get(articleId);
      if (running) {
        running.again = true;
        running.sequence = Math.max(running.sequence, sequence);
        return;
      }
      const state = { again: false, sequence };
      inFlight.set(articleId, state);
      try {
        do {
          state.again = false;
          await send(articleId, state.sequence);
        } while (state.again);
      } finally {
        inFlight.delete(articleId);
      }
    },
  });
}
