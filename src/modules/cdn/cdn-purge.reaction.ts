import { CHANGE_EVENTS, defineReaction } from '../../shared/events.js';
import type { CdnPurger } from './cdn-purger.js';
import type { PurgeKeys } from './purge-keys.js';

/**
 * Tells the CDN which surrogate keys changed, on the origin node only: the other nodes reload
 * their memory and must not purge again. The keys are purge-keys.ts's, the very ones every node's
 * page cache drops for the same event.
 */
export function cdnPurgeReaction(cdn: Pick<CdnPurger, 'purgeWhenKnown'>, purgeKeys: Pick<PurgeKeys, 'keysFor'>) {
  return defineReaction({
    name: 'cdn-purge',
    runsOn: 'origin',
    events: CHANGE_EVENTS,
    handle(event) {
      cdn.purgeWhenKnown(purgeKeys.keysFor(event));
    },
  });
}
