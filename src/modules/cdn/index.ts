// The cdn module's public face: other modules and src/web/** import from here, never from its
// files directly.
export { CdnPurger, PURGE_BATCH_WINDOW_MS, PURGE_RETRY_DELAYS_MS, PURGE_TIMEOUT_MS } from './cdn-purger.js';
export type { CdnPurgeTarget } from './cdn-purger.js';
export { MAX_STORIES_LOOKED_UP, PurgeKeys, databaseStoryLookup, purgeKeysFor } from './purge-keys.js';
export type { StoryLookup } from './purge-keys.js';
export { SURROGATE_KEYS, listedStoryKeys, normaliseKeys, storyKeys } from './surrogate-keys.js';
export type { StoryKeySource } from './surrogate-keys.js';

// Its reaction (src/reactions.ts).
export { cdnPurgeReaction } from './cdn-purge.reaction.js';
