import { defineReaction, STORY_EVENTS } from '../../shared/events.js';
import type { SitemapService } from './sitemap.service.js';

/**
 * Keeps the stored sitemaps current, on the node where the change was made: they live in the shared
 * database, and every node serves them from there. A story event rebuilds the files holding those
 * stories (their month, the listings that name them, the news sitemap, the index); sections,
 * authors and series their listing; a static page or the settings (the news sitemap carries the
 * publication's name and language) the pages and the news. At start nothing is rebuilt when files
 * are stored; an import, or a change to the editions, rebuilds them all.
 */
export function sitemapsReaction(sitemaps: Pick<SitemapService, 'refresh' | 'storiesChanged' | 'listingsChanged' | 'pagesChanged' | 'loadAtStart'>) {
  return defineReaction({
    name: 'sitemaps',
    runsOn: 'origin',
    events: [...STORY_EVENTS, 'taxonomy.changed', 'static-page.changed', 'settings.changed', 'editions.changed', 'content.imported', 'node.started'],
    async handle(event) {
      switch (event.name) {
        case 'node.started':
          return sitemaps.loadAtStart();
        // An import, or an edition switched on or off or given another address (which moves or
        // drops its every URL): every file again.
        case 'content.imported':
        case 'editions.changed':
          return sitemaps.refresh();
        case 'taxonomy.changed':
          // Tags have no pages in the sitemaps.
          return event.kind === 'tag' ? undefined : sitemaps.listingsChanged(event.kind, event.ids);
        case 'static-page.changed':
        case 'settings.changed':
          return sitemaps.pagesChanged();
        case 'story.deleted':
          return sitemaps.storiesChanged(event.articleIds, event.removed);
        default:
          return sitemaps.storiesChanged(event.articleIds);
      }
    },
  });
}
