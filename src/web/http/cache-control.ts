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
} as const;

export function cacheControlForStatus(status: number): string {
  if (status === 200) return CACHE_CONTROL.page;
  if (status === 404) return CACHE_CONTROL.notFound;
  if (status === 410) return CACHE_CONTROL.gone;
  return CACHE_CONTROL.noStore;
}
