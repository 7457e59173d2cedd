import { defineReaction, RELOAD_ALL_EVENTS, STORY_EVENTS } from '../../shared/events.js';
import type { RelatedStoriesService } from './related-stories.service.js';

/**
 * Every node keeps "You May Also Like" in step. Stories named by the event are re-read alone; a
 * taxonomy change (sections and tags weigh in relatedness) or a reload of everything recomputes
 * from every story.
 */
export function relatedStoriesReaction(related: Pick<RelatedStoriesService, 'update' | 'load'>) {
  return defineReaction({
    name: 'related-stories',
    runsOn: 'everywhere',
    events: [...STORY_EVENTS, 'taxonomy.changed', ...RELOAD_ALL_EVENTS],
    async handle(event) {
      await ('articleIds' in event ? related.update(event.articleIds) : related.load());
    },
  });
}
