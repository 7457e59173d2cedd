/**
 * Every response's Cache-Control, chosen here on purpose and nowhere else.
 * - Public pages, feeds and sitemaps: browsers keep them a minute (`max-age=60`) and then revalidate
 *   with the ETag (a cheap 304). A CDN in front may keep them five minutes (`s-maxage=300`) because
 *   the purge hook (modules/cdn) drops a page the moment its story, section or lists change; the
 *   five minutes only bound what no purge announces, the view counts pages show. While it refetches,
 *   the CDN may answer from the stale copy for another minute (`stale-while-revalidate=60`), so no
 *   reader waits on the origin; and if the origin is down it may keep serving it for a day
 *   (`stale-if-error=86400`), so an outage shows yesterday's site rather than an error.
 * - Missing pages (404) may be published soon: like pages, and tagged `missing`, which every
 *   publication purges. A withdrawn story (410) stays withdrawn: browsers keep it an hour, the CDN a
 *   day (purged too if it comes back).
 * - Assets and media have content-addressed names and never change under the same URL.
 * - Errors caused by the request, server errors and health checks are never stored.
 * - A page rendered for a signed-in reader is theirs alone: private, and not stored even by their
 *   browser. A CDN must not answer such a reader from its shared copy either: it passes requests
 *   carrying the reader or newsroom cookie to the origin (docs/cdn.md), rather than `Vary: Cookie`,
 *   which would split the shared copy per visitor's cookies (analytics, consent) and empty the CDN.
 * - Text answers vary on Accept-Encoding (`Vary`, set where they are sent: stored-document.ts): the
 *   app sends brotli, gzip or identity as asked, each coding with an ETag of its own.
 * - robots.txt changes only with a release; crawlers fetch it about daily anyway.
 * - An old link's permanent redirect (301, modules/redirects): kept five minutes by browsers and a
 *   CDN alike, since no purge announces a redirect added or removed in the newsroom; a 301 without
 *   Cache-Control would be kept by browsers for as long as they like.
 */
export const CACHE_CONTROL = {
  page: 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400',
  notFound: 'public, max-age=60, s-maxage=300, stale-while-revalidate=60',
  gone: 'public, max-age=3600, s-maxage=86400',
  redirect: 'public, max-age=300, s-maxage=300',
  immutable: 'public, max-age=31536000, immutable',
  noStore: 'no-store',
  /** Pages rendered for one signed-in reader (their comment form and controls): never stored or shared. */
  personal: 'private, no-store',
  /** robots.txt: the same for a day. */
  robots: 'public, max-age=86400, s-maxage=86400',
  /**
   * /favicon.ico and /apple-touch-icon.png by their bare names (pages link them versioned, immutable):
   * browsers keep an icon an hour, a CDN a day, since a new icon in the settings purges `site`.
   */
  icon: 'public, max-age=3600, s-maxage=86400',
  /**
   * Content API answers (/api/v1): each is fetched with a partner's key, which is checked on every
   * request (revoked keys stop at once, requests are counted per key), so no shared cache may keep
   * one and answer another client; the partner's own cache may reuse it for a minute, then revalidate
   * with the ETag.
   */
  api: 'private, max-age=60',
  /**
   * Sitemaps: rebuilt in memory on every content change and every minute (the news sitemap's
   * 48-hour window moves with the clock), so a minute like pages; crawlers revalidate by ETag, and
   * an unchanged sitemap costs them a 304.
   */
  sitemap: 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400',
} as const;

export function cacheControlForStatus(status: number): string {
  if (status === 200) return CACHE_CONTROL.page;
  if (status === 404) return CACHE_CONTROL.notFound;
  if (status === 410) return CACHE_CONTROL.gone;
  return CACHE_CONTROL.noStore;
}
