import { defineReaction, RELOAD_ALL_EVENTS, STORY_EVENTS } from '../../shared/events.js';
import type { SitemapService } from './sitemap.service.js';

/**
 * Every node rebuilds the sitemaps it holds in memory: they list stories, sections, authors, series
 * and static pages, and the news sitemap carries the publication's name and language.
 */
export function sitemapsReaction(sitemaps: Pick<SitemapService, 'refresh'>) {
  return defineReaction({
    name: 'sitemaps',
    runsOn: 'everywhere',
    events: [...STORY_EVENTS, 'taxonomy.changed', 'static-page.changed', 'settings.changed', ...RELOAD_ALL_EVENTS],
    async handle() {
      await sitemaps.refresh();
    },
  });
}
