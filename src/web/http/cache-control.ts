/**
 * Every response's Cache-Control, chosen here on purpose and nowhere else.
 * - Public pages change when stories, view counts and lists change: browsers and shared caches may
 *   keep them a minute and must revalidate after (ETag makes that a cheap 304).
 * - Missing pages may be published soon, so they are kept as briefly as pages.
 * - A withdrawn story stays withdrawn; caches may keep the 410 longer.
 * - Assets and media have content-addressed names and never change under the same URL.
 * - Errors caused by the request, server errors and health checks are never stored.
 * - A page rendered for a signed-in reader is theirs alone: private, and not stored even by their browser.
 * - robots.txt changes only with a release; crawlers fetch it about daily anyway.
 */
export const CACHE_CONTROL = {
  page: 'public, max-age=60, must-revalidate',
  notFound: 'public, max-age=60, must-revalidate',
  gone: 'public, max-age=3600',
  immutable: 'public, max-age=31536000, immutable',
  noStore: 'no-store',
  /** Pages rendered for one signed-in reader (their comment form and controls): never stored or shared. */
  personal: 'private, no-store',
  /** robots.txt: the same for a day. */
  robots: 'public, max-age=86400',
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
  sitemap: 'public, max-age=60, must-revalidate',
} as const;

export function cacheControlForStatus(status: number): string {
  if (status === 200) return CACHE_CONTROL.page;
  if (status === 404) return CACHE_CONTROL.notFound;
  if (status === 410) return CACHE_CONTROL.gone;
  return CACHE_CONTROL.noStore;
}
