import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { normaliseKeys } from '../../modules/cdn/index.js';
import { CACHE_CONTROL, cacheControlForStatus } from './cache-control.js';
import { etagFor, matchesIfNoneMatch, type CachedPage, type PageCache } from './page-cache.js';

const HTML = 'text/html; charset=utf-8';

/**
 * A rendered public document and the surrogate keys of what it shows (modules/cdn/surrogate-keys.ts).
 * The keys are found while rendering, from the very stories the page shows, and cached with it, so
 * a cache hit sends the same keys as the miss that rendered it.
 */
export interface Keyed<T> {
  page: T;
  keys: readonly string[];
}

export function keyed<T>(page: T, ...keys: Array<string | readonly string[]>): Keyed<T> {
  return { page, keys: keys.flat() };
}

// C0 controls but tab, line feed and carriage return; DEL; C1. Never meant to be in a page.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Serialises a page component to a complete HTML document. Input is refused with control characters
 * (src/shared/text.ts), but a refused form shows the text back as typed and older rows may hold
 * them: any left are shown as U+FFFD (�), which also marks the spot for the editor, so no page ever
 * carries a raw NUL or a terminal escape. (Lone surrogates become U+FFFD in the UTF-8 encoding.)
 */
export function renderDocument<P>(page: VNode<P>): Buffer {
  return Buffer.from(`<!doctype html>${renderToString(page)}`.replace(CONTROL_CHARACTERS, '\uFFFD'));
}

/**
 * Sends a stored document, or 304 when the client has it. A 304 carries the same Cache-Control and
 * surrogate keys as the 200 (RFC 9110 §15.4.5), so a CDN revalidating its copy re-files it under
 * the same keys and the same lifetime.
 */
export function sendCachedPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  reply.header('cache-control', page.cacheControl).header('etag', page.etag).type(page.contentType);
  if (page.surrogateKeys && page.surrogateKeys.length > 0) {
    // Fastly reads Surrogate-Key (space-separated), Cloudflare Cache-Tag (comma-separated).
    reply.header('surrogate-key', page.surrogateKeys.join(' ')).header('cache-tag', page.surrogateKeys.join(','));
  }
  if (matchesIfNoneMatch(request.headers['if-none-match'], page.etag)) return reply.code(304).send();
  return reply.code(page.status).send(page.body);
}

/**
 * Renders an HTML page with its ETag and Cache-Control, answering 304 when the client has it.
 * `keys`: only for pages a CDN may keep (the public 404 and 410); `site` is always added.
 */
export function sendHtml<P>(request: FastifyRequest, reply: FastifyReply, status: number, page: VNode<P>, keys?: readonly string[]): FastifyReply {
  const body = renderDocument(page);
  return sendCachedPage(request, reply, {
    status,
    body,
    etag: etagFor(body),
    contentType: HTML,
    cacheControl: cacheControlForStatus(status),
    ...(keys ? { surrogateKeys: normaliseKeys(keys) } : {}),
  });
}

/**
 * Serves a public page from the page cache, or renders, stores and serves it. The key is the path
 * plus only the query parameters the route reads, so `?utm_source=…` variants share one entry and
 * cannot flood the cache.
 */
export async function sendPublicPage<P>(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  queryKeys: readonly string[],
  render: () => Promise<Keyed<VNode<P>>>,
): Promise<FastifyReply> {
  return sendPublicDocument(request, reply, cache, queryKeys, HTML, async () => {
    const { page, keys } = await render();
    return { page: renderDocument(page), keys };
  });
}

/**
 * Any public document (an HTML page, a feed, a sitemap) served the same way: from the page cache,
 * or rendered, stored and served, with its ETag, 304 and Cache-Control. The cache is cleared on
 * every content change, so documents built from stories stay as current as the pages.
 */
export async function sendPublicDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  queryKeys: readonly string[],
  contentType: string,
  render: () => Promise<Keyed<string | Buffer>>,
): Promise<FastifyReply> {
  const key = cacheKey(request, queryKeys);
  const hit = cache.get(key);
  if (hit) return sendCachedPage(request, reply.header('x-page-cache', 'hit'), hit);
  const rendered = await render();
  const body = typeof rendered.page === 'string' ? Buffer.from(rendered.page) : rendered.page;
  const page: CachedPage = {
    status: 200,
    body,
    etag: etagFor(body),
    contentType,
    cacheControl: cacheControlForStatus(200),
    surrogateKeys: normaliseKeys(rendered.keys),
  };
  cache.set(key, page);
  return sendCachedPage(request, reply.header('x-page-cache', 'miss'), page);
}

/**
 * Renders a page for one signed-in reader (their comment form, CSRF token and controls): never
 * put in the page cache, `private, no-store` so no shared cache or back button keeps it.
 */
export function sendPersonalPage<P>(reply: FastifyReply, status: number, page: VNode<P>): FastifyReply {
  return reply.code(status).header('cache-control', CACHE_CONTROL.personal).type(HTML).send(renderDocument(page));
}

function cacheKey(request: FastifyRequest, queryKeys: readonly string[]): string {
  const url = request.url;
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  if (queryKeys.length === 0 || queryStart === -1) return path;
  const query = new URLSearchParams(url.slice(queryStart + 1));
  const kept = queryKeys.flatMap((name) => {
    const value = query.get(name);
    return value === null ? [] : [`${name}=${encodeURIComponent(value)}`];
  });
  return kept.length > 0 ? `${path}?${kept.join('&')}` : path;
}
