/**
 * Paths crawlers have no business in: the newsroom and reader accounts (sign-in walls), the view
 * beacon and comment actions (POST endpoints; a crawled GET would only be noise), and search
 * results (endless, thin pages that are already `noindex`). Rules match by prefix (RFC 9309).
 */
export const ROBOTS_DISALLOWED = ['/newsroom', '/account', '/views', '/comments/', '/search'] as const;

/**
 * robots.txt: everything public may be crawled. The `Sitemap:` line (an absolute URL) comes with the
 * sitemaps themselves; naming one that does not exist yet would only earn crawl errors.
 */
export function robotsTxt(): string {
  return ['User-agent: *', 'Allow: /', ...ROBOTS_DISALLOWED.map((path) => `Disallow: ${path}`), ''].join('\n');
}
