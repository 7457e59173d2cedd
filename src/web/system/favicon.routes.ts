import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normaliseKeys } from '../../modules/cdn/index.js';
import type { IconFile, PublicationIconService } from '../../modules/settings/index.js';
import { CACHE_CONTROL } from '../http/cache-control.js';
import type { PageCache } from '../http/page-cache.js';
import { sendDocument } from '../http/send-page.js';
import { StoredDocument } from '../http/stored-document.js';
import { paths } from '../shared/paths.js';

/** What the icon routes use. */
export interface FaviconRoutesDeps {
  icon: Pick<PublicationIconService, 'current'>;
  /** Whether answers name their surrogate keys (only to a CDN purged by them). */
  pageCache: Pick<PageCache, 'announceKeys'>;
}

/**
 * The site icon at the fixed names browsers and crawlers ask for even when no page links them:
 * /favicon.ico and /apple-touch-icon.png. Pages link the same files with `?v=<hash>`, which may be
 * kept for a year; the bare name is revalidated (ETag), and purged at a CDN with every settings change.
 */
export function registerFaviconRoutes(app: FastifyInstance, deps: FaviconRoutesDeps): void {
  type IconRequest = FastifyRequest<{ Querystring: { v?: string } }>;
  const keys = deps.pageCache.announceKeys ? normaliseKeys([]) : undefined;
  app.get(paths.icon(), async (request: IconRequest, reply) => sendIcon(request, reply, deps.icon.current.ico, keys));
  app.get(paths.touchIcon(), async (request: IconRequest, reply) => sendIcon(request, reply, deps.icon.current.touch, keys));
}

function sendIcon(
  request: FastifyRequest<{ Querystring: { v?: string } }>,
  reply: FastifyReply,
  file: IconFile,
  keys: readonly string[] | undefined,
): FastifyReply | Promise<FastifyReply> {
  // Only the current drawing may be kept for a year; an old link still gets the icon, not pinned.
  const current = request.query.v === file.version;
  // Images: never compressed (PNG and ICO hold compressed pixels already).
  const document = new StoredDocument({
    status: 200,
    body: file.body,
    etag: `"${file.version}"`,
    contentType: file.contentType,
    cacheControl: current ? CACHE_CONTROL.immutable : CACHE_CONTROL.icon,
    ...(keys ? { surrogateKeys: keys } : {}),
    compress: false,
  });
  return sendDocument(request, reply, document);
}
