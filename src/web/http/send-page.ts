import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { normaliseKeys } from '../../modules/cdn/index.js';
import { CACHE_CONTROL, cacheControlForStatus } from './cache-control.js';
import { negotiateCoding } from './compression.js';
import type { PageCache } from './page-cache.js';
import { StoredDocument } from './stored-document.js';

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
 * Sends a document in the coding the client prefers (compression.ts), or 304 when the client's
 * copy is current in any coding. A 304 carries the same Cache-Control, Vary and surrogate keys as
 * the 200 (RFC 9110 §15.4.5), so a CDN revalidating its copy re-files it under the same keys and
 * lifetime. Every header was worked out when the document was stored: a hit only picks them.
 * HEAD is Fastify's: the same headers, no body.
 */
export function sendDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  document: StoredDocument,
  cacheState?: 'hit' | 'miss',
): FastifyReply | Promise<FastifyReply> {
  const coding = document.compressible ? negotiateCoding(request.headers['accept-encoding']) : 'identity';
  if (cacheState) reply.header('x-page-cache', cacheState);
  const current = document.matching(request.headers['if-none-match'], coding);
  if (current !== undefined) return reply.code(304).headers(document.notModifiedHeaders(current)).send();
  const variant = document.variant(coding);
  if (variant instanceof Promise) return variant.then((ready) => reply.code(document.status).headers(ready.headers).send(ready.body));
  return reply.code(document.status).headers(variant.headers).send(variant.body);
}

/**
 * Renders an HTML page made for this request alone (error pages, the newsroom, forms) with its ETag
 * and Cache-Control, answering 304 when the client has it. Never compressed: that would cost every
 * request its compression. `keys`: only for pages a CDN may keep (the public 404 and 410); `site` is
 * always added.
 */
export function sendHtml<P>(request: FastifyRequest, reply: FastifyReply, status: number, page: VNode<P>, keys?: readonly string[]): FastifyReply {
  const document = new StoredDocument({
    status,
    body: renderDocument(page),
    contentType: HTML,
    cacheControl: cacheControlForStatus(status),
    ...(keys ? { surrogateKeys: normaliseKeys(keys) } : {}),
    compress: false,
  });
  // Never a promise: a document without compressed codings is sent at once.
  return sendDocument(request, reply, document) as FastifyReply;
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

export interface PublicDocumentOptions {
  /** The page-cache key when the route works it out itself (the Content API, from its checked query). */
  key?: string;
  /** Default: a public page's (cache-control.ts). */
  cacheControl?: string;
  /** What else the answer varies on besides Accept-Encoding. */
  vary?: string;
  /**
   * Whether the surrogate keys are sent (Surrogate-Key, Cache-Tag) as well as used to file the
   * answer locally; not for answers no shared cache may keep (the Content API's).
   */
  announceKeys?: boolean;
  /**
   * Whether a hit may be sent before routing, to requests without cookies or credentials
   * (early-hits.ts); false when the route must check something first (the Content API's key).
   */
  beforeRouting?: boolean;
}

/**
 * Any public document (an HTML page, a feed, search results, a Content API answer) served the same
 * way: from the page cache, or rendered, stored under its surrogate keys and served, with its
 * ETags, codings, 304 and Cache-Control. Stored documents are compressed once, when a client first
 * asks for a coding; with the page cache off (PAGE_CACHE=0) nothing is compressed, since it would be
 * done again for every request.
 */
export async function sendPublicDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  queryKeys: readonly string[],
  contentType: string,
  render: () => Promise<Keyed<string | Buffer>>,
  options: PublicDocumentOptions = {},
): Promise<FastifyReply> {
  const key = options.key ?? cacheKey(request.originalUrl, queryKeys);
  const hit = cache.get(key);
  if (hit) return sendDocument(request, reply, hit, 'hit');
  const generation = cache.generation;
  const rendered = await render();
  const keys = normaliseKeys(rendered.keys);
  const document = new StoredDocument({
    status: 200,
    body: typeof rendered.page === 'string' ? Buffer.from(rendered.page) : rendered.page,
    contentType,
    cacheControl: options.cacheControl ?? cacheControlForStatus(200),
    ...(options.announceKeys === false || !cache.announceKeys ? {} : { surrogateKeys: keys }),
    ...(options.vary ? { vary: options.vary } : {}),
    compress: cache.enabled ? 'document' : false,
  });
  cache.set(key, document, keys, generation, options.beforeRouting ?? true);
  return sendDocument(request, reply, document, 'miss');
}

/**
 * Renders a page for one signed-in reader (their comment form, CSRF token and controls): never
 * put in the page cache, `private, no-store` so no shared cache or back button keeps it. Sent
 * uncompressed: compressing would cost each such request ~1 ms of CPU for a page no one else gets.
 */
export function sendPersonalPage<P>(reply: FastifyReply, status: number, page: VNode<P>): FastifyReply {
  return reply.code(status).header('cache-control', CACHE_CONTROL.personal).header('vary', 'Accept-Encoding').type(HTML).send(renderDocument(page));
}

/**
 * The path plus the query parameters the route reads, in the route's order. A URL without a query
 * (most requests) is its own key, with no parsing at all.
 */
export function cacheKey(url: string, queryKeys: readonly string[]): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const path = url.slice(0, queryStart);
  if (queryKeys.length === 0) return path;
  const query = new URLSearchParams(url.slice(queryStart + 1));
  const kept = queryKeys.flatMap((name) => {
    const value = query.get(name);
    return value === null ? [] : [`${name}=${encodeURIComponent(value)}`];
  });
  return kept.length > 0 ? `${path}?${kept.join('&')}` : path;
}
