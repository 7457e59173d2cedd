import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createApiKey } from '../../testing/api-client.js';
import { rawPost, sendRaw } from '../../testing/raw-http.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/** The code in a JSON error body: `{ errors: [{ code, message }] }`. */
const codeIn = (body: string) => (JSON.parse(body) as { errors?: Array<{ code?: string }> }).errors?.[0]?.code;

/**
 * Malformed bodies of every kind, over a real socket (inject() cannot send most of them): each
 * answer is a coded 4xx, and nothing is changed. Multipart bodies: newsroom/media-malformed.test.ts.
 */
describe('malformed request bodies on every route', () => {
  let t: TestApp;
  let port: number;
  const form = 'display-name=Reader&email=reader%40example.com&password=correct-horse-battery';

  before(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  after(() => t.close());

  const readerCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('readers')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers a form body the client stops sending half-way (Content-Length promises more) with ERR_BAD_REQUEST, and signs nobody up', async () => {
    const answer = await sendRaw(
      port,
      rawPost('/account/sign-up', form.slice(0, 20), { 'Content-Type': 'application/x-www-form-urlencoded' }, form.length),
      {
        halfCloseAfterMs: 100,
      },
    );
    assert.equal(answer.status, 400);
    assert.equal(answer.headers['x-error-code'], 'ERR_BAD_REQUEST');
    assert.equal(codeIn(answer.body), 'ERR_BAD_REQUEST');
    assert.equal(await readerCount(), 0);
  });

  it('answers broken chunked encoding with ERR_BAD_REQUEST, and signs nobody up', async () => {
    const request =
      'POST /account/sign-up HTTP/1.1\r\nHost: news.example\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
      `Transfer-Encoding: chunked\r\n\r\nnot-hex\r\n${form}\r\n0\r\n\r\n`;
    const answer = await sendRaw(port, request);
    assert.equal(answer.status, 400);
    assert.equal(answer.headers['x-error-code'], 'ERR_BAD_REQUEST');
    assert.equal(await readerCount(), 0);
  });

  it('answers headers too large to read with 431 ERR_REQUEST_HEADERS_TOO_LARGE', async () => {
    const answer = await sendRaw(port, `GET / HTTP/1.1\r\nHost: news.example\r\nX-Padding: ${'x'.repeat(20_000)}\r\n\r\n`);
    assert.equal(answer.status, 431);
    assert.equal(answer.headers['x-error-code'], 'ERR_REQUEST_HEADERS_TOO_LARGE');
  });

  it('answers bad JSON, another content type and an oversized body with coded 4xx (these already were)', async () => {
    const cases: Array<[string, Buffer, number, string]> = [
      ['bad JSON to a newsroom form', rawPost('/newsroom/sign-in', '{"email":', { 'Content-Type': 'application/json' }), 400, 'ERR_BAD_REQUEST'],
      ['XML to a reader form', rawPost('/account/sign-up', '<form/>', { 'Content-Type': 'application/xml' }), 415, 'ERR_BAD_REQUEST'],
      ['no content type at all', rawPost('/account/sign-up', form, {}), 415, 'ERR_BAD_REQUEST'],
      ['bad JSON to the view beacon', rawPost('/views', '{"article":', { 'Content-Type': 'text/plain' }), 400, 'ERR_VIEW_REPORT_INVALID'],
      [
        'a form to the view beacon',
        rawPost('/views', 'article=1', { 'Content-Type': 'application/x-www-form-urlencoded' }),
        400,
        'ERR_VIEW_REPORT_INVALID',
      ],
      [
        'bad JSON to a comment',
        rawPost('/comments', '{"body":', { 'Content-Type': 'application/json', Accept: 'application/json' }),
        400,
        'ERR_BAD_REQUEST',
      ],
      [
        'a body over the 1 MB limit',
        rawPost('/account/sign-up', `${form}&x=${'y'.repeat(1024 * 1024)}`, { 'Content-Type': 'application/x-www-form-urlencoded' }),
        413,
        'ERR_BAD_REQUEST',
      ],
    ];
    for (const [name, request, status, code] of cases) {
      const answer = await sendRaw(port, request);
      assert.equal(answer.status, status, name);
      assert.equal(answer.headers['x-error-code'], code, name);
    }
    assert.equal(await readerCount(), 0);
  });

  it('answers bad JSON sent to the Content API with a coded JSON error (its GETs ignore a body)', async () => {
    const key = await createApiKey(t);
    const send = (method: string) =>
      sendRaw(
        port,
        `${method} /api/v1/articles HTTP/1.1\r\nHost: news.example\r\nConnection: close\r\nAuthorization: Bearer ${key}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 9\r\n\r\n{"page":,',
      );
    const post = await send('POST');
    assert.ok(post.status >= 400 && post.status < 500, `status ${post.status}`);
    assert.equal(codeIn(post.body), post.headers['x-error-code']);
    assert.equal((await send('GET')).status, 200);
  });
});
