import type { JobDefinition } from '../../shared/jobs/job.types.js';
import type { SearchService } from './search.service.js';

export const SEARCH_CATCH_UP_JOB = 'search-catch-up';

/**
 * At start, one node: the stories the full-text index lacks are indexed in the background, a slice
 * of a few milliseconds at a time (an upgrade that emptied the index, stories written while the
 * index was not kept). The start does not wait: searches answer from what is indexed meanwhile.
 * Stopping the server stops it between two slices; the next start goes on where it stopped.
 */
export function searchCatchUpJob(search: Pick<SearchService, 'refreshIndex'>): JobDefinition {
  return {
    name: SEARCH_CATCH_UP_JOB,
    atStart: true,
    leaderOnly: { ttlMs: 10 * 60_000 },
    failureMessage: 'indexing the stories the search index lacks failed; it is tried again at the next start',
    run: ({ signal }) => search.refreshIndex(undefined, signal),
  };
}
