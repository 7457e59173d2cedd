import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { xmllint } from '../../testing/xml-schema.js';

const SITE = 'https://news.example';

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1] ?? '');
}

describe('sitemap routes', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const section = await t.factories.section({ slug: 'harbour' });
    const series = await t.factories.series({ slug: 'port-city' });
    await t.factories.article({ section, slug: 'quote-story', headline: 'Q&A: "Tides" <rise> 😀 항구 \u0007', seriesId: series.id, seriesPart: 1 });
    await t.factories.article({ section, slug: 'older-story', hoursAgo: 24 * 30 });
    await t.factories.staticPage('about', 'About us');
    await t.factories.staticPage('our-team', 'Our team');
  });
  after(() => t.close());

  it('serves an index of every sitemap, each of which validates against the published schema', async () => {
    const index = await t.app.inject('/sitemap.xml');
    assert.equal(index.statusCode, 200);
    assert.equal(index.headers['content-type'], 'application/xml; charset=utf-8');
    assert.equal(index.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400');
    const indexCheck = xmllint(index.rawPayload, 'index');
    assert.ok(indexCheck.valid, indexCheck.output);
    assert.equal((index.body.match(/<lastmod>/g) ?? []).length, (index.body.match(/<sitemap>/g) ?? []).length, 'every sitemap has a lastmod');

    const listed = locs(index.body);
    assert.deepEqual(
      listed,
      // Stories by month of publication: the older one 30 days before the test's now (2026-11-20).
      ['pages', 'sections', 'authors', 'series', 'news', 'articles-2026-10', 'articles-2026-11'].map((name) => `${SITE}/sitemaps/${name}.xml`),
    );
    for (const loc of listed) {
      const path = loc.slice(SITE.length);
      const response = await t.app.inject(path);
      assert.equal(response.statusCode, 200, path);
      assert.equal(response.headers['content-type'], 'application/xml; charset=utf-8');
      const check = xmllint(response.rawPayload, path.endsWith('/news.xml') ? 'news' : 'urlset');
      assert.ok(check.valid, `${path}: ${check.output}`);
    }

    const pages = locs((await t.app.inject('/sitemaps/pages.xml')).body);
    assert.deepEqual(pages, [`${SITE}/`, `${SITE}/about`, `${SITE}/pages/our-team`], 'the fixed and the free-standing pages');
    assert.deepEqual(locs((await t.app.inject('/sitemaps/articles-2026-10.xml')).body), [`${SITE}/article/older-story`]);
    const articles = (await t.app.inject('/sitemaps/articles-2026-11.xml')).body;
    assert.deepEqual(locs(articles), [`${SITE}/article/quote-story`]);
    assert.match(articles, /<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/lastmod>/);
    const news = (await t.app.inject('/sitemaps/news.xml')).body;
    assert.deepEqual(locs(news), [`${SITE}/article/quote-story`], 'only the last 48 hours');
    assert.match(news, /<news:title>Q&amp;A: &quot;Tides&quot; &lt;rise&gt; 😀 항구 <\/news:title>/);
    assert.match(news, /<news:name>Dateline<\/news:name><news:language>en<\/news:language>/);
  });

  it('answers 404 for sitemaps that do not exist', async () => {
    const unknown = [
      'articles-0.xml',
      'articles-1.xml',
      'articles-abc.xml',
      'articles-2026-11',
      'articles-2026-11-2.xml',
      'articles-2026-13.xml',
      'articles-1999-01.xml',
      'sitemap.xml',
      'other.xml',
      '%2e%2e%2fsitemap.xml',
    ];
    for (const path of unknown.map((name) => `/sitemaps/${name}`)) {
      const response = await t.app.inject(path);
      assert.equal(response.statusCode, 404, path);
      assert.equal(response.headers['x-error-code'], 'ERR_NOT_FOUND', path);
    }
  });

  it('sends an ETag and answers 304 when the crawler has the current sitemap', async () => {
    for (const path of ['/sitemap.xml', '/sitemaps/news.xml']) {
      const first = await t.app.inject(path);
      const etag = first.headers.etag;
      assert.match(String(etag), /^"[\w-]+"$/);
      const again = await t.app.inject({ url: path, headers: { 'if-none-match': String(etag) } });
      assert.equal(again.statusCode, 304, path);
      assert.equal(again.body, '');
      const stale = await t.app.inject({ url: path, headers: { 'if-none-match': '"something-else"' } });
      assert.equal(stale.statusCode, 200);
    }
  });

  it('shows a story the moment it is published, and drops it from news.xml 48 hours later', async () => {
    const editor = await t.factories.staffUser({ role: 'editor' });
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug: 'fresh-story', headline: 'Fresh story' }));
    const before = await t.app.inject('/sitemaps/news.xml');
    assert.ok(!locs(before.body).includes(`${SITE}/article/fresh-story`), 'a draft is not listed');

    await t.deps.editing.publish(editor, id);
    const news = await t.app.inject({ url: '/sitemaps/news.xml', headers: { 'if-none-match': String(before.headers.etag) } });
    assert.equal(news.statusCode, 200, 'the old ETag no longer matches');
    assert.equal(locs(news.body)[0], `${SITE}/article/fresh-story`, 'newest first');
    assert.ok(locs((await t.app.inject('/sitemaps/articles-2026-11.xml')).body).includes(`${SITE}/article/fresh-story`));

    // No event marks the 48th hour: the minute timer's run does.
    t.clock.advance(48 * HOUR_MS + 60_000);
    await t.deps.sitemaps.refresh({ scheduled: true });
    const later = await t.app.inject('/sitemaps/news.xml');
    assert.ok(!locs(later.body).includes(`${SITE}/article/fresh-story`));
    assert.ok(locs((await t.app.inject('/sitemaps/articles-2026-11.xml')).body).includes(`${SITE}/article/fresh-story`), 'still in the archive');
  });

  it('names the sitemap index in robots.txt, as an absolute URL', async () => {
    const lines = (await t.app.inject('/robots.txt')).body.split('\n');
    assert.ok(lines.includes(`Sitemap: ${SITE}/sitemap.xml`));
  });

  it('stops its timer on close, so the process can exit', async () => {
    const other = await createTestApp();
    const sitemapsJob = () => other.deps.jobs.statuses().find((job) => job.name === 'sitemaps-refresh');
    other.deps.jobs.start();
    assert.notEqual(sitemapsJob()?.nextRunAt, null);
    await other.close();
    assert.equal(sitemapsJob()?.nextRunAt, null);
    assert.equal(other.deps.jobs.state, 'stopped');
  });
});
