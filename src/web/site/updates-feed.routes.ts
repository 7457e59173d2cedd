import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Article, ReadingService } from '../../modules/articles/index.js';
import { SURROGATE_KEYS } from '../../modules/cdn/index.js';
import { FEED_CONTENT_TYPES, renderFeed, type FeedDocument, type FeedEntry } from '../../modules/feeds/index.js';
import { LIVE_TYPE_LABEL, type LiveService, type LiveUpdate } from '../../modules/live/index.js';
import type { MediaAsset } from '../../modules/media/index.js';
import { AppError } from '../../shared/errors.js';
import type { PageCache } from '../http/page-cache.js';
import { keyed, sendPublicDocument } from '../http/send-page.js';
import { paths } from '../shared/paths.js';
import { requestSite, type EditionSiteDeps } from '../shared/request-edition.js';
import type { SiteContext } from '../shared/site-context.js';
import { siteTranslator } from '../shared/site-translator.js';
import { FeedBody } from './components/feed-body.js';
import { liveFigures, liveUpdateAnchor, liveUpdateGist, type LiveMediaLookup } from './components/live-update.js';
import { formatDateTime } from '../shared/format.js';
import { hadCoverage, liveUpdatesFeedPath } from './live-page-view.js';

/** How many updates the feed carries, newest first (the site's feeds carry as many stories). */
export const LIVE_FEED_SIZE = 20;

/** What the feed of a live story's updates uses. */
export interface UpdatesFeedDeps extends EditionSiteDeps {
  reading: Pick<ReadingService, 'article'>;
  live: Pick<LiveService, 'coverage' | 'recentUpdates'>;
  media: LiveMediaLookup;
  pageCache: PageCache;
}

/**
 * `/article/<slug>/updates.xml` (and under an edition's prefix): an Atom feed of a live story's 20
 * newest updates, for readers following the story in a feed reader. Filed under the story's own
 * surrogate key, so every `live.changed` purges it with the page; a story that never was live is 404.
 */
export function registerUpdatesFeedRoute(app: FastifyInstance, deps: UpdatesFeedDeps): void {
  app.get<{ Params: { slug: string } }>('/article/:slug/updates.xml', (request, reply) =>
    sendPublicDocument(request, reply, deps.pageCache, [], FEED_CONTENT_TYPES.atom, async () => {
      const site = requestSite(deps, request);
      const { article } = await deps.reading.article(request.params.slug);
      if (article.editionId !== site.edition.id) throw new AppError('ERR_ARTICLE_NOT_FOUND');
      if (article.typeLabel !== LIVE_TYPE_LABEL && !(await hadCoverage(deps, article.id))) throw new AppError('ERR_NOT_FOUND');
      const updates = await deps.live.recentUpdates(article.id, LIVE_FEED_SIZE);
      const figures = await liveFigures(deps.media, updates);
      const document = updatesFeedDocument(article, updates, figures, site);
      return keyed(renderFeed(document, 'atom'), SURROGATE_KEYS.article(article.id), SURROGATE_KEYS.feeds);
    }),
  );
}

/** The story's updates as a feed document: each update an entry at its anchor on the story's page. */
export function updatesFeedDocument(
  article: Article,
  updates: readonly LiveUpdate[],
  figures: Map<string, MediaAsset>,
  site: SiteContext,
): FeedDocument {
  const { publication, siteUrl } = site;
  const { t } = siteTranslator(site);
  const pageUrl = `${siteUrl}${paths.article(article.slug)}`;
  const feedUrl = `${siteUrl}${liveUpdatesFeedPath(article.slug)}`;
  const entries = updates.map((update): FeedEntry => {
    const gist = liveUpdateGist(update, 100);
    return {
      // Stable whatever happens to the story's slug, as the site's feeds' entries are.
      id: `urn:uuid:${update.id}`,
      title: gist || t('live.updateTitle', { time: formatDateTime(update.createdAt, publication) }),
      url: `${pageUrl}#${liveUpdateAnchor(update.id)}`,
      published: update.createdAt,
      updated: update.editedAt ?? update.createdAt,
      authors: [{ name: update.authorName, url: pageUrl }],
      categories: [],
      summary: liveUpdateGist(update, 300),
      ...(publication.feedContent === 'full' && {
        contentHtml: renderToString(h(FeedBody, { hero: null, body: update.body, figures, siteUrl })),
      }),
    };
  });
  const newest = entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), article.publishedAt);
  return {
    title: t('live.feedTitle', { headline: article.headline }),
    description: t('live.feedDescription'),
    pageUrl,
    // Atom only: both links name the one feed.
    feedUrls: { rss: feedUrl, atom: feedUrl },
    language: publication.language,
    copyright: `© ${publication.copyrightHolder}`,
    updated: newest,
    entries,
  };
}
