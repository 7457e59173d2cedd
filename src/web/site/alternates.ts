import type { StoryTranslation } from '../../modules/articles/index.js';
import type { Edition } from '../../modules/editions/index.js';
import type { SiteContext } from '../shared/site-context.js';
import { paths } from '../shared/paths.js';
import type { PageAlternate } from './components/layout.js';

/**
 * The home page of every switched-on edition, for hreflang: each edition's home is the others'
 * translation. None with one edition (an hreflang set of one says nothing).
 */
export function editionHomeAlternates(site: Pick<SiteContext, 'editions'>): PageAlternate[] | undefined {
  return everyEditionAlternates(site, paths.editionHome);
}

/**
 * A page every switched-on edition has at its own address (an author's page lists the author's
 * stories in each edition, and is there even before the first one), for hreflang. None with one
 * edition.
 */
export function everyEditionAlternates(site: Pick<SiteContext, 'editions'>, pathIn: (pathPrefix: string) => string): PageAlternate[] | undefined {
  if (site.editions.length < 2) return undefined;
  return site.editions.map((edition) => ({ language: edition.code, path: pathIn(edition.pathPrefix), isDefault: edition.isDefault }));
}

/** A translation a reader may follow: in a switched-on edition, with its address there. */
export interface ShownTranslation {
  edition: Edition;
  path: string;
  headline: string;
}

/** The story's translations in switched-on editions, in the editions' order. */
export function shownTranslations(site: Pick<SiteContext, 'editions'>, translations: readonly StoryTranslation[]): ShownTranslation[] {
  return site.editions.flatMap((edition) => {
    const translation = translations.find((candidate) => candidate.editionId === edition.id);
    return translation ? [{ edition, path: paths.articleInEdition(edition.pathPrefix, translation.slug), headline: translation.headline }] : [];
  });
}

/**
 * A story and its shown translations, for hreflang: the same set, in the same order, from each of
 * them (reciprocal). `x-default` is the default edition's version, else the first edition's.
 */
export function articleAlternates(
  site: Pick<SiteContext, 'edition' | 'editions'>,
  slug: string,
  shown: readonly ShownTranslation[],
): PageAlternate[] | undefined {
  if (shown.length === 0) return undefined;
  const order = (edition: Edition) => site.editions.findIndex((candidate) => candidate.id === edition.id);
  const versions = [...shown, { edition: site.edition, path: paths.articleInEdition(site.edition.pathPrefix, slug) }].sort(
    (a, b) => order(a.edition) - order(b.edition),
  );
  const fallback = versions.find((version) => version.edition.isDefault) ?? versions[0];
  return versions.map((version) => ({ language: version.edition.code, path: version.path, isDefault: version === fallback }));
}
