import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import cluster from 'node:cluster';
import fs from 'node:fs';
import type { Config } from '../../config/config.js';
import { normaliseKeys } from '../../modules/cdn/index.js';
import type { AssetRegistry } from '../http/assets.js';
import { CACHE_CONTROL } from '../http/cache-control.js';
import { sendDocument } from '../http/send-page.js';
import { StoredDocument } from '../http/stored-document.js';
import { registerFaviconRoutes, type FaviconRoutesDeps } from './favicon.routes.js';
import { robotsTxt } from './robots-txt.js';
import { registerSitemapRoutes, type SitemapRoutesDeps } from './sitemap.routes.js';

/** What the system routes use; of the database only the health check's ping. */
export interface SystemRoutesDeps extends SitemapRoutesDeps, FaviconRoutesDeps {
  config: Pick<Config, 'siteUrl'>;
  database: { ping(): Promise<void> };
  assets: Pick<AssetRegistry, 'get'>;
  mediaDir: string;
}

/** Health, robots.txt, sitemaps, the site icon, the site's own assets, and uploaded media. */
export async function registerSystemRoutes(app: FastifyInstance, deps: SystemRoutesDeps): Promise<void> {
  // In cluster mode, which worker answered (1, 2, …; not a process id): lets an operator, and the
  // cluster-mode test, see that every worker serves.
  const healthy = cluster.isWorker && cluster.worker ? { status: 'ok', worker: cluster.worker.id } : { status: 'ok' };
  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', CACHE_CONTROL.noStore);
    try {
      await deps.database.ping();
      return reply.code(200).send(healthy);
    } catch {
      return reply.code(503).send({ status: 'unavailable', errors: [{ code: 'ERR_DATABASE_UNAVAILABLE' }] });
    }
  });

  // Built once: it depends on SITE_URL alone. An ETag like every public document, so a crawler's
  // daily fetch is a 304.
  const robots = new StoredDocument({
    status: 200,
    body: Buffer.from(robotsTxt(deps.config.siteUrl)),
    contentType: 'text/plain; charset=utf-8',
    cacheControl: CACHE_CONTROL.robots,
    ...(deps.pageCache.announceKeys ? { surrogateKeys: normaliseKeys([]) } : {}),
    compress: 'asset',
  });
  app.get('/robots.txt', async (request, reply) => sendDocument(request, reply, robots));

  registerSitemapRoutes(app, deps);
  registerFaviconRoutes(app, deps);

  app.get<{ Params: { name: string }; Querystring: { v?: string } }>('/assets/:name', async (request, reply) => {
    const asset = deps.assets.get(request.params.name);
    if (!asset) return reply.callNotFound();
    // Only the current version may be kept for a year; an old link still works but is not pinned.
    return sendDocument(request, reply, request.query.v === asset.version ? asset.pinned : asset.unpinned);
  });

  fs.mkdirSync(deps.mediaDir, { recursive: true });
  await app.register(fastifyStatic, {
    root: deps.mediaDir,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    // Media file names are chosen by the server and never reused, so a file never changes.
    cacheControl: false,
    setHeaders: (response) => {
      response.header('cache-control', CACHE_CONTROL.immutable);
    },
  });
}
