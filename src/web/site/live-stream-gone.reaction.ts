import { defineReaction } from '../../shared/events.js';
import type { LiveHub } from './live-hub.js';

/**
 * A live story withdrawn or deleted: every node ends its readers' streams of it at once, rather
 * than keep sending heartbeats until they reload. Their browsers reconnect, get 404 and stop.
 */
export function liveStreamGoneReaction(hub: Pick<LiveHub, 'closeStory'>) {
  return defineReaction({
    name: 'live-stream-gone',
    runsOn: 'everywhere',
    events: ['story.unpublished', 'story.deleted'],
    handle: ({ articleIds }) => {
      for (const id of articleIds) hub.closeStory(id);
    },
  });
}
