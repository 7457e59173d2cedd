import { defineReaction, STORY_EVENTS } from '../../shared/events.js';
import type { RelatedStoriesService } from './related-stories.service.js';

/**
 * Keeps the stored "You May Also Like" lists in step, on the node where the change was made only:
 * the lists live in the shared database, and every node reads them from there. Stories named by the
 * event update their own lists and the lists they enter or leave; an import rebuilds everything; a
 * start rebuilds only lists that are missing or out of date. Taxonomy changes leave the lists alone:
 * tags and sections weigh in by id, which a rename does not change.
 */
export function relatedStoriesReaction(related: Pick<RelatedStoriesService, 'update' | 'rebuild' | 'ensureBuilt'>) {
  return defineReaction({
    name: 'related-stories',
    runsOn: 'origin',
    events: [...STORY_EVENTS, 'content.imported', 'node.started'],
    async handle(event) {
      switch (event.name) {
        case 'content.imported':
          return related.rebuild();
        case 'node.started':
          return related.ensureBuilt();
        default:
          return related.update(event.articleIds);
      }
    },
  });
}
