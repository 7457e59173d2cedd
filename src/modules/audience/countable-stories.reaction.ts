import { defineReaction, RELOAD_ALL_EVENTS, STORY_EVENTS } from '../../shared/events.js';
import type { ViewCounter } from './view-counter.service.js';

/**
 * Every node forgets what it remembered about the stories an event names (published, withdrawn and
 * deleted stories move in or out of what a view may count for), or about every story after an
 * import. Nothing is loaded: the next beacon for a story asks the database once.
 */
export function countableStoriesReaction(views: Pick<ViewCounter, 'forgetCountable'>) {
  return defineReaction({
    name: 'countable-stories',
    runsOn: 'everywhere',
    events: [...STORY_EVENTS, ...RELOAD_ALL_EVENTS],
    handle(event) {
      views.forgetCountable('articleIds' in event ? event.articleIds : undefined);
    },
  });
}
