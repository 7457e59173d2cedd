import type { SiteContext } from '../shared/site-context.js';
import { paths } from '../shared/paths.js';
import type { PageAlternate } from './components/layout.js';

/**
 * The home page of every switched-on edition, for hreflang: each edition's home is the others'
 * translation. None with one edition (an hreflang set of one says nothing).
 */
export function editionHomeAlternates(site: Pick<SiteContext, 'editions'>): PageAlternate[] | undefined {
  if (site.editions.length < 2) return undefined;
  return site.editions.map((edition) => ({ language: edition.code, path: paths.editionHome(edition.pathPrefix), isDefault: edition.isDefault }));
}
