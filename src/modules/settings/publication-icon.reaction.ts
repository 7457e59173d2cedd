import { defineReaction, RELOAD_ALL_EVENTS } from '../../shared/events.js';
import type { PublicationIconService } from './publication-icon.service.js';

/**
 * Every node redraws the site icon after the settings reloaded (it reads the image they point at),
 * and before the page cache is cleared, so no page links an icon that is not served yet.
 */
export function publicationIconReaction(icon: Pick<PublicationIconService, 'load'>) {
  return defineReaction({
    name: 'publication-icon',
    runsOn: 'everywhere',
    events: ['settings.changed', 'media.changed', ...RELOAD_ALL_EVENTS],
    async handle() {
      await icon.load();
    },
  });
}
