import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SURROGATE_KEYS, normaliseKeys } from '../../modules/cdn/index.js';
import type { SitemapDocument, SitemapService } from '../../modules/sitemaps/index.js';
import { AppError } from '../../shared/errors.js';
import { CACHE_CONTROL } from '../http/cache-control.js';
import { sendCachedPage } from '../http/send-page.js';
import { paths } from '../shared/paths.js';

const XML = 'application/xml; charset=utf-8';

/** What the sitemap routes use: the finished sitemaps in memory. */
export interface SitemapRoutesDeps {
  sitemaps: Pick<SitemapService, 'index' | 'sitemap'>;
}

/**
 * The sitemap index and the sitemaps it names. Both only read the finished bytes SitemapService
 * keeps in memory; nothing is built or queried per request. A name the service does not serve
 * (`articles-0.xml`, `articles-99.xml`, `articles-abc.xml`) is a plain 404.
 */
export function registerSitemapRoutes(app: FastifyInstance, deps: SitemapRoutesDeps): void {
  app.get(paths.sitemapIndex(), async (request, reply) => sendSitemap(request, reply, deps.sitemaps.index()));

  app.get<{ Params: { name: string } }>('/sitemaps/:name', async (request, reply) =>
    sendSitemap(request, reply, deps.sitemaps.sitemap(request.params.name)),
  );
}

function sendSitemap(request: FastifyRequest, reply: FastifyReply, sitemap: SitemapDocument | undefined): FastifyReply {
  if (!sitemap) throw new AppError('ERR_NOT_FOUND');
  return sendCachedPage(request, reply, {
    status: 200,
    body: sitemap.body,
    etag: `"${sitemap.version}"`,
    contentType: XML,
    cacheControl: CACHE_CONTROL.sitemap,
    surrogateKeys: normaliseKeys([SURROGATE_KEYS.sitemaps]),
  });
}
