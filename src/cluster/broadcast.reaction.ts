import type { Cluster } from '../shared/cluster.types.js';
import { CHANGE_EVENTS, defineReaction } from '../shared/events.js';

/**
 * Tells the other nodes of every change made here, so they run the reactions that run `everywhere`
 * (src/reactions.ts). Last in the list: they hear of it once this node's own reactions are done.
 */
export function broadcastReaction(cluster: Pick<Cluster, 'broadcast'>) {
  return defineReaction({
    name: 'broadcast',
    runsOn: 'origin',
    events: CHANGE_EVENTS,
    async handle(event) {
      await cluster.broadcast({ type: 'event', event });
    },
  });
}
