import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { Edition, EditionService } from '../../modules/editions/index.js';
import { STATIC_PAGE_SLUGS } from '../../modules/pages/index.js';
import type { SiteContext, SiteContextSource } from './site-context.js';

/**
 * The reading site's pages that every edition has, named by the first path segment after an
 * edition's prefix (`/ko/article/…` → `article`; `''` is the edition's home page). Anything else under
 * a prefix (`/ko/newsroom`, `/ko/api`) is not a page of that edition and is not found.
 */
const EDITION_PAGES: ReadonlySet<string> = new Set([
  '',
  'article',
  'section',
  'author',
  'tag',
  'series',
  'search',
  'search.json',
  'pages',
  'feed.xml',
  'feed.atom',
  // A reader's newsletter pages and account pages, in the edition they came from (docs/editions.md),
  // and a comment's own pages and actions (its edit page, like, report), in its story's edition.
  'newsletters',
  'account',
  'comments',
  ...STATIC_PAGE_SLUGS,
]);

/** The edition a request was addressed to, when it is not the default one (set before routing). */
const editionOfRequest = new WeakMap<IncomingMessage, Edition>();

/**
 * The current request's edition prefix (`/ko`, or `''` for the default edition), for the links its
 * page builds (paths.ts). Kept in async context rather than passed down because every component that
 * links to a page would otherwise need it as a prop; it is set for each request before routing, so a
 * request never sees another's. Outside a request (jobs, feeds rendered in the background) it is `''`.
 */
const editionBaseStore = new AsyncLocalStorage<string>();

export function editionBase(): string {
  return editionBaseStore.getStore() ?? '';
}

/** Runs `work` as if in the edition at `base` (`/ko`, or `''`), so that the links it builds point there. */
export function inEditionBase<T>(base: string, work: () => T): T {
  return editionBaseStore.run(base, work);
}

/** The first path segment of a URL path (`/ko/article/x?y` → `ko`; `/` and `/?q` → `''`). */
function firstSegment(url: string): string {
  const end = url.slice(1).search(/[/?#]/);
  return end === -1 ? url.slice(1) : url.slice(1, end + 1);
}

/**
 * Fastify's `rewriteUrl`: a reading-site URL under a switched-on edition's prefix is routed as the
 * default edition's URL (`/ko/section/segye` → `/section/segye`) with its edition remembered for the
 * request; the page cache keys it by the URL as sent (`request.originalUrl`). An unknown or switched-off
 * prefix, or a non-reading path under one, is left alone: no route matches it, so it is a 404 in the
 * default edition's language.
 */
export function editionUrlRewriter(editions: Pick<EditionService, 'byPrefix'>): (raw: IncomingMessage) => string {
  return (raw) => {
    const url = raw.url ?? '/';
    const prefix = firstSegment(url);
    const edition = prefix === '' ? undefined : editions.byPrefix(prefix);
    const rest = edition ? url.slice(prefix.length + 1) : '';
    const path = rest.startsWith('/') ? rest : `/${rest}`;
    if (!edition || !EDITION_PAGES.has(firstSegment(path))) {
      editionBaseStore.enterWith('');
      return url;
    }
    editionOfRequest.set(raw, edition);
    // enterWith, not run: Fastify routes and runs the handler from here, in this request's own
    // async context (each request's, so no other request sees it).
    editionBaseStore.enterWith(`/${edition.pathPrefix}`);
    return path;
  };
}

/** The edition a request is for: the one its prefix named, else the default edition. */
export function requestEdition(request: FastifyRequest, editions: Pick<EditionService, 'defaultEdition'>): Edition {
  return editionOfRequest.get(request.raw) ?? editions.defaultEdition;
}

/** What a page of the reading site is rendered with: the context of the edition it was asked in. */
export function requestSite(deps: EditionSiteDeps, request: FastifyRequest): SiteContext {
  return deps.site.current(requestEdition(request, deps.editions));
}

/**
 * The edition whose stories a list of the publication's (an author's, a tag's, a series', a feed)
 * is narrowed to: the page's edition, or none when the publication has only one edition, so its
 * statements stay those from before editions. Switched-off editions count: their stories are
 * still kept out of the others'.
 */
export function listingEdition(deps: EditionSiteDeps, site: SiteContext): string | undefined {
  return deps.editions.all.length > 1 ? site.edition.id : undefined;
}

export interface EditionSiteDeps {
  site: SiteContextSource;
  editions: Pick<EditionService, 'defaultEdition' | 'all'>;
}
