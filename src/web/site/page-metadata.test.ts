import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

const SITE_URL = 'https://news.example';

type Json = Record<string, unknown>;

/** Every JSON-LD block of a page, parsed. */
function jsonLdBlocks(html: string): Json[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1] ?? '') as Json);
}

function blockOfType(html: string, type: string): Json {
  const block = jsonLdBlocks(html).find((item) => item['@type'] === type);
  assert.ok(block, `a ${type} block`);
  return block;
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** `<meta property|name="…" content="…">` values of a page, several for a repeated property. */
function metaTags(html: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const match of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) {
    const [, key = '', content = ''] = match;
    tags.set(key, [...(tags.get(key) ?? []), decode(content)]);
  }
  return tags;
}

function crumbs(list: Json): Array<[string, string]> {
  return (list.itemListElement as Json[]).map((item, index) => {
    assert.equal(item.position, index + 1);
    return [item.name as string, item.item as string];
  });
}

describe('page metadata', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const logo = await t.factories.media({ alt: 'Dateline' });
    await t.deps.settings.updatePublication({ name: 'The Dateline Times', timeZone: 'Asia/Seoul', language: 'en-GB', logoMediaId: logo });
  });
  after(() => t.close());

  it('gives an article NewsArticle and BreadcrumbList JSON-LD, OpenGraph and X card tags, and its canonical URL', async () => {
    const section = await t.factories.section({ slug: 'world', name: 'World' });
    const jane = await t.factories.author({ name: 'Jane Reporter', slug: 'jane-reporter' });
    const sam = await t.factories.author({ name: 'Sam Writer', slug: 'sam-writer' });
    const series = await t.factories.series({ slug: 'the-coast', title: 'The Coast' });
    const hero = await t.factories.media({ alt: 'Ships in the harbour' });
    const { slug } = await t.factories.article({
      section,
      slug: 'harbour-reopens',
      authorIds: [jane.id, sam.id],
      headline: 'Harbour reopens after storm',
      standfirst: 'Ships return to the port.',
      tags: ['Shipping', 'Weather'],
      seriesId: series.id,
      seriesPart: 2,
      heroMediaId: hero,
      publishedAt: new Date('2026-11-20T01:30:00.000Z'),
      updatedAt: new Date('2026-11-20T02:45:00.000Z'),
    });

    const response = await t.app.inject(`/article/${slug}`);
    assert.equal(response.statusCode, 200);
    const html = response.body;
    const url = `${SITE_URL}/article/harbour-reopens`;
    assert.match(html, new RegExp(`<link rel="canonical" href="${url}"/>`));

    const article = blockOfType(html, 'NewsArticle');
    assert.equal(article['@context'], 'https://schema.org');
    assert.equal(article.headline, 'Harbour reopens after storm');
    assert.equal(article.description, 'Ships return to the port.');
    assert.equal(article.url, url);
    assert.deepEqual(article.mainEntityOfPage, { '@type': 'WebPage', '@id': url });
    assert.equal(article.datePublished, '2026-11-20T10:30:00+09:00');
    assert.equal(article.dateModified, '2026-11-20T11:45:00+09:00');
    assert.deepEqual(
      (article.author as Json[]).map((person) => [person['@type'], person.name, person.url]),
      [
        ['Person', 'Jane Reporter', `${SITE_URL}/author/jane-reporter`],
        ['Person', 'Sam Writer', `${SITE_URL}/author/sam-writer`],
      ],
    );
    assert.deepEqual(article.image, [
      { '@type': 'ImageObject', url: `${SITE_URL}/media/${hero}-1200.jpg`, width: 1200, height: 675, caption: 'Ships in the harbour' },
    ]);
    const publisher = article.publisher as Json;
    assert.equal(publisher['@type'], 'NewsMediaOrganization');
    assert.equal(publisher.name, 'The Dateline Times');
    assert.equal(publisher.url, `${SITE_URL}/`);
    assert.match((publisher.logo as Json).url as string, /^https:\/\/news\.example\/media\/.+-1200\.jpg$/);
    assert.equal(article.articleSection, 'World');
    assert.deepEqual(article.keywords, ['Shipping', 'Weather']);
    assert.equal(article.inLanguage, 'en-GB');
    assert.deepEqual(article.isPartOf, { '@type': 'CreativeWorkSeries', name: 'The Coast', url: `${SITE_URL}/series/the-coast` });
    assert.equal(article.position, 2);

    assert.deepEqual(crumbs(blockOfType(html, 'BreadcrumbList')), [
      ['The Dateline Times', `${SITE_URL}/`],
      ['World', `${SITE_URL}/section/world`],
      ['Harbour reopens after storm', url],
    ]);

    const meta = metaTags(html);
    assert.deepEqual(meta.get('og:site_name'), ['The Dateline Times']);
    assert.deepEqual(meta.get('og:locale'), ['en_GB']);
    assert.deepEqual(meta.get('og:type'), ['article']);
    assert.deepEqual(meta.get('og:title'), ['Harbour reopens after storm']);
    assert.deepEqual(meta.get('og:description'), ['Ships return to the port.']);
    assert.deepEqual(meta.get('og:url'), [url]);
    assert.deepEqual(meta.get('og:image'), [`${SITE_URL}/media/${hero}-1200.jpg`]);
    assert.deepEqual(meta.get('og:image:width'), ['1200']);
    assert.deepEqual(meta.get('og:image:height'), ['675']);
    assert.deepEqual(meta.get('og:image:alt'), ['Ships in the harbour']);
    assert.deepEqual(meta.get('article:published_time'), ['2026-11-20T10:30:00+09:00']);
    assert.deepEqual(meta.get('article:modified_time'), ['2026-11-20T11:45:00+09:00']);
    assert.deepEqual(meta.get('article:section'), ['World']);
    assert.deepEqual(meta.get('article:tag'), ['Shipping', 'Weather']);
    assert.deepEqual(meta.get('article:author'), [`${SITE_URL}/author/jane-reporter`, `${SITE_URL}/author/sam-writer`]);
    assert.deepEqual(meta.get('twitter:card'), ['summary_large_image']);
    assert.deepEqual(meta.get('twitter:image'), [`${SITE_URL}/media/${hero}-1200.jpg`]);

    // The visible date and time sit between the headline and the body.
    const headlineAt = html.indexOf('id="article-headline"');
    const timeAt = html.indexOf('<time datetime="2026-11-20T01:30:00.000Z"');
    const bodyAt = html.indexOf('Body of story');
    assert.ok(headlineAt < timeAt && timeAt < bodyAt, 'published time between headline and body');
  });

  it('keeps each series part canonical to itself, also behind comment query parameters', async () => {
    const series = await t.factories.series();
    const first = await t.factories.article({ seriesId: series.id, seriesPart: 1, hoursAgo: 2 });
    const second = await t.factories.article({ seriesId: series.id, seriesPart: 2 });
    for (const part of [first, second]) {
      const html = (await t.app.inject(`/article/${part.slug}?comments=liked&cpage=2`)).body;
      assert.match(html, new RegExp(`<link rel="canonical" href="${SITE_URL}/article/${part.slug}"/>`));
      assert.equal(blockOfType(html, 'NewsArticle').url, `${SITE_URL}/article/${part.slug}`);
    }
  });

  it('cannot be broken out of by a headline containing </script>', async () => {
    const headline = 'Markup </script><script>alert(1)</script> in a headline';
    const { slug } = await t.factories.article({ headline });
    const html = (await t.app.inject(`/article/${slug}`)).body;
    assert.doesNotMatch(html, /<script>alert/);
    assert.equal(blockOfType(html, 'NewsArticle').headline, headline);
    assert.deepEqual(metaTags(html).get('og:title'), [headline]);
  });

  it('gives an article without a hero a small card', async () => {
    const { slug } = await t.factories.article();
    const meta = metaTags((await t.app.inject(`/article/${slug}`)).body);
    assert.deepEqual(meta.get('twitter:card'), ['summary']);
    assert.equal(meta.get('og:image'), undefined);
  });

  it('gives section, author, tag and series pages a BreadcrumbList, and the home page a WebSite', async () => {
    const section = await t.factories.section({ slug: 'asia', name: 'Asia' });
    const author = await t.factories.author({ slug: 'min-ji', name: 'Min-ji Park' });
    const series = await t.factories.series({ slug: 'rivers', title: 'Rivers' });
    await t.factories.article({ section, authorIds: [author.id], tags: ['Energy'], seriesId: series.id, seriesPart: 1 });
    const home = ['The Dateline Times', `${SITE_URL}/`];
    const cases: Array<[string, string, string]> = [
      ['/section/asia', 'Asia', `${SITE_URL}/section/asia`],
      ['/author/min-ji', 'Min-ji Park', `${SITE_URL}/author/min-ji`],
      ['/tag/energy', '#Energy', `${SITE_URL}/tag/energy`],
      ['/series/rivers', 'Rivers', `${SITE_URL}/series/rivers`],
    ];
    for (const [path, name, url] of cases) {
      const response = await t.app.inject(path);
      assert.equal(response.statusCode, 200, path);
      assert.deepEqual(crumbs(blockOfType(response.body, 'BreadcrumbList')), [home, [name, url]], path);
      const meta = metaTags(response.body);
      assert.deepEqual(meta.get('og:type'), ['website'], path);
      assert.deepEqual(meta.get('og:url'), [url], path);
    }

    await t.factories.staticPage('about', 'About us');
    const about = (await t.app.inject('/about')).body;
    assert.deepEqual(crumbs(blockOfType(about, 'BreadcrumbList')), [home, ['About us', `${SITE_URL}/about`]]);

    const front = (await t.app.inject('/')).body;
    const webSite = blockOfType(front, 'WebSite');
    assert.equal(webSite.url, `${SITE_URL}/`);
    assert.equal((webSite.publisher as Json)['@type'], 'NewsMediaOrganization');
    assert.deepEqual(metaTags(front).get('og:type'), ['website']);
  });

  it('serves robots.txt as cached plain text that keeps crawlers out of private paths', async () => {
    const response = await t.app.inject('/robots.txt');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/plain; charset=utf-8/);
    assert.equal(response.headers['cache-control'], 'public, max-age=86400, s-maxage=86400');
    const lines = response.body.split('\n');
    assert.equal(lines[0], 'User-agent: *');
    for (const path of ['/newsroom', '/account', '/views', '/comments/', '/search']) {
      assert.ok(lines.includes(`Disallow: ${path}`), path);
    }
    assert.ok(!lines.includes('Disallow: /'), 'the public site stays open');
    assert.ok(lines.includes(`Sitemap: ${SITE_URL}/sitemap.xml`), 'the sitemap index, as an absolute URL');
  });
});
