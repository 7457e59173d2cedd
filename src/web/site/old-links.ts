import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';
import { hasWordpressQuery, isSitePath, normaliseRedirectPath, type NotFoundLog, type RedirectService } from '../../modules/redirects/index.js';
import { AppError } from '../../shared/errors.js';
import { CACHE_CONTROL } from '../http/cache-control.js';

/** What answering old links uses: the redirects, the 404 log, and the site's address for Location. */
export interface OldLinkDeps {
  redirects: Pick<RedirectService, 'resolve'>;
  notFoundLog: Pick<NotFoundLog, 'record'>;
  config: Pick<Config, 'siteUrl'>;
}

const lookedUp = new WeakSet<FastifyRequest>();

/** Areas with 404s of their own: never an old link, never in the 404 log. */
const OWN_AREAS: readonly string[] = ['/newsroom', '/api', '/account'];

/**
 * Whether a request that matched no route may be an old link: a reader's GET or HEAD outside the
 * newsroom, the API and the reader account.
 */
export function mayBeOldLink(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const url = request.url.toLowerCase();
  return !OWN_AREAS.some((area) => url === area || url.startsWith(`${area}/`) || url.startsWith(`${area}?`));
}

/**
 * Whether a request for the home page is one of WordPress's plain links (`/?p=123`, `/?cat=4` …):
 * answered by `answerOldLink`, never with the home page or from the page cache. Other queries
 * (`?utm_source=…`) are the home page as before, and a URL without one costs nothing.
 */
export function isOldHomeLink(url: string): boolean {
  return url.includes('?') && hasWordpressQuery(normaliseRedirectPath(url));
}

/**
 * Answers an old link with a permanent redirect (301) to where it now lives, absolute (`SITE_URL`
 * for a path on this site); when no redirect is stored, counts it in the 404 log (memory only) and
 * returns undefined for the caller's 404. One look-up by primary key.
 */
export async function answerOldLink(deps: OldLinkDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  // Once a request: the home page's old link that found nothing ends in a 404 that passes the
  // error handler, which looks listing routes' unknown slugs up too.
  if (lookedUp.has(request)) return undefined;
  lookedUp.add(request);
  const target = await deps.redirects.resolve(request.url);
  if (target === null) {
    deps.notFoundLog.record(request.url);
    return undefined;
  }
  const location = isSitePath(target) ? `${deps.config.siteUrl}${target}` : target;
  return reply.code(301).header('location', location).header('cache-control', CACHE_CONTROL.redirect).send();
}

/** The home page's old links: the redirect, or a 404 (ERR_NOT_FOUND) so crawlers drop the link. */
export async function answerOldHomeLink(deps: OldLinkDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const redirected = await answerOldLink(deps, request, reply);
  if (redirected) return redirected;
  throw new AppError('ERR_NOT_FOUND');
}
