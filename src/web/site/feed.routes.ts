import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SURROGATE_KEYS } from '../../modules/cdn/index.js';
import { FEED_CONTENT_TYPES, FEED_FORMATS, renderFeed, type FeedFormat, type FeedService, type FeedSource } from '../../modules/feeds/index.js';
import type { Clock } from '../../shared/clock.js';
import type { PageCache } from '../http/page-cache.js';
import { keyed, sendPublicDocument } from '../http/send-page.js';
import { feedDocument, type MediaFileSize } from './feed.presenter.js';
import { paths } from '../shared/paths.js';
import { listingEdition, requestSite, type EditionSiteDeps } from '../shared/request-edition.js';
import type { SiteContext } from '../shared/site-context.js';
import { registerUpdatesFeedRoute, type UpdatesFeedDeps } from './updates-feed.routes.js';

type SlugParams = { Params: { slug: string } };

/** What the feeds use (`mediaDir`: enclosure lengths are the stored files' sizes). */
export interface FeedRoutesDeps extends EditionSiteDeps, UpdatesFeedDeps {
  feeds: FeedService;
  pageCache: PageCache;
  clock: Clock;
  mediaDir: string;
}

/**
 * RSS 2.0 and Atom 1.0 feeds of the whole site, each section, author and series. Served like pages:
 * from the page cache, cleared on every content change (a settings change included), with ETags.
 */
export function registerFeedRoutes(app: FastifyInstance, deps: FeedRoutesDeps): void {
  const { feeds } = deps;
  const fileSize = mediaFileSize(deps.mediaDir);
  // Each feed is in the edition it was asked in (`/ko/feed.xml`): its stories, language and links.
  const serve = (request: FastifyRequest, reply: FastifyReply, format: FeedFormat, load: (site: SiteContext) => Promise<FeedSource>) =>
    sendPublicDocument(request, reply, deps.pageCache, [], FEED_CONTENT_TYPES[format], async () => {
      const site = requestSite(deps, request);
      // `feeds` alone: every change to a story purges all feeds (there are few, and they are small).
      return keyed(renderFeed(await feedDocument(await load(site), site, deps.clock.now(), fileSize), format), SURROGATE_KEYS.feeds);
    });
  // With one edition, every story (the statements as before editions); with several, the edition's.
  const editionOf = (site: SiteContext) => listingEdition(deps, site);

  for (const format of FEED_FORMATS) {
    const file = paths.feeds.site(format).slice(1); // feed.xml, feed.atom (registered outside any edition)
    app.get(`/${file}`, (request, reply) => serve(request, reply, format, (site) => feeds.site(editionOf(site))));
    app.get<SlugParams>(`/section/:slug/${file}`, (request, reply) =>
      serve(request, reply, format, (site) => feeds.section(request.params.slug, site.edition.id)),
    );
    app.get<SlugParams>(`/author/:slug/${file}`, (request, reply) =>
      serve(request, reply, format, (site) => feeds.author(request.params.slug, editionOf(site))),
    );
    app.get<SlugParams>(`/series/:slug/${file}`, (request, reply) =>
      serve(request, reply, format, (site) => feeds.series(request.params.slug, editionOf(site))),
    );
  }
  // A live story's updates (Atom), filed under the story's key rather than `feeds`' alone.
  registerUpdatesFeedRoute(app, deps);
}

/** Enclosure lengths: the stored variant's size on disk; 0 (allowed by RSS) if it cannot be read. */
function mediaFileSize(mediaDir: string): MediaFileSize {
  return async (file) => {
    try {
      return (await fs.stat(path.join(mediaDir, path.basename(file)))).size;
    } catch {
      return 0;
    }
  };
}
