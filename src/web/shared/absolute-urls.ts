import { paths } from './paths.js';

/**
 * Public URLs made absolute with the configured site URL, for what leaves the site: sitemaps
 * (sitemaps.org wants absolute URLs) and webhook payloads. Domain modules receive these functions
 * rather than importing the web layer.
 */
export function absoluteUrls(siteUrl: string) {
  return {
    home: () => siteUrl + paths.home(),
    article: (slug: string) => siteUrl + paths.article(slug),
    section: (slug: string) => siteUrl + paths.section(slug),
    author: (slug: string) => siteUrl + paths.author(slug),
    series: (slug: string) => siteUrl + paths.series(slug),
    staticPage: (slug: string) => siteUrl + paths.staticPage(slug),
    sitemap: (name: string) => siteUrl + paths.sitemap(name),
  };
}
