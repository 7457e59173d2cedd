import { defineReaction, RELOAD_ALL_EVENTS, STORY_EVENTS } from '../../shared/events.js';
import type { CurationService } from './curation.service.js';

/**
 * Every node reloads the lead story and the breaking banner it holds in memory. The lead is shown
 * as a story summary (headline, section, bylines, image), so story, taxonomy and media changes
 * reload it too; a withdrawn lead drops back to "the newest story".
 */
export function curationReaction(curation: Pick<CurationService, 'load'>) {
  return defineReaction({
    name: 'curation',
    runsOn: 'everywhere',
    events: ['curation.changed', ...STORY_EVENTS, 'taxonomy.changed', 'media.changed', ...RELOAD_ALL_EVENTS],
    async handle() {
      await curation.load();
    },
  });
}
