import { paths } from './paths.js';
import { inEditionBase } from './request-edition.js';

/**
 * Public URLs made absolute with the configured site URL, for what leaves the site: sitemaps
 * (sitemaps.org wants absolute URLs) and webhook payloads. Domain modules receive these functions
 * rather than importing the web layer. Each is built in the edition named (`pathPrefix`, `''` for the
 * default one), never in whatever request or job happens to be running.
 */
export function absoluteUrls(siteUrl: string) {
  const inEdition = (pathPrefix: string, path: () => string) => siteUrl + inEditionBase(pathPrefix ? `/${pathPrefix}` : '', path);
  return {
    home: (pathPrefix = '') => inEdition(pathPrefix, () => paths.home()),
    article: (slug: string, pathPrefix = '') => inEdition(pathPrefix, () => paths.article(slug)),
    section: (slug: string, pathPrefix = '') => inEdition(pathPrefix, () => paths.section(slug)),
    author: (slug: string, pathPrefix = '') => inEdition(pathPrefix, () => paths.author(slug)),
    series: (slug: string, pathPrefix = '') => inEdition(pathPrefix, () => paths.series(slug)),
    staticPage: (slug: string) => inEdition('', () => paths.staticPage(slug)),
    sitemap: (name: string) => siteUrl + paths.sitemap(name),
  };
}
