import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { MAX_URL_LENGTH } from './request-guard.js';

describe('HTTP behaviour', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('serves a page from the cache the second time, with an ETag that answers 304', async () => {
    const { slug } = await t.factories.article();
    const first = await t.app.inject(`/article/${slug}`);
    assert.equal(first.headers['x-page-cache'], 'miss');
    const second = await t.app.inject(`/article/${slug}?utm_source=newsletter`);
    assert.equal(second.headers['x-page-cache'], 'hit');
    assert.equal(second.body, first.body);
    const etag = String(first.headers['etag']);
    assert.match(etag, /^"[\w-]+"$/);
    const revalidated = await t.app.inject({ url: `/article/${slug}`, headers: { 'if-none-match': `W/${etag}, "other"` } });
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.body, '');
    assert.equal(revalidated.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400');
  });

  it('drops cached pages when content changes', async () => {
    const section = await t.factories.section({ slug: 'asia', name: 'Asia' });
    await t.factories.article({ section, headline: 'First Asia story' });
    const before = await t.app.inject('/');
    assert.match(before.body, /First Asia story/);
    assert.equal((await t.app.inject('/')).headers['x-page-cache'], 'hit');
    await t.factories.article({ section, headline: 'Breaking Asia story', hoursAgo: 0 });
    const afterChange = await t.app.inject('/');
    assert.equal(afterChange.headers['x-page-cache'], 'miss');
    assert.match(afterChange.body, /Breaking Asia story/);
  });

  it('answers HEAD like GET without a body', async () => {
    const response = await t.app.inject({ method: 'HEAD', url: '/' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, '');
    assert.match(String(response.headers['content-type']), /text\/html/);
  });

  it('refuses unreadable URLs with a 400 page, never a 500', async () => {
    const cases: Array<[string, string]> = [
      ['/article/%zz', 'ERR_URL_MALFORMED'],
      ['/article/%C3%28', 'ERR_URL_MALFORMED'],
      ['/section/world?page=%E0%A4%A', 'ERR_URL_MALFORMED'],
      ['/search?q=%FF', 'ERR_URL_MALFORMED'],
      [`/article/${'a'.repeat(MAX_URL_LENGTH)}`, 'ERR_URL_TOO_LONG'],
      [`/search?q=${'b'.repeat(MAX_URL_LENGTH)}`, 'ERR_URL_TOO_LONG'],
    ];
    for (const [url, code] of cases) {
      const response = await t.app.inject(url);
      assert.equal(response.statusCode, 400, url.slice(0, 40));
      assert.equal(response.headers['x-error-code'], code, url.slice(0, 40));
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.match(String(response.headers['content-type']), /text\/html/);
    }
  });

  it('sets Cache-Control on purpose on every kind of response', async () => {
    const expectations: Array<[string, number, string]> = [
      ['/', 200, 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400'],
      ['/no-such-page', 404, 'public, max-age=60, s-maxage=300, stale-while-revalidate=60'],
      ['/healthz', 200, 'no-store'],
      [t.deps.assets.url('site.css'), 200, 'public, max-age=31536000, immutable'],
      ['/assets/site.css?v=old', 200, 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400'],
    ];
    for (const [url, status, cacheControl] of expectations) {
      const response = await t.app.inject(url);
      assert.equal(response.statusCode, status, url);
      assert.equal(response.headers['cache-control'], cacheControl, url);
    }
  });

  it('sends a strict Content-Security-Policy and other protective headers', async () => {
    const response = await t.app.inject('/');
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    // Besides the site's own files, only the view beacon runs, allowed by the hash of its exact text.
    assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
  });

  it('answers /healthz 200 while the database answers, and 503 when it does not', async () => {
    const other = await createTestApp();
    try {
      assert.equal((await other.app.inject('/healthz')).statusCode, 200);
      await other.deps.database.close();
      const down = await other.app.inject('/healthz');
      assert.equal(down.statusCode, 503);
      assert.equal(down.headers['cache-control'], 'no-store');
    } finally {
      await other.app.close();
      await other.close().catch(() => {});
    }
  });

  it('refuses paths that climb out of the media folder', async () => {
    for (const url of ['/media/..%2F..%2Fetc%2Fpasswd', '/media/../../etc/passwd', '/media/.hidden']) {
      const response = await t.app.inject(url);
      assert.ok([400, 403, 404].includes(response.statusCode), `${url} → ${response.statusCode}`);
      assert.doesNotMatch(response.body, /root:/);
    }
  });
});
