import type { Edition } from '../editions/index.js';

/** What sitemaps need of an edition. */
export type SitemapEdition = Pick<Edition, 'id' | 'code' | 'pathPrefix' | 'name' | 'isDefault'>;

/** One `xhtml:link rel="alternate"`: a language (or `x-default`) and the page's address in it. */
export interface SitemapAlternate {
  hreflang: string;
  href: string;
}

/**
 * The hreflang set of a page that exists in several editions: every version (the entry's own
 * included, as Google asks) in the editions' order, then `x-default`, the default edition's version
 * or else the first. The same set for each member, so the links are reciprocal. Undefined for a page
 * in one edition only.
 */
export function hreflangSet(
  editions: readonly SitemapEdition[],
  versions: ReadonlyArray<{ editionId: string; href: string }>,
): SitemapAlternate[] | undefined {
  const ordered = editions.flatMap((edition) => {
    const version = versions.find((candidate) => candidate.editionId === edition.id);
    return version ? [{ edition, href: version.href }] : [];
  });
  if (ordered.length < 2) return undefined;
  const fallback = ordered.find((version) => version.edition.isDefault) ?? ordered[0];
  return [
    ...ordered.map((version) => ({ hreflang: version.edition.code, href: version.href })),
    ...(fallback ? [{ hreflang: 'x-default', href: fallback.href }] : []),
  ];
}
