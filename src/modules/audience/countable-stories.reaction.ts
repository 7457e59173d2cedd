import { defineReaction, RELOAD_ALL_EVENTS, STORY_EVENTS } from '../../shared/events.js';
import type { ViewCounter } from './view-counter.service.js';

/** Every node reloads the set of stories a view may count for: published, withdrawn and deleted stories move in or out. */
export function countableStoriesReaction(views: Pick<ViewCounter, 'loadCountable'>) {
  return defineReaction({
    name: 'countable-stories',
    runsOn: 'everywhere',
    events: [...STORY_EVENTS, ...RELOAD_ALL_EVENTS],
    async handle() {
      await views.loadCountable();
    },
  });
}
