import type { Article } from '../../modules/articles/index.js';
import type { LiveCoverage, LiveUpdate } from '../../modules/live/index.js';
import type { MediaAsset } from '../../modules/media/index.js';
import { bodyPlainText } from '../../shared/article-body.js';
import { formatZonedIsoDateTime } from '../../shared/zoned-time.js';
import { paths } from '../shared/paths.js';
import { liveUpdateGist } from './components/live-update.js';
import type { SiteContext } from '../shared/site-context.js';

/** A schema.org object, serialised into a `<script type="application/ld+json">` block. */
export type JsonLd = { [key: string]: unknown };

/** The parts of the site context structured data needs; pure, so tests build it by hand. */
export type StructuredDataSite = Pick<SiteContext, 'publication' | 'logo' | 'siteUrl'>;

export interface Breadcrumb {
  name: string;
  /** Site-relative path; made absolute with the site URL. */
  path: string;
}

export interface ShareImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/**
 * The image search engines and link previews should show: the widest JPEG variant (every crawler
 * reads JPEG; WebP and AVIF are not safe bets for previews), else the widest variant, as an
 * absolute URL.
 */
export function shareImage(asset: MediaAsset, siteUrl: string): ShareImage | undefined {
  const widest = (format?: string) =>
    asset.variants.filter((variant) => format === undefined || variant.format === format).sort((a, b) => b.width - a.width)[0];
  const variant = widest('jpeg') ?? widest();
  if (!variant) return undefined;
  return { url: `${siteUrl}${paths.media(variant.file)}`, width: variant.width, height: variant.height, alt: asset.alt };
}

/** Publication dates carry the publication's own offset (`2026-11-20T14:30:00+09:00`). */
export function publicationDateTime(date: Date, site: StructuredDataSite): string {
  return formatZonedIsoDateTime(date, site.publication.timeZone);
}

/** When the story last changed, for `dateModified`: the update time if later, else publication. */
export function articleModifiedAt(article: Pick<Article, 'publishedAt' | 'updatedAt'>): Date {
  return article.updatedAt && article.updatedAt.getTime() > article.publishedAt.getTime() ? article.updatedAt : article.publishedAt;
}

/** The publication as a `NewsMediaOrganization`, with its logo when one is set. */
export function publisherJsonLd(site: StructuredDataSite): JsonLd {
  const logo = site.logo ? shareImage(site.logo, site.siteUrl) : undefined;
  return {
    '@type': 'NewsMediaOrganization',
    name: site.publication.name,
    url: `${site.siteUrl}${paths.home()}`,
    ...(logo && { logo: { '@type': 'ImageObject', url: logo.url, width: logo.width, height: logo.height } }),
  };
}

/**
 * A story as schema.org `NewsArticle` (Google's article rich results): every author as their own
 * `Person` with their author page, dates with the publication's offset, the hero and figures as
 * absolute image URLs, and the series it belongs to.
 */
export function newsArticleJsonLd(article: Article, site: StructuredDataSite): JsonLd {
  const url = `${site.siteUrl}${paths.article(article.slug)}`;
  const images = [article.hero, ...article.figures.values()]
    .filter((asset): asset is MediaAsset => asset !== null)
    .map((asset) => shareImage(asset, site.siteUrl))
    .filter((image): image is ShareImage => image !== undefined)
    .filter((image, index, all) => all.findIndex((other) => other.url === image.url) === index);
  const description = article.seoDescription ?? article.standfirst;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    ...(description && { description }),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    ...(images.length > 0 && {
      image: images.map((image) => ({ '@type': 'ImageObject', url: image.url, width: image.width, height: image.height, caption: image.alt })),
    }),
    datePublished: publicationDateTime(article.publishedAt, site),
    dateModified: publicationDateTime(articleModifiedAt(article), site),
    author: article.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: `${site.siteUrl}${paths.author(author.slug)}`,
      ...(author.jobTitle && { jobTitle: author.jobTitle }),
    })),
    publisher: publisherJsonLd(site),
    articleSection: article.section.name,
    ...(article.tags.length > 0 && { keywords: article.tags.map((tag) => tag.name) }),
    inLanguage: site.publication.language,
    ...(article.series && {
      isPartOf: {
        '@type': 'CreativeWorkSeries',
        name: article.series.title,
        url: `${site.siteUrl}${paths.series(article.series.slug)}`,
      },
      position: article.series.part,
    }),
  };
}

/**
 * A live story (live or ended) as schema.org `LiveBlogPosting`, a kind of `BlogPosting` and so of
 * `Article`: the story's `NewsArticle` properties, the coverage's start (the story's publication)
 * and end (once ended), and the updates this page shows as `BlogPosting`s, each at its own anchor.
 */
export function liveBlogPostingJsonLd(
  article: Article,
  site: StructuredDataSite,
  live: { coverage: Pick<LiveCoverage, 'endedAt'>; updates: readonly LiveUpdate[] },
): JsonLd {
  const story = newsArticleJsonLd(article, site);
  const url = `${site.siteUrl}${paths.article(article.slug)}`;
  const publisher = publisherJsonLd(site);
  return {
    ...story,
    '@type': 'LiveBlogPosting',
    coverageStartTime: publicationDateTime(article.publishedAt, site),
    ...(live.coverage.endedAt && { coverageEndTime: publicationDateTime(live.coverage.endedAt, site) }),
    liveBlogUpdate: live.updates.map((update) => ({
      '@type': 'BlogPosting',
      // Google reads at most 110 characters of a headline.
      headline: liveUpdateGist(update, 110) || publicationDateTime(update.createdAt, site),
      articleBody: bodyPlainText(update.body),
      url: `${url}#update-${update.id}`,
      datePublished: publicationDateTime(update.createdAt, site),
      dateModified: publicationDateTime(update.editedAt ?? update.createdAt, site),
      author: { '@type': 'Person', name: update.authorName },
      publisher,
      inLanguage: site.publication.language,
    })),
  };
}

/** A `BreadcrumbList` of absolute URLs, positions counted from 1. */
export function breadcrumbJsonLd(items: readonly Breadcrumb[], site: Pick<SiteContext, 'siteUrl'>): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: `${site.siteUrl}${item.path}`,
    })),
  };
}

/** The home page's `WebSite`, published by the organisation, with the site search as its action. */
export function webSiteJsonLd(site: StructuredDataSite): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.publication.name,
    url: `${site.siteUrl}${paths.home()}`,
    ...(site.publication.description && { description: site.publication.description }),
    inLanguage: site.publication.language,
    publisher: publisherJsonLd(site),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${site.siteUrl}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** The first crumb of every trail. */
export function homeCrumb(site: StructuredDataSite): Breadcrumb {
  return { name: site.publication.name, path: paths.home() };
}

/**
 * JSON for a `<script type="application/ld+json">` block. The block is data, never run (so the CSP
 * allows it), but the HTML parser still ends it at `</script`: every `<` is written as `\u003c`,
 * which JSON readers decode back, so no headline can close the block. `>` and `&` follow suit.
 */
export function serializeJsonLd(value: JsonLd): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
