import { defineReaction, STORY_EVENTS } from '../../shared/events.js';
import type { SearchService } from './search.service.js';

/**
 * Keeps the full-text index in step with what it holds: each story's headline, standfirst, body,
 * authors' and tags' names, and (PostgreSQL) its visibility, publication time and section. On the
 * origin node only: the index lives in the shared database. Named stories are re-indexed alone; a
 * renamed author or tag re-indexes their stories; a section or series renamed changes nothing held
 * (a story's move to another section is a story event); an import indexes the stories the index
 * lacks, a slice at a time. Drafts and other stories readers cannot see are indexed too
 * (`story.saved`): the newsroom's story list searches them.
 * A start does not wait for the index: search-catch-up.job.ts brings it up to date in the background.
 */
export function searchIndexReaction(search: Pick<SearchService, 'refreshIndex'>) {
  return defineReaction({
    name: 'search-index',
    runsOn: 'origin',
    events: [...STORY_EVENTS, 'story.saved', 'taxonomy.changed', 'content.imported'],
    async handle(event) {
      switch (event.name) {
        case 'taxonomy.changed':
          if (event.kind === 'author') return search.refreshIndex({ authorIds: event.ids, tagIds: [] });
          if (event.kind === 'tag') return search.refreshIndex({ authorIds: [], tagIds: event.ids });
          return;
        case 'content.imported':
          return search.refreshIndex();
        default:
          return search.refreshIndex({ articleIds: event.articleIds });
      }
    },
  });
}
