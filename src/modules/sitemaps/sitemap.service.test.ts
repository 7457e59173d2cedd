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

async function text(document: Promise<SitemapDocument | undefined>): Promise<string> {
  const served = await document;
  assert.ok(served, 'the sitemap is served');
  return served.body.toString('utf8');
}

async function locs(document: Promise<SitemapDocument | undefined>): Promise<string[]> {
  return [...(await text(document)).matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1] ?? '');
}

/** The URLs of every story file a service serves. */
async function storyLocs(service: SitemapService): Promise<string[]> {
  const names = (await service.names()).filter((name) => name.startsWith('articles-'));
  return (await Promise.all(names.map((name) => locs(service.sitemap(name))))).flat();
}

describe('SitemapService', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const switchedOn = () => t.deps.editions.all.filter((edition) => edition.enabled);

  /** A service of its own over the test app's database, with small limits a test can reach. */
  function smallService(options: { articlesPerSitemap?: number; newsMaxStories?: number } = {}): SitemapService {
    return new SitemapService(t.deps.db, t.clock, { urls: URLS, publication: () => t.deps.settings.publication, editions: switchedOn, ...options });
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
    const everyStoryUrl = [...(await storyLocs(sitemaps)), ...(await locs(sitemaps.sitemap('news.xml')))];
    assert.ok(everyStoryUrl.includes(`${SITE}/article/vis-published`));
    for (const slug of ['vis-draft', 'vis-review', 'vis-scheduled', 'vis-future', 'vis-embargoed', 'vis-withdrawn']) {
      assert.ok(!everyStoryUrl.some((url) => url.endsWith(`/${slug}`)), slug);
    }
    assert.ok((await locs(sitemaps.sitemap('authors.xml'))).includes(`${SITE}/author/seen-author`));
    assert.ok(!(await locs(sitemaps.sitemap('authors.xml'))).includes(`${SITE}/author/unseen-author`));
    assert.ok((await locs(sitemaps.sitemap('series.xml'))).includes(`${SITE}/series/shown-series`));
    assert.ok(!(await locs(sitemaps.sitemap('series.xml'))).includes(`${SITE}/series/hidden-series`));
    // A section page exists before its first story, so it is listed, without a lastmod.
    assert.ok((await locs(sitemaps.sitemap('sections.xml'))).includes(`${SITE}/section/${emptySection.slug}`));
    assert.match(await text(sitemaps.sitemap('sections.xml')), /<url><loc>https:\/\/news\.example\/section\/empty-section<\/loc><\/url>/);

    // The embargo lifts with the clock alone: the next scheduled run lists the story, and the
    // authors and series it makes visible.
    t.clock.advance(2 * HOUR_MS);
    await sitemaps.refresh({ scheduled: true });
    const afterwards = await storyLocs(sitemaps);
    assert.ok(afterwards.includes(`${SITE}/article/vis-embargoed`));
    assert.ok(afterwards.includes(`${SITE}/article/vis-future`));
    assert.ok(!afterwards.includes(`${SITE}/article/vis-scheduled`), 'status scheduled is for the publisher to change');
    assert.ok(!afterwards.includes(`${SITE}/article/vis-withdrawn`));
    assert.ok((await locs(sitemaps.sitemap('authors.xml'))).includes(`${SITE}/author/unseen-author`));
    assert.ok((await locs(sitemaps.sitemap('series.xml'))).includes(`${SITE}/series/hidden-series`));
  });

  it('files the stories by month of publication, oldest first, a month split at the size given, each in the index', async () => {
    const section = await t.factories.section();
    // Seven stories in the middle of a month well before the others'.
    const start = Date.parse('2026-06-15T00:00:00Z');
    for (let n = 0; n < 7; n += 1) {
      await t.factories.article({ section, slug: `split-${n}`, publishedAt: new Date(start + n * HOUR_MS) });
    }
    const service = smallService({ articlesPerSitemap: 3 });
    await service.refresh();
    const june = (await service.names()).filter((name) => name.startsWith('articles-2026-06'));
    assert.deepEqual(june, ['articles-2026-06.xml', 'articles-2026-06-2.xml', 'articles-2026-06-3.xml']);
    assert.deepEqual(
      (await Promise.all(june.map((name) => locs(service.sitemap(name))))).map((urls) => urls.length),
      [3, 3, 1],
    );
    // Oldest first, in publication order across the month's files.
    assert.deepEqual(
      (await Promise.all(june.map((name) => locs(service.sitemap(name))))).flat(),
      Array.from({ length: 7 }, (_, n) => `${SITE}/article/split-${n}`),
    );
    for (const name of ['articles-0.xml', 'articles-2026-06-4.xml', 'articles-2026-05.xml', 'sitemap.xml']) {
      assert.equal(await service.sitemap(name), undefined, name);
    }
    const names = await service.names();
    const indexLocs = await locs(service.index());
    assert.deepEqual(
      indexLocs,
      names.map((name) => `${SITE}/sitemaps/${name}`),
      'the index names every file, in order',
    );
    assert.deepEqual(names.slice(0, 5), ['pages.xml', 'sections.xml', 'authors.xml', 'series.xml', 'news.xml']);
    for (const name of names.filter((candidate) => candidate.startsWith('articles-'))) {
      const result = xmllint((await service.sitemap(name))?.body ?? '', 'urlset');
      assert.ok(result.valid, result.output);
    }
    const index = xmllint((await service.index())?.body ?? '', 'index');
    assert.ok(index.valid, index.output);
    // Back at the protocol's size, the month is one file again and the others go.
    await t.deps.sitemaps.refresh();
    assert.deepEqual(
      (await t.deps.sitemaps.names()).filter((name) => name.startsWith('articles-2026-06')),
      ['articles-2026-06.xml'],
    );
  });

  it('rewrites only the month of a story that changed; the other months keep their bytes and ETags', async () => {
    const section = await t.factories.section();
    const author = await t.factories.author({ slug: 'monthly-author' });
    await t.factories.article({ section, slug: 'in-april', publishedAt: new Date('2026-04-10T12:00:00Z'), authorIds: [author.id] });
    const may = await t.factories.article({ section, slug: 'in-may', publishedAt: new Date('2026-05-10T12:00:00Z'), authorIds: [author.id] });
    const sitemaps = t.deps.sitemaps;
    const april = await sitemaps.sitemap('articles-2026-04.xml');
    const mayBefore = await sitemaps.sitemap('articles-2026-05.xml');
    assert.ok(april && mayBefore);
    const editor = await t.factories.staffUser({ role: 'editor' });
    await t.deps.editing.unpublish(editor, may.id);
    assert.equal((await sitemaps.sitemap('articles-2026-04.xml'))?.version, april.version, 'April is untouched');
    const mayAfter = await sitemaps.sitemap('articles-2026-05.xml');
    assert.ok(!mayAfter || !(await locs(Promise.resolve(mayAfter))).includes(`${SITE}/article/in-may`), 'the withdrawn story leaves its month');
    // Its author's newest story is now the April one.
    assert.match(await text(sitemaps.sitemap('authors.xml')), /monthly-author<\/loc><lastmod>2026-04-10T12:00:00Z</);
    // A deleted story (its row gone) is found in its month's file by its URL.
    const admin = await t.factories.staffUser({ role: 'admin' });
    const april2 = await t.factories.article({ section, slug: 'also-april', publishedAt: new Date('2026-04-11T12:00:00Z') });
    assert.ok((await locs(sitemaps.sitemap('articles-2026-04.xml'))).includes(`${SITE}/article/also-april`));
    await t.deps.editing.delete(admin, april2.id);
    assert.ok(!(await locs(sitemaps.sitemap('articles-2026-04.xml'))).includes(`${SITE}/article/also-april`));
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
    const newsLocs = await locs(news);
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
    const xml = await text(news);
    assert.match(xml, /<news:name>The Seoul &amp; Busan &quot;Herald&quot;<\/news:name><news:language>ko<\/news:language>/);
    assert.match(xml, /<news:title>항구 재개장 &amp; more<\/news:title>/);
    const published = new Date(t.clock.now().getTime() - HOUR_MS).toISOString().replace(/\.\d+Z/, 'Z');
    assert.match(xml, new RegExp(`<loc>${SITE}/article/news-1h</loc><news:news>.*<news:publication_date>${published}</news:publication_date>`));
    const valid = xmllint((await news)?.body ?? '', 'news');
    assert.ok(valid.valid, valid.output);

    const capped = smallService({ newsMaxStories: 2 });
    await capped.refresh();
    assert.deepEqual(await locs(capped.sitemap('news.xml')), [`${SITE}/article/news-1h`, `${SITE}/article/news-2h`]);

    // The window moves with the clock: two hours on, the 47-hour-old story is 49 hours old.
    t.clock.advance(2 * HOUR_MS);
    await t.deps.sitemaps.refresh({ scheduled: true });
    assert.ok(!(await locs(t.deps.sitemaps.sitemap('news.xml'))).includes(`${SITE}/article/news-47h`));
    assert.ok((await locs(t.deps.sitemaps.sitemap('news.xml'))).includes(`${SITE}/article/news-1h`));
    await t.deps.settings.updatePublication({ name: 'Dateline', language: 'en' });
  });

  it('keeps news.xml, empty, when nothing is recent: Google wants one fixed address', async () => {
    t.clock.advance(10 * 24 * HOUR_MS);
    await t.deps.sitemaps.refresh({ scheduled: true });
    const news = t.deps.sitemaps.sitemap('news.xml');
    assert.deepEqual(await locs(news), []);
    assert.ok(xmllint((await news)?.body ?? '').valid, 'well-formed');
    assert.ok((await locs(t.deps.sitemaps.index())).includes(`${SITE}/sitemaps/news.xml`));
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
    const newsLocs = await locs(t.deps.sitemaps.sitemap('news.xml'));
    assert.equal(newsLocs.length, NEWS_MAX_STORIES);
    assert.equal(newsLocs[0], `${SITE}/article/bulk-0`);
    assert.ok(!newsLocs.includes(`${SITE}/article/bulk-1000`), 'the oldest beyond the cap is left out');
    const names = await t.deps.sitemaps.names();
    assert.ok(!names.some((name) => /^articles-\d{4}-\d\d-\d+\.xml$/.test(name)), 'every month in one file');
  });
  it('serves the stored files after a restart and rebuilds nothing; builds them at start only when none are stored', async () => {
    const section = await t.factories.section();
    const author = await t.factories.author();
    await t.factories.article({ section, slug: 'before-restart' });
    const index = await t.deps.sitemaps.index();
    // Written past the services while the node was down, announced to nobody, and published long
    // enough ago that the minute's catch-up would not look for it: only a rebuild would list it.
    await insertArticle(
      t.deps.db,
      {
        slug: 'while-down',
        headline: 'While down',
        standfirst: '',
        body: [{ type: 'paragraph', content: [{ text: 'Unannounced.' }] }],
        sectionId: section.id,
        authorIds: [author.id],
        tagIds: [],
        typeLabel: 'News',
        status: 'published',
        publishedAt: new Date(t.clock.now().getTime() - 72 * HOUR_MS),
      },
      t.clock.now(),
    );
    const restarted = smallService();
    const { statements } = await t.deps.database.statements.record(() => restarted.loadAtStart());
    assert.ok(statements.length <= 2, 'the index looked up: stored, and for this address?');
    assert.equal((await restarted.index())?.version, index?.version);
    assert.ok((await storyLocs(restarted)).includes(`${SITE}/article/before-restart`));
    assert.ok(!(await storyLocs(restarted)).includes(`${SITE}/article/while-down`));

    // Another address (SITE_URL changed): every file names the old one, so they are built again.
    const moved = new SitemapService(t.deps.db, t.clock, {
      urls: { ...URLS, article: (slug) => `https://moved.example/article/${slug}`, sitemap: (name) => `https://moved.example/sitemaps/${name}` },
      publication: () => t.deps.settings.publication,
      editions: switchedOn,
    });
    await moved.loadAtStart();
    const month = new Date(t.clock.now().getTime() - HOUR_MS).toISOString().slice(0, 7);
    assert.ok((await locs(moved.sitemap(`articles-${month}.xml`))).includes('https://moved.example/article/before-restart'));

    await t.deps.db.deleteFrom('sitemap_files').execute();
    assert.equal(await restarted.index(), undefined);
    await restarted.loadAtStart();
    assert.ok((await storyLocs(restarted)).includes(`${SITE}/article/while-down`), 'built at start');
  });
});
