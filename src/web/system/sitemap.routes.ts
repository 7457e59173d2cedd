import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SURROGATE_KEYS, normaliseKeys } from '../../modules/cdn/index.js';
import type { SitemapDocument, SitemapService } from '../../modules/sitemaps/index.js';
import { AppError } from '../../shared/errors.js';
import { CACHE_CONTROL } from '../http/cache-control.js';
import type { PageCache } from '../http/page-cache.js';
import { sendDocument } from '../http/send-page.js';
import { StoredDocument } from '../http/stored-document.js';
import { paths } from '../shared/paths.js';

const XML = 'application/xml; charset=utf-8';

/** What the sitemap routes use: the finished sitemaps, stored. */
export interface SitemapRoutesDeps {
  sitemaps: Pick<SitemapService, 'index' | 'sitemap'>;
  /** Whether answers name their surrogate keys (only to a CDN purged by them). */
  pageCache: Pick<PageCache, 'announceKeys'>;
}

/**
 * The sitemap index and the sitemaps it names. Both only read the finished bytes SitemapService
 * stores (one look-up of the file's version; the bytes themselves while they are current come from
 * memory); nothing is built per request. A name the service does not serve (`articles-0.xml`,
 * `articles-1999-01.xml`, `articles-abc.xml`) is a plain 404.
 */
export function registerSitemapRoutes(app: FastifyInstance, deps: SitemapRoutesDeps): void {
  const keys = deps.pageCache.announceKeys ? normaliseKeys([SURROGATE_KEYS.sitemaps]) : undefined;
  app.get(paths.sitemapIndex(), async (request, reply) => sendSitemap(request, reply, await deps.sitemaps.index(), keys));

  app.get<{ Params: { name: string } }>('/sitemaps/:name', async (request, reply) =>
    sendSitemap(request, reply, await deps.sitemaps.sitemap(request.params.name), keys),
  );
}

/**
 * Each sitemap as sent, beside the copy SitemapService holds (the same object while its version is
 * current): its brotli and gzip copies are made once, when first asked for, and go with it.
 */
const sent = new WeakMap<SitemapDocument, StoredDocument>();

function sendSitemap(
  request: FastifyRequest,
  reply: FastifyReply,
  sitemap: SitemapDocument | undefined,
  keys: readonly string[] | undefined,
): FastifyReply | Promise<FastifyReply> {
  if (!sitemap) throw new AppError('ERR_NOT_FOUND');
  let document = sent.get(sitemap);
  if (!document) {
    document = new StoredDocument({
      status: 200,
      body: sitemap.body,
      etag: `"${sitemap.version}"`,
      contentType: XML,
      cacheControl: CACHE_CONTROL.sitemap,
      ...(keys ? { surrogateKeys: keys } : {}),
      compress: 'document',
    });
    sent.set(sitemap, document);
  }
  return sendDocument(request, reply, document);
}
