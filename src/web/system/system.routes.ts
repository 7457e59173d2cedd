import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import type { Deps } from '../../deps.js';
import { CACHE_CONTROL } from '../http/cache-control.js';
import { robotsTxt } from './robots-txt.js';
import { registerSitemapRoutes } from './sitemap.routes.js';

/** Health, robots.txt, sitemaps, the site's own assets, and uploaded media. */
export async function registerSystemRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', CACHE_CONTROL.noStore);
    try {
      await deps.database.ping();
      return reply.code(200).send({ status: 'ok' });
    } catch {
      return reply.code(503).send({ status: 'unavailable', errors: [{ code: 'ERR_DATABASE_UNAVAILABLE' }] });
    }
  });

  const robots = robotsTxt(deps.config.siteUrl);
  app.get('/robots.txt', async (_request, reply) =>
    reply.header('cache-control', CACHE_CONTROL.robots).type('text/plain; charset=utf-8').send(robots),
  );

  registerSitemapRoutes(app, deps);

  app.get<{ Params: { name: string }; Querystring: { v?: string } }>('/assets/:name', async (request, reply) => {
    const asset = deps.assets.get(request.params.name);
    if (!asset) return reply.callNotFound();
    // Only the current version may be kept for a year; an old link still works but is not pinned.
    const current = request.query.v === asset.version;
    return reply
      .header('cache-control', current ? CACHE_CONTROL.immutable : CACHE_CONTROL.page)
      .type(asset.contentType)
      .send(asset.body);
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
    setHeaders: (response) => response.header('cache-control', CACHE_CONTROL.immutable),
  });
}
