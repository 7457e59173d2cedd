import { COMMENT_EVENTS, defineReaction, RELOAD_ALL_EVENTS, STORY_EVENTS } from '../../shared/events.js';
import type { RankedListsService } from './ranked-lists.service.js';

/**
 * Every node refreshes the ranked lists: they show stories (as summaries: section, bylines, image),
 * their comment counts and the editors' picks, on the publication's clock. With several nodes the
 * list leader computes them and the others load what it shared (ranked-lists.service.ts).
 */
export function rankedListsReaction(lists: Pick<RankedListsService, 'refresh'>) {
  return defineReaction({
    name: 'ranked-lists',
    runsOn: 'everywhere',
    events: [...STORY_EVENTS, ...COMMENT_EVENTS, 'curation.changed', 'taxonomy.changed', 'media.changed', 'settings.changed', ...RELOAD_ALL_EVENTS],
    async handle() {
      await lists.refresh();
    },
  });
}
