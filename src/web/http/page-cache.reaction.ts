import { SURROGATE_KEYS, type PurgeKeys } from '../../modules/cdn/index.js';
import { defineReaction, EVENT_NAMES } from '../../shared/events.js';
import type { PageCache } from './page-cache.js';

/**
 * Every node drops the cached documents an event made stale: those filed under the keys
 * purge-keys.ts gives for it, the very keys the CDN purge sends (a comment: its story's page; a
 * story: it, the pages listing it and the lists; anything else: everything). Listed after every
 * reaction that reloads state: purging first would let a request re-cache a page built from the
 * old lists meanwhile.
 */
export function pageCacheReaction(pageCache: Pick<PageCache, 'purge'>, purgeKeys: Pick<PurgeKeys, 'keysFor'>) {
  return defineReaction({
    name: 'page-cache',
    runsOn: 'everywhere',
    events: EVENT_NAMES,
    async handle(event) {
      let keys: readonly string[];
      try {
        keys = await purgeKeys.keysFor(event);
      } catch (error) {
        // The stories could not be looked up (the database away): drop everything rather than
        // keep pages the change made stale. Reported all the same.
        pageCache.purge([SURROGATE_KEYS.site]);
        throw error;
      }
      pageCache.purge(keys);
    },
  });
}
