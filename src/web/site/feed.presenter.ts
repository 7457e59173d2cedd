import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FeedDocument, FeedEnclosure, FeedEntry, FeedFormat, FeedScope, FeedSource, FeedStory } from '../../modules/feeds/index.js';
import { VARIANT_MIME_TYPES, type MediaAsset } from '../../modules/media/index.js';
import { FeedBody } from './components/feed-body.js';
import { paths } from '../shared/paths.js';
import type { SiteContext } from '../shared/site-context.js';
import { siteTranslator } from '../shared/site-translator.js';
import { articleModifiedAt, shareImage } from './structured-data.js';

/** Size in bytes of a file under the media directory, or 0 when it cannot be read. */
export type MediaFileSize = (file: string) => Promise<number>;

/**
 * Turns the stories of a feed into the document both formats are written from: absolute URLs,
 * every author with their page, the section and tags as categories, the hero as an enclosure, and
 * the body as HTML or only the standfirst, as the publication's `feedContent` setting says.
 */
export async function feedDocument(source: FeedSource, site: SiteContext, now: Date, fileSize: MediaFileSize): Promise<FeedDocument> {
  const { publication, siteUrl } = site;
  const heading = feedHeading(source.scope, site);
  const entries = await Promise.all(source.stories.map((story) => feedEntry(story, source.figures, site, fileSize)));
  const newest = entries.reduce<Date | undefined>((latest, entry) => (latest && latest >= entry.updated ? latest : entry.updated), undefined);
  const logo = site.logo ? shareImage(site.logo, siteUrl) : undefined;
  return {
    ...heading,
    pageUrl: `${siteUrl}${heading.pagePath}`,
    feedUrls: { rss: `${siteUrl}${feedPath(source.scope, 'rss')}`, atom: `${siteUrl}${feedPath(source.scope, 'atom')}` },
    language: publication.language,
    copyright: `© ${publication.copyrightHolder}`,
    updated: newest ?? now,
    ...(logo && { imageUrl: logo.url }),
    entries,
  };
}

/** The feed's path in a format: for autodiscovery links and each feed's own `self` link. */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  switch (scope.kind) {
    case 'site':
      return paths.feeds.site(format);
    case 'section':
      return paths.feeds.section(scope.section.slug, format);
    case 'author':
      return paths.feeds.author(scope.author.slug, format);
    case 'series':
      return paths.feeds.series(scope.series.slug, format);
  }
}

function feedHeading(scope: FeedScope, site: SiteContext): { title: string; description: string; pagePath: string } {
  const name = site.publication.name;
  switch (scope.kind) {
    case 'site':
      return { title: name, description: site.publication.description, pagePath: paths.home() };
    case 'section':
      return { title: `${scope.section.name} | ${name}`, description: scope.section.description, pagePath: paths.section(scope.section.slug) };
    case 'author':
      return {
        title: `${scope.author.name} | ${name}`,
        // In the edition's language, as the author's page says it.
        description: siteTranslator(site).t('author.stories', { author: scope.author.name }),
        pagePath: paths.author(scope.author.slug),
      };
    case 'series':
      return { title: `${scope.series.title} | ${name}`, description: scope.series.description, pagePath: paths.series(scope.series.slug) };
  }
}

async function feedEntry(story: FeedStory, figures: Map<string, MediaAsset>, site: SiteContext, fileSize: MediaFileSize): Promise<FeedEntry> {
  const { siteUrl } = site;
  const enclosure = story.hero ? await heroEnclosure(story.hero, siteUrl, fileSize) : undefined;
  return {
    id: `urn:uuid:${story.id}`,
    title: story.headline,
    url: `${siteUrl}${paths.article(story.slug)}`,
    published: story.publishedAt,
    updated: articleModifiedAt(story),
    authors: story.authors.map((author) => ({ name: author.name, email: author.email, url: `${siteUrl}${paths.author(author.slug)}` })),
    categories: [
      { term: story.section.slug, label: story.section.name, url: `${siteUrl}${paths.section(story.section.slug)}` },
      ...story.tags.map((tag) => ({ term: tag.slug, label: tag.name, url: `${siteUrl}${paths.tag(tag.slug)}` })),
    ],
    summary: story.standfirst,
    ...(site.publication.feedContent === 'full' && {
      contentHtml: renderToString(h(FeedBody, { hero: story.hero, body: story.body, figures, siteUrl })),
    }),
    ...(enclosure && { enclosure }),
  };
}

/** The image link previews use (shareImage: the widest JPEG), with its type and size. */
async function heroEnclosure(hero: MediaAsset, siteUrl: string, fileSize: MediaFileSize): Promise<FeedEnclosure | undefined> {
  const image = shareImage(hero, siteUrl);
  const variant = hero.variants.find((candidate) => image?.url === `${siteUrl}${paths.media(candidate.file)}`);
  if (!image || !variant) return undefined;
  return { url: image.url, type: VARIANT_MIME_TYPES[variant.format], length: await fileSize(variant.file) };
}
