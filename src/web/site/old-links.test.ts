import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importRedirects, NOT_FOUND_LOG_FLUSH_JOB } from '../../modules/redirects/index.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('old links: redirects for requests that match no route, and the 404 log', () => {
  let t: TestApp;
  let slug: string;
  before(async () => {
    t = await createTestApp();
    ({ slug } = await t.factories.article({ headline: 'Harbour reopens after storm' }));
    const result = await importRedirects(t.deps.db, [
      { path: '/2024/05/31/harbour-reopens/', target: `/article/${slug}` },
      { path: '/harbour-reopens', target: `/article/${slug}` },
      { path: 'https://old.example/?p=123', target: `/article/${slug}` },
      { path: '/?cat=4', target: '/section/world' },
      { path: '/partner-story', target: 'https://partner.example/story?id=7' },
    ]);
    assert.equal(result.added, 5);
  });
  after(() => t.close());

  const flush = () => t.deps.jobs.run(NOT_FOUND_LOG_FLUSH_JOB);
  /** A GET and every statement it ran. */
  const recorded = (url: string) => t.deps.database.statements.record(() => t.app.inject(url));
  const logged = async () => new Map((await t.deps.notFoundLog.mostHit(100)).map((entry) => [entry.path, entry.hits]));

  it('answers an imported old link with a permanent redirect to its absolute new address', async () => {
    const location = `https://news.example/article/${slug}`;
    for (const url of [
      '/2024/05/31/harbour-reopens/',
      '/2024/05/31/Harbour-Reopens',
      '/harbour-reopens',
      '/harbour-reopens/?utm_source=x',
      '/?p=123',
    ]) {
      const response = await t.app.inject(url);
      assert.equal(response.statusCode, 301, url);
      assert.equal(response.headers.location, location, url);
      assert.equal(response.headers['cache-control'], 'public, max-age=300, s-maxage=300', url);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', 'the security headers every answer carries');
    }
    const head = await t.app.inject({ method: 'HEAD', url: '/harbour-reopens' });
    assert.equal(head.statusCode, 301);
    assert.equal(head.headers.location, location);
    assert.equal((await t.app.inject('/index.php?p=123')).headers.location, location);
    assert.equal((await t.app.inject('/?cat=4&feed=rss2')).headers.location, 'https://news.example/section/world');
    assert.equal((await t.app.inject('/partner-story')).headers.location, 'https://partner.example/story?id=7');
    // The redirect leads to the story itself.
    assert.equal((await t.app.inject(`/article/${slug}`)).statusCode, 200);
  });

  it('answers an unknown old link 404 as before, and counts it in the 404 log once the job flushes', async () => {
    const response = await t.app.inject('/2019/01/01/Never-Was/');
    assert.equal(response.statusCode, 404);
    assert.equal(response.headers['x-error-code'], 'ERR_NOT_FOUND');
    assert.equal(response.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=60');
    await t.app.inject('/2019/01/01/never-was?utm_source=x');
    assert.equal((await logged()).get('/2019/01/01/never-was'), undefined, 'not written on the request');
    await flush();
    assert.equal((await logged()).get('/2019/01/01/never-was'), 2);
  });

  it('answers WordPress links on the home page with their redirect or a 404, never the cached home page', async () => {
    const home = await t.app.inject('/');
    assert.equal(home.statusCode, 200);
    assert.equal((await t.app.inject('/')).headers['x-page-cache'], 'hit');
    const cached = t.deps.pageCache.size;

    const unknown = await t.app.inject('/?p=999');
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.headers['x-error-code'], 'ERR_NOT_FOUND');
    assert.equal(unknown.headers['x-page-cache'], undefined);
    for (const url of ['/?page_id=5', '/?tag=harbour', '/?author=2', '/?feed=rss2', '/?P=999']) {
      assert.equal((await t.app.inject(url)).statusCode, 404, url);
    }
    assert.equal((await t.app.inject('/?p=123')).statusCode, 301);

    // Any other query is the home page, from the one entry keyed `/`: no query fills the cache.
    for (const url of ['/?utm_source=newsletter', '/?s=harbour', '/?p=abc', '/?x=1&y=2']) {
      const response = await t.app.inject(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['x-page-cache'], 'hit', url);
    }
    assert.equal(t.deps.pageCache.size, cached);
    for (const url of ['/?p=999', '/?p=123', '/?utm_source=newsletter']) assert.equal(t.deps.pageCache.getBeforeRouting(url), undefined, url);

    await flush();
    const counts = await logged();
    assert.equal(counts.get('/?p=999'), 2, '/?p=999 and /?P=999');
    assert.equal(counts.get('/?feed=rss2'), 1);
    assert.equal(counts.get('/'), undefined, 'the home page itself is never logged');
  });

  it('leaves the newsroom, the API, the reader account and other methods alone: no look-up, no log', async () => {
    await flush();
    const before = await logged();
    for (const url of ['/newsroom/no-such-page', '/api/v2/articles', '/api/v1/nothing', '/account/nothing', '/NEWSROOM/x']) {
      const { result, statements } = await recorded(url);
      assert.ok(result.statusCode === 404 || result.statusCode === 401, `${url}: ${result.statusCode}`);
      assert.ok(!statements.some((statement) => /redirects|not_found_paths/.test(statement.sql)), `${url} looked a redirect up`);
    }
    const post = await t.app.inject({ method: 'POST', url: '/harbour-reopens' });
    assert.equal(post.statusCode, 404, 'only GET and HEAD are redirected');
    await flush();
    assert.deepEqual(await logged(), before);
  });

  it('costs a page that matches a route nothing: no statement touches the redirects', async () => {
    // (An unknown section, author or tag is looked up: an imported site's old listing may have had that slug.)
    for (const url of [`/article/${slug}`, '/', '/about', '/article/no-such-story']) {
      const { statements } = await recorded(url);
      assert.ok(!statements.some((statement) => /redirects|not_found_paths/.test(statement.sql)), url);
    }
    const page = await t.app.inject(`/article/${slug}`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers.location, undefined);
    await flush();
    assert.equal((await logged()).get('/article/no-such-story'), undefined, 'a route’s own 404 is not an old link');
  });
});
