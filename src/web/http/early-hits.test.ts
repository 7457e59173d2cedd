import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createApiKey } from '../../testing/api-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Page-cache hits sent before routing (early-hits.ts), over a real socket: inject() skips the server. */
describe('cache hits sent before routing', () => {
  let t: TestApp;
  let port: number;
  let early = 0;
  let slug: string;

  const request = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<Answer>((resolve, reject) => {
      const sent = http.request({ host: '127.0.0.1', port, path, method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      });
      sent.on('error', reject);
      sent.end();
    });
  /** Counts the hits found before routing. */
  const earlyHits = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    const before = early;
    const answer = await request(path, headers, method);
    return { answer, early: early - before };
  };
  const withoutDate = (headers: http.IncomingHttpHeaders) => {
    const { date: _date, ...rest } = headers;
    return rest;
  };

  before(async () => {
    t = await createTestApp();
    slug = (await t.factories.article({ headline: 'Tugboats race at dawn' })).slug;
    const cache = t.deps.pageCache;
    const lookup = cache.getBeforeRouting.bind(cache);
    cache.getBeforeRouting = (url) => {
      const found = lookup(url);
      if (found) early++;
      return found;
    };
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  after(() => t.close());

  it("answer exactly as the route's own cache hit does, in every coding and for HEAD", async () => {
    const path = `/article/${slug}`;
    await request(path);
    for (const [headers, method] of [
      [{}, 'GET'],
      [{ 'accept-encoding': 'br' }, 'GET'],
      [{ 'accept-encoding': 'gzip' }, 'GET'],
      [{ 'accept-encoding': 'br' }, 'HEAD'],
    ] as const) {
      await request(path, headers); // the coding is made by the route, the first time it is asked for
      const { answer: earlyAnswer, early: counted } = await earlyHits(path, headers, method);
      assert.equal(counted, 1, `${JSON.stringify(headers)} ${method}: sent before routing`);
      // Any cookie sends the request through Fastify and the route, to the same cached page.
      const routed = await earlyHits(path, { ...headers, cookie: 'consent=yes' }, method);
      assert.equal(routed.early, 0);
      assert.equal(earlyAnswer.status, 200);
      assert.equal(earlyAnswer.headers['x-page-cache'], 'hit');
      assert.deepEqual(withoutDate(earlyAnswer.headers), withoutDate(routed.answer.headers));
      assert.ok(earlyAnswer.body.equals(routed.answer.body));
      if (method === 'HEAD') assert.equal(earlyAnswer.body.length, 0);
    }
    const etag = String((await request(path, { 'accept-encoding': 'gzip' })).headers.etag);
    const { answer: notModified, early: counted } = await earlyHits(path, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    assert.equal(counted, 1);
    assert.equal(notModified.status, 304);
    assert.equal(notModified.headers.etag, etag);
    assert.equal(notModified.headers.vary, 'Accept-Encoding');
  });

  it("leaves a signed-in reader's page, the Content API and other URLs to the routes", async () => {
    const path = `/article/${slug}`;
    await request(path);
    const reader = await t.factories.reader();
    const personal = await earlyHits(path, { cookie: reader.cookie });
    assert.equal(personal.answer.headers['cache-control'], 'private, no-store');
    assert.equal(personal.early, 0);

    const key = await createApiKey(t);
    const api = `/api/v1/articles/${slug}`;
    await request(api, { authorization: `Bearer ${key}` });
    assert.equal((await request(api, { authorization: `Bearer ${key}` })).headers['x-page-cache'], 'hit');
    const anonymous = await earlyHits(api);
    assert.equal(anonymous.answer.status, 401, 'the key is checked although the answer is cached');
    assert.equal(anonymous.early, 0);

    // A parameter the route does not read: not the cache key itself, so routed (and then a hit).
    const tagged = await earlyHits(`${path}?utm_source=mail`);
    assert.equal(tagged.early, 0);
    assert.equal(tagged.answer.headers['x-page-cache'], 'hit');
  });
});
