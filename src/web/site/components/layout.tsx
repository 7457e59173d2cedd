import type { ComponentChildren } from 'preact';
import type { SiteContext } from '../../shared/site-context.js';
import { IconLinks } from '../../shared/icon-links.js';
import { BreakingBannerStrip } from './breaking-banner.js';
import { Masthead } from './masthead.js';
import { paths } from '../../shared/paths.js';
import { SiteFooter } from './site-footer.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { TranslatorContext } from '../../shared/translator-context.js';
import { SocialMeta, StructuredData, type OpenGraph } from './social-meta.js';
import type { JsonLd } from '../structured-data.js';

export interface PageMeta {
  title: string;
  description: string;
  /** Path of the canonical URL; omitted for error pages. */
  canonicalPath?: string;
  /** Tells search engines to keep the page out of their index (error pages). */
  noindex?: boolean;
  /** OpenGraph and X card data; pages without it are shared as `website` with no image. */
  openGraph?: OpenGraph;
  /** schema.org objects (NewsArticle, BreadcrumbList…), each rendered as a JSON-LD block. */
  structuredData?: readonly JsonLd[];
  /** This page's own feed (a section, author or series), announced beside the site's. */
  feed?: PageFeed;
  /** An Atom-only feed of this page, announced after the others (a live story's updates). */
  atomFeed?: { title: string; atom: string };
  /**
   * The same page in every edition that has it, this one included (hreflang wants the set to name
   * itself and be the same from each member); none when only this edition has it.
   */
  alternates?: readonly PageAlternate[];
}

/** One language's version of a page: its edition's language and the page's path there. */
export interface PageAlternate {
  language: string;
  path: string;
  /** The version for readers whose language none of the set matches (`x-default`). */
  isDefault: boolean;
}

/** A feed named for autodiscovery: its title and the paths of its two formats. */
export interface PageFeed {
  title: string;
  rss: string;
  atom: string;
}

export function Layout({ site, meta, children }: { site: SiteContext; meta: PageMeta; children: ComponentChildren }) {
  const { publication } = site;
  const translator = siteTranslator(site);
  const { t } = translator;
  const fullTitle = meta.title === publication.name ? meta.title : `${meta.title} | ${publication.name}`;
  const canonicalUrl = meta.canonicalPath === undefined ? undefined : `${site.siteUrl}${meta.canonicalPath}`;
  return (
    <html lang={publication.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={meta.description} />
        {canonicalUrl !== undefined && <link rel="canonical" href={canonicalUrl} />}
        {meta.alternates?.map((alternate) => (
          <link key={alternate.language} rel="alternate" hrefLang={alternate.language} href={`${site.siteUrl}${alternate.path}`} />
        ))}
        {meta.alternates
          ?.filter((alternate) => alternate.isDefault)
          .map((alternate) => (
            <link key="x-default" rel="alternate" hrefLang="x-default" href={`${site.siteUrl}${alternate.path}`} />
          ))}
        {meta.noindex && <meta name="robots" content="noindex" />}
        <SocialMeta
          site={site}
          title={meta.title}
          description={meta.description}
          url={canonicalUrl}
          openGraph={meta.openGraph ?? { type: 'website' }}
          otherLanguages={meta.alternates?.map((alternate) => alternate.language).filter((language) => language !== publication.language) ?? []}
        />
        {meta.structuredData && <StructuredData items={meta.structuredData} />}
        {[{ title: publication.name, rss: paths.feeds.site('rss'), atom: paths.feeds.site('atom') }, ...(meta.feed ? [meta.feed] : [])].flatMap(
          (feed) => [
            <link key={feed.rss} rel="alternate" type="application/rss+xml" title={`${feed.title} (RSS)`} href={`${site.siteUrl}${feed.rss}`} />,
            <link key={feed.atom} rel="alternate" type="application/atom+xml" title={`${feed.title} (Atom)`} href={`${site.siteUrl}${feed.atom}`} />,
          ],
        )}
        {meta.atomFeed && (
          <link rel="alternate" type="application/atom+xml" title={meta.atomFeed.title} href={`${site.siteUrl}${meta.atomFeed.atom}`} />
        )}
        <IconLinks icons={site.icons} />
        <link rel="stylesheet" href={site.assetUrl('site.css')} />
        <script src={site.assetUrl('site.js')} defer />
      </head>
      <body>
        {/* A named navigation landmark: "Go to the main page" is no in-page skip link, and content
            outside every landmark is missed by screen-reader users who move from one to the next. */}
        <nav class="skip-links" aria-label={t('layout.skipLinks')}>
          <a class="skip-link" href="#main-content">
            {t('layout.skipToMain')}
          </a>
          <a class="skip-link" href={paths.home()}>
            {t('layout.goToMainTop')}
          </a>
        </nav>
        {site.banner && <BreakingBannerStrip banner={site.banner} />}
        <Masthead site={site} />
        <main id="main-content" tabIndex={-1}>
          <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>
        </main>
        <SiteFooter site={site} />
      </body>
    </html>
  );
}
