import { defineReaction, RELOAD_ALL_EVENTS } from '../../shared/events.js';
import type { EditionService } from './edition.service.js';

/**
 * Every node reloads the editions it holds in memory: after a change made on any node (the
 * Editions page), at start, and after an import or a lost subscription. The page cache and the CDN
 * drop every page on `editions.changed` (purge-keys.ts: an event naming no story purges `site`).
 */
export function editionsReaction(editions: Pick<EditionService, 'load'>) {
  return defineReaction({
    name: 'editions',
    runsOn: 'everywhere',
    events: ['editions.changed', ...RELOAD_ALL_EVENTS],
    async handle() {
      await editions.load();
    },
  });
}
