import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { xmllint } from '../../testing/xml-schema.js';
import { insertArticle } from '../articles/article.repository.js';
import { NEWS_MAX_STORIES, NEWS_WINDOW_MS } from './google-news.js';
import { ARTICLES_PER_SITEMAP, SITEMAP_REFRESH_INTERVAL_MS, SitemapService, type SitemapDocument, type SitemapUrls } from './sitemap.service.js';

const SITE = 'https://news.example';
/**
 * The URLs a service of a test's own gives out: the site's public paths (src/web/shared/paths.ts),
 * spelt out here because a module's test stays off the web layer. The app's own service
 * (t.deps.sitemaps) uses the real ones, and the tests on it check them.
 */
const URLS: SitemapUrls = {
  home: () => `${SITE}/`,
  article: (slug) => `${SITE}/article/${encodeURIComponent(slug)}`,
  section: (slug) => `${SITE}/section/${encodeURIComponent(slug)}`,
  author: (slug) => `${SITE}/author/${encodeURIComponent(slug)}`,
  series: (slug) => `${SITE}/series/${encodeURIComponent(slug)}`,
  staticPage: (slug) => `${SITE}/${encodeURIComponent(slug)}`,
  sitemap: (name) => `${SITE}/sitemaps/${encodeURIComponent(name)}`,
};

function text(document: SitemapDocument | undefined): string {
  assert.ok(document, 'the sitemap is served');
  return document.body.toString('utf8');
}

function locs(document: SitemapDocument | undefined): string[] {
  return [...text(document).matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1] ?? '');
}

describe('SitemapService', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** A service of its own over the test app's database, with small limits a test can reach. */
  function smallService(options: { articlesPerSitemap?: number; newsMaxStories?: number } = {}): SitemapService {
    return new SitemapService(t.deps.db, t.clock, { urls: URLS, publication: () => t.deps.settings.publication, ...options });
  }

  it('lists only visible stories, and only the authors and series that have one', async () => {
    const section = await t.factories.section({ slug: 'visibility' });
    const emptySection = await t.factories.section({ slug: 'empty-section' });
    const seen = await t.factories.author({ slug: 'seen-author' });
    const unseen = await t.factories.author({ slug: 'unseen-author' });
    const shownSeries = await t.factories.series({ slug: 'shown-series' });
    const hiddenSeries = await t.factories.series({ slug: 'hidden-series' });
    const now = t.clock.now().getTime();
    await t.factories.article({ slug: 'vis-published', section, authorIds: [seen.id], seriesId: shownSeries.id, seriesPart: 1 });
    const hidden = { section, authorIds: [unseen.id], seriesId: hiddenSeries.id, seriesPart: 1 };
    await t.factories.article({ ...hidden, slug: 'vis-draft', status: 'draft' });
    await t.factories.article({ ...hidden, slug: 'vis-review', status: 'in_review' });
    await t.factories.article({ ...hidden, slug: 'vis-scheduled', status: 'scheduled', publishedAt: new Date(now + HOUR_MS) });
    await t.factories.article({ ...hidden, slug: 'vis-future', publishedAt: new Date(now + HOUR_MS) });
    await t.factories.article({ ...hidden, slug: 'vis-embargoed', embargoUntil: new Date(now + HOUR_MS) });
    const withdrawn = await t.factories.article({ ...hidden, slug: 'vis-withdrawn' });
    await t.factories.setStatus(withdrawn.id, 'unpublished');

    const sitemaps = t.deps.sitemaps;
    const storySitemaps = [...sitemaps.names().filter((name) => name.startsWith('articles-')), 'news.xml'];
    const everyStoryUrl = storySitemaps.flatMap((name) => locs(sitemaps.sitemap(name)));
    assert.ok(everyStoryUrl.includes(`${SITE}/article/vis-published`));
    for (const slug of ['vis-draft', 'vis-review', 'vis-scheduled', 'vis-future', 'vis-embargoed', 'vis-withdrawn']) {
      assert.ok(!everyStoryUrl.some((url) => url.endsWith(`/${slug}`)), slug);
    }
    assert.ok(locs(sitemaps.sitemap('authors.xml')).includes(`${SITE}/author/seen-author`));
    assert.ok(!locs(sitemaps.sitemap('authors.xml')).includes(`${SITE}/author/unseen-author`));
    assert.ok(locs(sitemaps.sitemap('series.xml')).includes(`${SITE}/series/shown-series`));
    assert.ok(!locs(sitemaps.sitemap('series.xml')).includes(`${SITE}/series/hidden-series`));
    // A section page exists before its first story, so it is listed, without a lastmod.
    assert.ok(locs(sitemaps.sitemap('sections.xml')).includes(`${SITE}/section/${emptySection.slug}`));
    assert.match(text(sitemaps.sitemap('sections.xml')), /<url><loc>https:\/\/news\.example\/section\/empty-section<\/loc><\/url>/);

    // The embargo lifts with the clock alone: the next scheduled rebuild lists the story.
    t.clock.advance(2 * HOUR_MS);
    await sitemaps.refresh({ scheduled: true });
    const afterwards = sitemaps
      .names()
      .filter((name) => name.startsWith('articles-'))
      .flatMap((name) => locs(sitemaps.sitemap(name)));
    assert.ok(afterwards.includes(`${SITE}/article/vis-embargoed`));
    assert.ok(afterwards.includes(`${SITE}/article/vis-future`));
    assert.ok(!afterwards.includes(`${SITE}/article/vis-scheduled`), 'status scheduled is for the publisher to change');
    assert.ok(!afterwards.includes(`${SITE}/article/vis-withdrawn`));
  });

  it('splits the stories into numbered sitemaps of the given size, oldest first, each in the index', async () => {
    const section = await t.factories.section();
    const start = t.clock.now().getTime() - 1000 * HOUR_MS;
    for (let n = 0; n < 7; n += 1) {
      await t.factories.article({ section, slug: `split-${n}`, publishedAt: new Date(start + n * HOUR_MS) });
    }
    const service = smallService({ articlesPerSitemap: 3 });
    await service.refresh();
    const articleFiles = service.names().filter((name) => name.startsWith('articles-'));
    const total = articleFiles.reduce((sum, name) => sum + locs(service.sitemap(name)).length, 0);
    assert.deepEqual(
      articleFiles,
      Array.from({ length: Math.ceil(total / 3) }, (_, index) => `articles-${index + 1}.xml`),
    );
    for (const name of articleFiles.slice(0, -1)) assert.equal(locs(service.sitemap(name)).length, 3, name);
    // Oldest first: the seven stories, 1,000 hours old, open the first file in publication order.
    assert.deepEqual(
      ['articles-1.xml', 'articles-2.xml', 'articles-3.xml'].flatMap((name) => locs(service.sitemap(name))).slice(0, 7),
      Array.from({ length: 7 }, (_, n) => `${SITE}/article/split-${n}`),
    );
    assert.equal(service.sitemap('articles-0.xml'), undefined);
    assert.equal(service.sitemap(`articles-${articleFiles.length + 1}.xml`), undefined);
    const indexLocs = locs(service.index());
    for (const name of service.names()) assert.ok(indexLocs.includes(`${SITE}/sitemaps/${name}`), name);
    for (const name of articleFiles) {
      const result = xmllint(service.sitemap(name)?.body ?? '', 'urlset');
      assert.ok(result.valid, result.output);
    }
    const index = xmllint(service.index()?.body ?? '', 'index');
    assert.ok(index.valid, index.output);
  });

  it('puts the last 48 hours in the news sitemap, newest first, capped, with name and language', async () => {
    // A month on, so the stories of the tests before are long out of the window.
    t.clock.advance(30 * 24 * HOUR_MS);
    await t.deps.settings.updatePublication({ name: 'The Seoul & Busan "Herald"', language: 'ko-KR' });
    const section = await t.factories.section();
    await t.factories.article({ section, slug: 'news-1h', headline: '항구 재개장 & more', hoursAgo: 1 });
    await t.factories.article({ section, slug: 'news-2h', hoursAgo: 2 });
    await t.factories.article({ section, slug: 'news-47h', hoursAgo: 47 });
    await t.factories.article({ section, slug: 'news-49h', hoursAgo: 49 });

    const news = t.deps.sitemaps.sitemap('news.xml');
    const newsLocs = locs(news);
    const positions = ['news-1h', 'news-2h', 'news-47h'].map((slug) => newsLocs.indexOf(`${SITE}/article/${slug}`));
    assert.ok(
      positions.every((position) => position >= 0),
      'all three are in',
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      'newest first',
    );
    assert.ok(!newsLocs.includes(`${SITE}/article/news-49h`));
    const xml = text(news);
    assert.match(xml, /<news:name>The Seoul &amp; Busan &quot;Herald&quot;<\/news:name><news:language>ko<\/news:language>/);
    assert.match(xml, /<news:title>항구 재개장 &amp; more<\/news:title>/);
    const published = new Date(t.clock.now().getTime() - HOUR_MS).toISOString().replace(/\.\d+Z/, 'Z');
    assert.match(xml, new RegExp(`<loc>${SITE}/article/news-1h</loc><news:news>.*<news:publication_date>${published}</news:publication_date>`));
    const valid = xmllint(news?.body ?? '', 'news');
    assert.ok(valid.valid, valid.output);

    const capped = smallService({ newsMaxStories: 2 });
    await capped.refresh();
    assert.deepEqual(locs(capped.sitemap('news.xml')), [`${SITE}/article/news-1h`, `${SITE}/article/news-2h`]);

    // The window moves with the clock: two hours on, the 47-hour-old story is 49 hours old.
    t.clock.advance(2 * HOUR_MS);
    await t.deps.sitemaps.refresh({ scheduled: true });
    assert.ok(!locs(t.deps.sitemaps.sitemap('news.xml')).includes(`${SITE}/article/news-47h`));
    assert.ok(locs(t.deps.sitemaps.sitemap('news.xml')).includes(`${SITE}/article/news-1h`));
    await t.deps.settings.updatePublication({ name: 'Dateline', language: 'en' });
  });

  it('keeps news.xml, empty, when nothing is recent: Google wants one fixed address', async () => {
    t.clock.advance(10 * 24 * HOUR_MS);
    await t.deps.sitemaps.refresh({ scheduled: true });
    const news = t.deps.sitemaps.sitemap('news.xml');
    assert.deepEqual(locs(news), []);
    assert.ok(xmllint(news?.body ?? '').valid, 'well-formed');
    assert.ok(locs(t.deps.sitemaps.index()).includes(`${SITE}/sitemaps/news.xml`));
  });

  it('uses the protocol limits by default: 50,000 stories a file, 1,000 news stories, refreshed every minute', async () => {
    assert.equal(ARTICLES_PER_SITEMAP, 50_000);
    assert.equal(NEWS_MAX_STORIES, 1_000);
    assert.equal(NEWS_WINDOW_MS, 48 * HOUR_MS);
    assert.equal(SITEMAP_REFRESH_INTERVAL_MS, 60_000);
    const section = await t.factories.section();
    const author = await t.factories.author();
    const now = t.clock.now().getTime();
    // Written without an event each: 1,001 rebuilds would only slow the test down.
    for (let n = 0; n < NEWS_MAX_STORIES + 1; n += 1) {
      await insertArticle(
        t.deps.db,
        {
          slug: `bulk-${n}`,
          headline: `Bulk ${n}`,
          standfirst: 'Bulk.',
          body: [{ type: 'paragraph', content: [{ text: 'Bulk.' }] }],
          sectionId: section.id,
          authorIds: [author.id],
          tagIds: [],
          typeLabel: 'News',
          status: 'published',
          publishedAt: new Date(now - (n + 1) * 60_000),
        },
        t.clock.now(),
      );
    }
    await t.deps.sitemaps.refresh();
    const newsLocs = locs(t.deps.sitemaps.sitemap('news.xml'));
    assert.equal(newsLocs.length, NEWS_MAX_STORIES);
    assert.equal(newsLocs[0], `${SITE}/article/bulk-0`);
    assert.ok(!newsLocs.includes(`${SITE}/article/bulk-1000`), 'the oldest beyond the cap is left out');
    assert.equal(t.deps.sitemaps.names().filter((name) => name.startsWith('articles-')).length, 1, 'all in one file');
  });
});
