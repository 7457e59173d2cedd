import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import { createApiKey } from '../../testing/api-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { negotiateCoding } from './compression.js';

describe('Accept-Encoding negotiation', () => {
  it('prefers br, then gzip, by q-value, falling back to identity', () => {
    const cases: Array<[string | undefined, string]> = [
      [undefined, 'identity'],
      ['', 'identity'],
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['x-gzip', 'gzip'],
      ['br;q=0.5, gzip;q=0.8', 'gzip'],
      ['BR;Q=1, GZIP;q=1', 'br'],
      ['gzip;q=0.5, identity', 'identity'],
      ['*', 'br'],
      ['*;q=0.2, gzip;q=0.1', 'br'],
      ['br;q=0, *', 'gzip'],
      ['deflate', 'identity'],
      ['identity;q=0', 'identity'], // nothing acceptable: identity rather than 406
      ['br;q=0, gzip;q=0, *;q=0', 'identity'],
      ['gzip;q=nonsense, br;q=0.1', 'br'],
    ];
    for (const [header, expected] of cases) assert.equal(negotiateCoding(header), expected, String(header));
  });
});

describe('compressed answers', () => {
  let t: TestApp;
  let apiKey: string;
  const targets: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    apiKey = await createApiKey(t);
    const section = await t.factories.section({ slug: 'harbour', name: 'Harbour' });
    for (let n = 1; n <= 15; n++) {
      await t.factories.article({ slug: `harbour-story-${n}`, headline: `Harbour story number ${n} of the fifteen`, section, hoursAgo: n });
    }
    const index = (await t.app.inject('/sitemap.xml')).body;
    const sitemaps = [...index.matchAll(/<loc>https:\/\/news\.example(\/sitemaps\/[^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
    let largest = { path: '', size: 0 };
    for (const path of sitemaps) {
      const size = (await t.app.inject(path)).rawPayload.length;
      if (size > largest.size) largest = { path, size };
    }
    Object.assign(targets, {
      'article page': '/article/harbour-story-1',
      'home page': '/',
      feed: '/feed.xml',
      sitemap: largest.path,
      'API answer (JSON)': '/api/v1/articles',
      stylesheet: t.deps.assets.url('site.css'),
    });
  });
  after(() => t.close());

  const fetch = (url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') =>
    t.app.inject({ method, url, headers: { ...(url.startsWith('/api/') ? { authorization: `Bearer ${apiKey}` } : {}), ...headers } });

  it('decode to exactly the identity bytes, in br and in gzip, each with Vary and a strong ETag of its own', async () => {
    for (const [name, url] of Object.entries(targets)) {
      const plain = await fetch(url);
      assert.equal(plain.statusCode, 200, name);
      assert.ok(plain.rawPayload.length >= 1024, `${name} is large enough to be compressed`);
      assert.equal(plain.headers['content-encoding'], undefined, name);
      const etags = new Set([plain.headers.etag]);
      for (const [coding, decode] of [
        ['br', zlib.brotliDecompressSync],
        ['gzip', zlib.gunzipSync],
      ] as const) {
        const encoded = await fetch(url, { 'accept-encoding': coding });
        assert.equal(encoded.statusCode, 200, `${name} ${coding}`);
        assert.equal(encoded.headers['content-encoding'], coding, `${name} ${coding}`);
        assert.ok(encoded.rawPayload.length < plain.rawPayload.length, `${name} ${coding} is smaller`);
        assert.ok(decode(encoded.rawPayload).equals(plain.rawPayload), `${name}: ${coding} decodes to the identity bytes`);
        assert.equal(encoded.headers['content-type'], plain.headers['content-type'], name);
        assert.equal(encoded.headers['cache-control'], plain.headers['cache-control'], name);
        assert.match(String(encoded.headers.etag), /^"[^"]+"$/, `${name} ${coding}: a strong ETag`);
        etags.add(encoded.headers.etag);
      }
      assert.equal(etags.size, 3, `${name}: one ETag per coding`);
      for (const response of [plain, await fetch(url, { 'accept-encoding': 'br' }), await fetch(url, { 'accept-encoding': 'gzip' })]) {
        assert.match(String(response.headers.vary), /(^|, )Accept-Encoding$/, name);
      }
    }
  });

  it('answer 304 for the ETag of any coding, with Vary and the same caching headers', async () => {
    for (const [name, url] of Object.entries(targets)) {
      for (const coding of ['identity', 'br', 'gzip']) {
        const headers: Record<string, string> = coding === 'identity' ? {} : { 'accept-encoding': coding };
        const first = await fetch(url, headers);
        const etag = String(first.headers.etag);
        const again = await fetch(url, { ...headers, 'if-none-match': etag });
        assert.equal(again.statusCode, 304, `${name} ${coding}`);
        assert.equal(again.rawPayload.length, 0, `${name} ${coding}`);
        assert.equal(again.headers.etag, etag, `${name} ${coding}`);
        assert.equal(again.headers['content-encoding'], undefined, `${name} ${coding}: a 304 names no coding`);
        assert.equal(again.headers['cache-control'], first.headers['cache-control'], `${name} ${coding}`);
        assert.equal(again.headers.vary, first.headers.vary, `${name} ${coding}`);
        // A copy kept in another coding is just as current.
        const other = await fetch(url, { 'accept-encoding': coding === 'br' ? 'gzip' : 'br', 'if-none-match': `"nope", ${etag}` });
        assert.equal(other.statusCode, 304, `${name}: ${coding}'s ETag asked with another coding`);
        assert.equal(other.headers.etag, etag, name);
      }
    }
  });

  it('answer HEAD with the headers of GET and no body', async () => {
    for (const [name, url] of Object.entries(targets)) {
      for (const coding of ['identity', 'br']) {
        const headers: Record<string, string> = coding === 'identity' ? {} : { 'accept-encoding': coding };
        const get = await fetch(url, headers);
        const head = await fetch(url, headers, 'HEAD');
        assert.equal(head.statusCode, 200, `${name} ${coding}`);
        assert.equal(head.rawPayload.length, 0, `${name} ${coding}`);
        for (const header of ['etag', 'content-encoding', 'content-type', 'vary', 'cache-control', 'content-length']) {
          assert.equal(head.headers[header], get.headers[header], `${name} ${coding} ${header}`);
        }
      }
    }
  });

  it('leaves small answers and personal pages uncompressed, still varying on Accept-Encoding', async () => {
    const robots = await fetch('/robots.txt', { 'accept-encoding': 'br, gzip' });
    assert.ok(robots.rawPayload.length < 1024);
    assert.equal(robots.headers['content-encoding'], undefined);
    assert.equal(robots.headers.vary, 'Accept-Encoding');
    const reader = await t.factories.reader();
    const personal = await fetch('/article/harbour-story-1', { 'accept-encoding': 'br, gzip', cookie: reader.cookie });
    assert.equal(personal.headers['content-encoding'], undefined);
    assert.equal(personal.headers.vary, 'Accept-Encoding');
  });
});
