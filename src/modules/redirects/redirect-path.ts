import { STATIC_PAGE_SLUGS } from '../pages/index.js';

/** The longest old path kept, normalised, in characters (4 bytes each at most: well inside a btree key). */
export const REDIRECT_PATH_MAX = 500;
/** The longest new address, as stored (percent-encoded). */
export const REDIRECT_TARGET_MAX = 2000;

/** WordPress's ids: a whole number from 1 up, leading zeros dropped (`?p=0123` is `?p=123`). */
function wordpressId(value: string): string | undefined {
  if (!/^[0-9]{1,19}$/.test(value)) return undefined;
  const id = value.replace(/^0+/, '');
  return id === '' ? undefined : id;
}

/** A tag's slug: one path-safe word, nothing that would read as another parameter. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const TAG_SLUG = /^[^\s&=#?/\u0000-\u001F\u007F-\u009F]{1,200}$/u;

/**
 * The query forms of WordPress's default ("plain") links, the only query an old path keeps, in this
 * order of precedence when a link carries several (`/?cat=5&feed=rss2` is the category).
 */
const WORDPRESS_QUERIES: ReadonlyArray<{ key: string; value: (raw: string) => string | undefined }> = [
  { key: 'p', value: wordpressId },
  { key: 'page_id', value: wordpressId },
  { key: 'cat', value: wordpressId },
  { key: 'tag', value: (raw) => (TAG_SLUG.test(raw) ? raw : undefined) },
  { key: 'author', value: wordpressId },
  { key: 'feed', value: (raw) => (raw === 'rss2' || raw === 'rss' || raw === 'atom' ? raw : undefined) },
];

/**
 * Kept percent-encoded in a decoded path: C0 controls, DEL and C1, so a key never holds a raw NUL
 * (PostgreSQL's text cannot); `?` and `#`, so an encoded one never reads as a query or fragment.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const KEPT_ENCODED = /[\u0000-\u001F\u007F-\u009F?#]/g;

/**
 * The one key an old link is stored and looked up under, so every spelling of it finds the same
 * redirect: `/2024/05/31/Slug/`, `/2024/05/31/slug` and `/2024/05/31/%53lug?utm_source=x` are all
 * `/2024/05/31/slug`.
 * - the fragment goes; the path is percent-decoded (invalid sequences are left as they are, never
 *   thrown on), NFC-normalised and lower-cased; control characters, `?` and `#` stay encoded;
 * - one trailing slash goes (`/` stays `/`), and `/index.php` is `/`, as WordPress treats it;
 * - the query goes, except one of WordPress's plain-link forms, kept as the only parameter:
 *   `?p=N`, `?page_id=N`, `?cat=N`, `?tag=slug`, `?author=N`, `?feed=rss2|rss|atom` (so `/?p=123`).
 */
export function normaliseRedirectPath(pathWithQuery: string): string {
  const hash = pathWithQuery.indexOf('#');
  const withoutFragment = hash === -1 ? pathWithQuery : pathWithQuery.slice(0, hash);
  const queryStart = withoutFragment.indexOf('?');
  const rawPath = queryStart === -1 ? withoutFragment : withoutFragment.slice(0, queryStart);
  let path = decoded(rawPath).toLowerCase();
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path === '/index.php') path = '/';
  const query = queryStart === -1 ? undefined : wordpressQuery(withoutFragment.slice(queryStart + 1));
  return query ? `${path}?${query}` : path;
}

/** Whether a normalised key carries one of WordPress's query forms (`/?p=123`). */
export function hasWordpressQuery(key: string): boolean {
  return key.includes('?');
}

function decoded(raw: string): string {
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    text = raw;
  }
  return text.normalize('NFC').replace(KEPT_ENCODED, (char) => encodeURIComponent(char));
}

function wordpressQuery(search: string): string | undefined {
  // Keys compared in lower case, the first of each kept, as the path is.
  const found = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(search)) {
    const name = key.toLowerCase();
    if (!found.has(name)) found.set(name, value);
  }
  for (const form of WORDPRESS_QUERIES) {
    const raw = found.get(form.key);
    if (raw === undefined) continue;
    const value = form.value(raw.normalize('NFC').toLowerCase());
    if (value !== undefined) return `${form.key}=${value}`;
  }
  return undefined;
}

/**
 * Paths Dateline answers itself (web/site, web/system, web/newsroom, web/account, web/api): a
 * redirect from one would never be asked for, since only requests that match no route look one up.
 * A whole segment: `/article` and everything under `/article/`. The route test checks every route
 * the app registers against this list.
 */
const SERVED_PREFIXES: readonly string[] = [
  '/article',
  '/section',
  '/author',
  '/tag',
  '/series',
  '/pages',
  '/sitemaps',
  '/assets',
  '/media',
  '/comments',
  '/views',
  '/account',
  '/newsroom',
  '/api',
  '/_bench',
  '/newsletters',
  '/live',
];
const SERVED_PATHS: ReadonlySet<string> = new Set([
  '/healthz',
  '/robots.txt',
  '/sitemap.xml',
  '/favicon.ico',
  '/apple-touch-icon.png',
  '/feed.xml',
  '/feed.atom',
  '/search',
  '/search.json',
  ...STATIC_PAGE_SLUGS.map((slug) => `/${slug}`),
]);

/**
 * Listing pages whose routes answer an unknown slug by looking up a redirect (app.ts's error
 * handler) before their 404: WordPress used the same shapes (`/tag/x/`, `/author/login/`), and an
 * imported tag or author may have another slug here.
 */
const LOOKED_UP_WHEN_UNKNOWN: readonly string[] = ['/section', '/author', '/tag'];

/**
 * Whether Dateline serves a normalised key's path itself, so no redirect may be kept for it. The
 * home page is served, but `/?p=123` and the other WordPress query forms are old links it answers.
 */
export function isServedPath(key: string): boolean {
  const queryStart = key.indexOf('?');
  const path = queryStart === -1 ? key : key.slice(0, queryStart);
  if (path === '/') return queryStart === -1;
  if (SERVED_PATHS.has(path)) return true;
  if (LOOKED_UP_WHEN_UNKNOWN.some((prefix) => path.startsWith(`${prefix}/`))) return false;
  return SERVED_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The placeholder origin site-relative addresses are parsed against; never stored. */
const PLACEHOLDER_ORIGIN = 'https://dateline.invalid';

/**
 * A new address as stored: a path on this site (`/article/slug`, percent-encoded as a browser
 * would send it) or a full http(s) address elsewhere; a full address on the site itself is kept as
 * its path. Undefined when it is neither (another scheme, `//host`, credentials, too long).
 */
export function redirectTarget(raw: string, siteUrl: string): string | undefined {
  if (raw.startsWith('/')) {
    if (raw.startsWith('//') || raw.startsWith('/\\') || !URL.canParse(raw, PLACEHOLDER_ORIGIN)) return undefined;
    return sitePath(new URL(raw, PLACEHOLDER_ORIGIN), PLACEHOLDER_ORIGIN);
  }
  if (!/^https?:\/\//i.test(raw) || !URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  if (url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
  const site = URL.canParse(siteUrl) ? new URL(siteUrl).origin : undefined;
  const stored = url.origin === site ? sitePath(url, site) : url.href;
  return stored !== undefined && stored.length <= REDIRECT_TARGET_MAX ? stored : undefined;
}

function sitePath(url: URL, origin: string): string | undefined {
  if (url.origin !== origin) return undefined;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.length <= REDIRECT_TARGET_MAX ? path : undefined;
}

/** Whether a stored address is a path on this site (else a full address elsewhere). */
export function isSitePath(target: string): boolean {
  return target.startsWith('/');
}
