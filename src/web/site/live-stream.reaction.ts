import { defineReaction } from '../../shared/events.js';
import type { LiveFanOut } from './live-stream.fan-out.js';

/**
 * Every node sends a live story's change to its own readers of the story (runs everywhere: the
 * event reaches the other nodes through the cluster), through its fan-out (live-stream.fan-out.ts:
 * one read and one render per change per node, bursts coalesced).
 */
export function liveStreamReaction(fanOut: Pick<LiveFanOut, 'schedule'>) {
  return defineReaction({
    name: 'live-stream',
    runsOn: 'everywhere',
    events: ['live.changed'],
    // Not awaited: the writes to every reader must not hold up the request that made the change.
    handle: ({ articleId, sequence }) => fanOut.schedule(articleId, sequence),
  });
}
