import { defineReaction, EVENT_NAMES } from '../../shared/events.js';
import type { PageCache } from './page-cache.js';

/**
 * Every node drops its cached pages after any event. Listed after every reaction that reloads
 * state: clearing first would let a request re-cache a page built from the old lists meanwhile.
 */
export function pageCacheReaction(pageCache: Pick<PageCache, 'clear'>) {
  return defineReaction({
    name: 'page-cache',
    runsOn: 'everywhere',
    events: EVENT_NAMES,
    handle() {
      pageCache.clear();
    },
  });
}
