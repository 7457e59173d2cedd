import { defineReaction, RELOAD_ALL_EVENTS } from '../../shared/events.js';
import type { SiteContextProvider } from './site-context.provider.js';

/** Every node reloads what the site's chrome holds itself: which static pages exist (the footer's links). */
export function siteContextReaction(site: Pick<SiteContextProvider, 'load'>) {
  return defineReaction({
    name: 'site-context',
    runsOn: 'everywhere',
    events: ['static-page.changed', ...RELOAD_ALL_EVENTS],
    async handle() {
      await site.load();
    },
  });
}
