import { paths } from '../shared/paths.js';

/**
 * Paths crawlers have no business in: the newsroom and reader accounts (sign-in walls), the view
 * beacon and comment actions (POST endpoints; a crawled GET would only be noise), and search
 * results (endless, thin pages that are already `noindex`). Rules match by prefix (RFC 9309).
 */
export const ROBOTS_DISALLOWED = ['/newsroom', '/account', '/views', '/comments/', '/search'] as const;

/**
 * robots.txt: everything public may be crawled, and the sitemap index is named (RFC 9309 leaves
 * `Sitemap:` to sitemaps.org, which wants an absolute URL: the configured site URL).
 */
export function robotsTxt(siteUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...ROBOTS_DISALLOWED.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${siteUrl}${paths.sitemapIndex()}`,
    '',
  ].join('\n');
}
