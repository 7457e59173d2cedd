import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyServerFactory } from 'fastify';
import { negotiateCoding } from './compression.js';
import type { PageCache } from './page-cache.js';
import { SECURITY_HEADERS } from './security-headers.js';
import type { Variant } from './stored-document.js';

/** Every header of an early hit, as the flat list writeHead takes, worked out once per variant. */
const sentHeaders = new WeakMap<Variant, string[]>();

function headersOf(variant: Variant): string[] {
  let headers = sentHeaders.get(variant);
  if (!headers) {
    const all = { ...SECURITY_HEADERS, 'x-page-cache': 'hit', ...variant.headers, 'content-length': String(variant.body.length) };
    headers = Object.entries(all).flat();
    sentHeaders.set(variant, headers);
  }
  return headers;
}

/**
 * Sends a page-cache hit straight from Node's `request` event, before Fastify builds its request
 * and reply, routes, and runs its hooks: most of what a hit would otherwise cost (bench/README.md).
 * Only when the answer is the one the route would give:
 * - GET or HEAD of a URL that is exactly a cache key (the path and the parameters the route reads,
 *   as the route wrote them), stored by a route that needs nothing checked first (`beforeRouting`);
 * - no Cookie, Authorization or X-Api-Key: a reader's cookie makes an article page their own, and
 *   credentials are the routes' business;
 * - its coding already made (the first request for a coding waits for it in the route);
 * - the server not closing (Fastify then answers 503).
 * The headers are the route's: the security headers every answer carries (security-headers.ts),
 * then the document's. Anything else is Fastify's, as before. Returns whether it answered.
 */
export function sendEarlyHit(
  cache: Pick<PageCache, 'getBeforeRouting'>,
  server: http.Server,
  request: IncomingMessage,
  response: ServerResponse,
): boolean {
  const { method, url, headers } = request;
  if ((method !== 'GET' && method !== 'HEAD') || url === undefined) return false;
  if (headers.cookie !== undefined || headers.authorization !== undefined || headers['x-api-key'] !== undefined) return false;
  const document = cache.getBeforeRouting(url);
  if (!document || !server.listening) return false;
  const coding = document.compressible ? negotiateCoding(headers['accept-encoding']) : 'identity';
  const current = document.matching(headers['if-none-match'], coding);
  if (current !== undefined) {
    response.writeHead(304, { ...SECURITY_HEADERS, 'x-page-cache': 'hit', ...document.notModifiedHeaders(current) });
    response.end();
    return true;
  }
  const variant = document.variant(coding);
  if (variant instanceof Promise) return false;
  response.writeHead(document.status, headersOf(variant));
  response.end(variant.body);
  return true;
}

/**
 * Fastify's HTTP server (`serverFactory`), with page-cache hits answered first (`sendEarlyHit`).
 * Set up as Fastify sets up its own: the same timeouts and limits from its options.
 */
export function serverSendingEarlyHits(cache: Pick<PageCache, 'getBeforeRouting'>): FastifyServerFactory {
  return (handler, options) => {
    const server: http.Server = http.createServer((options.http as http.ServerOptions | undefined) ?? {}, (request, response) => {
      if (!sendEarlyHit(cache, server, request, response)) handler(request, response);
    });
    server.keepAliveTimeout = options.keepAliveTimeout as number;
    server.requestTimeout = options.requestTimeout as number;
    server.setTimeout(options.connectionTimeout as number);
    if ((options.maxRequestsPerSocket as number) > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket as number;
    return server;
  };
}
