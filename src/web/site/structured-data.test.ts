import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../modules/articles/article.types.js';
import type { MediaAsset } from '../../modules/media/media.types.js';
import { DEFAULT_PUBLICATION } from '../../modules/settings/settings.types.js';
import {
  breadcrumbJsonLd,
  newsArticleJsonLd,
  publicationDateTime,
  serializeJsonLd,
  shareImage,
  webSiteJsonLd,
  type StructuredDataSite,
} from './structured-data.js';

const SITE_URL = 'https://news.example';

function site(overrides: Partial<StructuredDataSite['publication']> = {}, logo: MediaAsset | null = null): StructuredDataSite {
  return { publication: { ...DEFAULT_PUBLICATION, name: 'The Dateline Times', ...overrides }, logo, siteUrl: SITE_URL };
}

function asset(id: string): MediaAsset {
  return {
    id,
    mimeType: 'image/png',
    width: 1600,
    height: 900,
    alt: `Alt of ${id}`,
    caption: '',
    credit: '',
    variants: [
      { width: 480, height: 270, format: 'webp', file: `${id}-480.webp` },
      { width: 1600, height: 900, format: 'webp', file: `${id}-1600.webp` },
      { width: 1200, height: 675, format: 'jpeg', file: `${id}-1200.jpg` },
      { width: 640, height: 360, format: 'jpeg', file: `${id}-640.jpg` },
    ],
  };
}

function article(overrides: Partial<Article> = {}): Article {
  return {
    id: 'a1',
    slug: 'harbour-reopens',
    headline: 'Harbour reopens after storm',
    standfirst: 'Ships return to the port.',
    typeLabel: 'News',
    section: { id: 's1', slug: 'world', name: 'World', description: '', position: 1, inNavigation: true, editionId: 'e1' },
    authors: [
      { id: 'p1', slug: 'jane-reporter', name: 'Jane Reporter', email: 'jane@news.example', jobTitle: 'Correspondent', bio: '', photo: null },
      { id: 'p2', slug: 'sam-writer', name: 'Sam Writer', email: 'sam@news.example', jobTitle: '', bio: '', photo: null },
    ],
    hero: null,
    series: null,
    publishedAt: new Date('2026-11-20T05:30:00.000Z'),
    updatedAt: null,
    viewCount: 0,
    commentCount: 0,
    editionId: 'e1',
    status: 'published',
    body: [],
    tags: [],
    figures: new Map(),
    corrections: [],
    seoTitle: null,
    seoDescription: null,
    embargoUntil: null,
    commentsEnabled: true,
    ...overrides,
  };
}

describe('publication dates with their offset', () => {
  it('writes the wall-clock time and offset of the publication, whatever the process zone', () => {
    assert.equal(publicationDateTime(new Date('2026-11-20T05:30:00.000Z'), site({ timeZone: 'Asia/Seoul' })), '2026-11-20T14:30:00+09:00');
    assert.equal(publicationDateTime(new Date('2026-11-20T20:15:42.999Z'), site({ timeZone: 'Asia/Seoul' })), '2026-11-21T05:15:42+09:00');
    assert.equal(publicationDateTime(new Date('2026-11-20T05:30:00.000Z'), site({ timeZone: 'UTC' })), '2026-11-20T05:30:00+00:00');
    assert.equal(publicationDateTime(new Date('2026-11-20T05:30:00.000Z'), site({ timeZone: 'Asia/Kolkata' })), '2026-11-20T11:00:00+05:30');
  });

  it('follows daylight saving in America/New_York, including the repeated hour', () => {
    const ny = site({ timeZone: 'America/New_York' });
    assert.equal(publicationDateTime(new Date('2026-07-01T16:00:00Z'), ny), '2026-07-01T12:00:00-04:00');
    assert.equal(publicationDateTime(new Date('2026-12-01T17:00:00Z'), ny), '2026-12-01T12:00:00-05:00');
    // 1 November 2026: 01:30 happens twice, first in EDT, then in EST.
    assert.equal(publicationDateTime(new Date('2026-11-01T05:30:00Z'), ny), '2026-11-01T01:30:00-04:00');
    assert.equal(publicationDateTime(new Date('2026-11-01T06:30:00Z'), ny), '2026-11-01T01:30:00-05:00');
    // 8 March 2026: clocks jump from 02:00 to 03:00.
    assert.equal(publicationDateTime(new Date('2026-03-08T06:59:59Z'), ny), '2026-03-08T01:59:59-05:00');
    assert.equal(publicationDateTime(new Date('2026-03-08T07:00:00Z'), ny), '2026-03-08T03:00:00-04:00');
  });
});

describe('newsArticleJsonLd', () => {
  it('lists every author as their own Person with the absolute URL of their page', () => {
    const json = newsArticleJsonLd(article(), site());
    assert.deepEqual(json.author, [
      { '@type': 'Person', name: 'Jane Reporter', url: `${SITE_URL}/author/jane-reporter`, jobTitle: 'Correspondent' },
      { '@type': 'Person', name: 'Sam Writer', url: `${SITE_URL}/author/sam-writer` },
    ]);
  });

  it('carries headline, description, URLs, dates with the offset, publisher, section, keywords and language', () => {
    const json = newsArticleJsonLd(
      article({
        updatedAt: new Date('2026-11-20T09:00:00Z'),
        tags: [
          { id: 't1', slug: 'shipping', name: 'Shipping' },
          { id: 't2', slug: 'weather', name: 'Weather' },
        ],
      }),
      site({ timeZone: 'Asia/Seoul', language: 'en-GB' }, asset('logo')),
    );
    assert.equal(json['@context'], 'https://schema.org');
    assert.equal(json['@type'], 'NewsArticle');
    assert.equal(json.headline, 'Harbour reopens after storm');
    assert.equal(json.description, 'Ships return to the port.');
    assert.equal(json.url, `${SITE_URL}/article/harbour-reopens`);
    assert.deepEqual(json.mainEntityOfPage, { '@type': 'WebPage', '@id': `${SITE_URL}/article/harbour-reopens` });
    assert.equal(json.datePublished, '2026-11-20T14:30:00+09:00');
    assert.equal(json.dateModified, '2026-11-20T18:00:00+09:00');
    assert.deepEqual(json.publisher, {
      '@type': 'NewsMediaOrganization',
      name: 'The Dateline Times',
      url: `${SITE_URL}/`,
      logo: { '@type': 'ImageObject', url: `${SITE_URL}/media/logo-1200.jpg`, width: 1200, height: 675 },
    });
    assert.equal(json.articleSection, 'World');
    assert.deepEqual(json.keywords, ['Shipping', 'Weather']);
    assert.equal(json.inLanguage, 'en-GB');
    assert.equal(json.isPartOf, undefined);
  });

  it('uses the publication time as dateModified when the story was never updated', () => {
    const json = newsArticleJsonLd(article(), site({ timeZone: 'America/New_York' }));
    assert.equal(json.datePublished, '2026-11-20T00:30:00-05:00');
    assert.equal(json.dateModified, json.datePublished);
  });

  it('gives the hero and the figures as absolute URLs of their widest JPEG', () => {
    const json = newsArticleJsonLd(article({ hero: asset('hero'), figures: new Map([['fig', asset('fig')]]) }), site());
    assert.deepEqual(json.image, [
      { '@type': 'ImageObject', url: `${SITE_URL}/media/hero-1200.jpg`, width: 1200, height: 675, caption: 'Alt of hero' },
      { '@type': 'ImageObject', url: `${SITE_URL}/media/fig-1200.jpg`, width: 1200, height: 675, caption: 'Alt of fig' },
    ]);
    assert.equal(newsArticleJsonLd(article(), site()).image, undefined);
  });

  it('names the series a part belongs to, with its position', () => {
    const json = newsArticleJsonLd(article({ series: { id: 'se1', slug: 'the-coast', title: 'The Coast', part: 2 } }), site());
    assert.deepEqual(json.isPartOf, { '@type': 'CreativeWorkSeries', name: 'The Coast', url: `${SITE_URL}/series/the-coast` });
    assert.equal(json.position, 2);
  });
});

describe('shareImage', () => {
  it('falls back to the widest variant of any format when there is no JPEG', () => {
    const webpOnly = { ...asset('w'), variants: asset('w').variants.filter((variant) => variant.format === 'webp') };
    assert.deepEqual(shareImage(webpOnly, SITE_URL), { url: `${SITE_URL}/media/w-1600.webp`, width: 1600, height: 900, alt: 'Alt of w' });
    assert.equal(shareImage({ ...asset('none'), variants: [] }, SITE_URL), undefined);
  });
});

describe('breadcrumbJsonLd and webSiteJsonLd', () => {
  it('numbers the crumbs from 1 with absolute URLs', () => {
    const json = breadcrumbJsonLd(
      [
        { name: 'Home', path: '/' },
        { name: 'World', path: '/section/world' },
      ],
      site(),
    );
    assert.deepEqual(json, {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: `${SITE_URL}/` },
        { '@type': 'ListItem', position: 2, name: 'World', item: `${SITE_URL}/section/world` },
      ],
    });
  });

  it('describes the site with its publisher and search', () => {
    const json = webSiteJsonLd(site());
    assert.equal(json['@type'], 'WebSite');
    assert.equal(json.url, `${SITE_URL}/`);
    assert.equal((json.publisher as { name: string }).name, 'The Dateline Times');
  });
});

describe('serializeJsonLd', () => {
  it('cannot be closed by a headline containing </script>, and parses back to the same text', () => {
    const headline = 'Why </script><script>alert(1)</script> & <!-- matter';
    const text = serializeJsonLd(newsArticleJsonLd(article({ headline }), site()));
    assert.doesNotMatch(text, /</);
    assert.doesNotMatch(text, />/);
    assert.equal((JSON.parse(text) as { headline: string }).headline, headline);
  });
});
