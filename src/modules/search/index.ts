// The search module's public face: other modules and src/web/** import from here, never from its
// files directly. The repository and its rows stay private.
export { SearchService, DESK_COUNT_LIMIT, MAX_DESK_MATCHES, MAX_RANKED_MATCHES, MAX_SEARCH_LENGTH, SEARCH_PAGE_SIZE } from './search.service.js';
export type { SearchHit, SearchQuery, SearchResult, SnippetPart } from './search.types.js';
// Its job (src/job-list.ts).
export { SEARCH_CATCH_UP_JOB, searchCatchUpJob } from './search-catch-up.job.js';
// Its reaction (src/reactions.ts).
export { searchIndexReaction } from './search-index.reaction.js';
