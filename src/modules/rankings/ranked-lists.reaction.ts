import { COMMENT_EVENTS, commentedStories, defineReaction, RELOAD_ALL_EVENTS, STORY_EVENTS } from '../../shared/events.js';
import type { RankedListsService } from './ranked-lists.service.js';

/**
 * Every node keeps its ranked lists current: they show stories (as summaries: section, bylines,
 * image), their comment counts and the editors' picks, on the publication's clock. Each event
 * ranks only what it can reorder (ranked-lists.service.ts); at start the stored lists are read
 * back. With several nodes the list leader computes them and the others load what it shared.
 */
export function rankedListsReaction(lists: Pick<RankedListsService, 'refresh' | 'contentChanged' | 'storiesChanged' | 'loadStored'>) {
  return defineReaction({
    name: 'ranked-lists',
    runsOn: 'everywhere',
    events: [...STORY_EVENTS, ...COMMENT_EVENTS, 'curation.changed', 'taxonomy.changed', 'media.changed', 'settings.changed', ...RELOAD_ALL_EVENTS],
    async handle(event) {
      switch (event.name) {
        case 'node.started':
          return lists.loadStored();
        case 'content.imported':
        case 'cluster.resynced':
        case 'settings.changed':
          // Anything may have changed, or the lists' own settings did.
          return lists.refresh();
        case 'media.changed':
          return lists.storiesChanged('all');
        case 'comment.posted':
        case 'comment.edited':
        case 'comment.deleted':
        case 'comment.liked':
        case 'comment.unliked':
        case 'comment.moderated':
        case 'reader.banned':
        case 'reader.unbanned':
          return lists.storiesChanged(commentedStories(event));
        default:
          // Stories, curation, sections (a new section gets its Latest list) and names.
          return lists.contentChanged();
      }
    },
  });
}
