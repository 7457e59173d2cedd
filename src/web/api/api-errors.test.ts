import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_API_KEY_LIMITS } from '../../modules/api-keys/api-key.service.js';
import { apiGet, createApiKey, errorCode } from '../../testing/api-client.js';
import { assertMatchesOpenApi } from '../../testing/openapi-validator.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('the Content API: keys, bad input and limits', () => {
  let t: TestApp;
  let key: string;
  before(async () => {
    t = await createTestApp();
    key = await createApiKey(t);
    await t.factories.article({ slug: 'a-story', section: await t.factories.section({ slug: 'world' }) });
  });
  after(() => t.close());

  it('needs a valid key: missing, unknown, malformed and revoked keys are 401s with their own codes', async () => {
    const missing = await apiGet(t, '/api/v1/articles', null);
    assert.equal(missing.statusCode, 401);
    assert.equal(errorCode(missing), 'ERR_API_KEY_REQUIRED');
    assert.equal(missing.headers['x-error-code'], 'ERR_API_KEY_REQUIRED');
    assert.equal(missing.headers['cache-control'], 'no-store');
    assert.equal(errorCode(await apiGet(t, '/api/v1/articles', `dl_live_${'x'.repeat(43)}`)), 'ERR_API_KEY_INVALID');
    assert.equal(errorCode(await apiGet(t, '/api/v1/articles', 'short')), 'ERR_API_KEY_INVALID');
    assert.equal(errorCode(await apiGet(t, '/api/v1/articles', null, { authorization: 'Basic dXNlcjpwYXNz' })), 'ERR_API_KEY_INVALID');
    assert.equal(errorCode(await apiGet(t, '/api/v1/articles', null, { 'x-api-key': '' })), 'ERR_API_KEY_REQUIRED');
    assert.equal((await apiGet(t, '/api/v1/articles', null, { 'x-api-key': key })).statusCode, 200, 'X-Api-Key works too');
    assert.equal((await apiGet(t, '/api/v1/articles', null, { authorization: `bearer ${key}` })).statusCode, 200);

    const doomed = await createApiKey(t, 'Doomed');
    assert.equal((await apiGet(t, '/api/v1/articles', doomed)).statusCode, 200);
    const [listed] = (await t.deps.apiKeys.list()).filter((apiKey) => apiKey.name === 'Doomed');
    await t.deps.apiKeys.revoke(String(listed?.id), String(listed?.createdByUserId));
    const revoked = await apiGet(t, '/api/v1/articles', doomed);
    assert.equal(revoked.statusCode, 401);
    assert.equal(errorCode(revoked), 'ERR_API_KEY_REVOKED');
    assert.equal((await apiGet(t, '/api/v1/openapi.json', null)).statusCode, 200, 'the document needs no key');
  });

  it('refuses bad page numbers and page sizes with a 400, never a 500', async () => {
    for (const page of ['-1', '0', 'abc', '1.5', '1e3', '100001', '99999999999999999999', '', '%20']) {
      const response = await apiGet(t, `/api/v1/articles?page=${page}`, key);
      assert.equal(response.statusCode, 400, `page=${page}`);
      assert.equal(errorCode(response), 'ERR_INVALID_PAGE_NUMBER');
    }
    for (const perPage of ['0', '-5', '101', '1000', 'abc', '']) {
      const response = await apiGet(t, `/api/v1/articles?per_page=${perPage}`, key);
      assert.equal(response.statusCode, 400, `per_page=${perPage}`);
      assert.equal(errorCode(response), 'ERR_API_PER_PAGE_INVALID');
    }
    assert.equal(errorCode(await apiGet(t, '/api/v1/articles?page=1&page=2', key)), 'ERR_API_PARAMETER_INVALID');
    assert.equal((await apiGet(t, '/api/v1/articles?page=100000&per_page=100', key)).statusCode, 200, 'the largest page is an empty page');
    assert.equal(errorCode(await apiGet(t, '/api/v1/search?q=x&page=0', key)), 'ERR_INVALID_PAGE_NUMBER');
  });

  it('refuses unknown parameters, unknown fields and unusable filter values', async () => {
    const cases: Array<[string, string]> = [
      ['/api/v1/articles?secton=world', 'ERR_API_PARAMETER_UNKNOWN'],
      ['/api/v1/sections?page=2', 'ERR_API_PARAMETER_UNKNOWN'],
      ['/api/v1/articles/a-story?section=world', 'ERR_API_PARAMETER_UNKNOWN'],
      ['/api/v1/articles?fields=headline,password', 'ERR_API_FIELD_UNKNOWN'],
      ['/api/v1/articles?fields=body', 'ERR_API_FIELD_UNKNOWN'],
      ['/api/v1/articles/a-story?fields=status', 'ERR_API_FIELD_UNKNOWN'],
      ['/api/v1/authors?fields=email', 'ERR_API_FIELD_UNKNOWN'],
      ['/api/v1/articles?fields=', 'ERR_API_PARAMETER_INVALID'],
      ['/api/v1/articles?fields=id,,headline', 'ERR_API_PARAMETER_INVALID'],
      ['/api/v1/articles?section=nowhere', 'ERR_API_PARAMETER_INVALID'],
      ['/api/v1/articles?author=nobody', 'ERR_API_PARAMETER_INVALID'],
      ['/api/v1/articles?tag=Not%20A%20Slug', 'ERR_API_PARAMETER_INVALID'],
      ['/api/v1/articles?series=%27%3B%20drop%20table%20articles', 'ERR_API_PARAMETER_INVALID'],
      ['/api/v1/articles?published_after=yesterday', 'ERR_API_PARAMETER_INVALID'],
      ['/api/v1/articles?published_after=2026-02-31', 'ERR_API_PARAMETER_INVALID'],
      ['/api/v1/articles?published_before=2026-11-20T25:00:00Z', 'ERR_API_PARAMETER_INVALID'],
      ['/api/v1/articles?published_before=2026-11-20T10:00:00', 'ERR_API_PARAMETER_INVALID'],
      ['/api/v1/articles?sort=popular', 'ERR_API_PARAMETER_INVALID'],
    ];
    for (const [url, code] of cases) {
      const response = await apiGet(t, url, key);
      assert.equal(response.statusCode, 400, url);
      assert.equal(errorCode(response), code, url);
    }
  });

  it('answers unknown paths and unreadable URLs with JSON errors', async () => {
    const unknown = await t.app.inject({ url: '/api/v1/nothing-here', headers: { authorization: `Bearer ${key}` } });
    assert.equal(unknown.statusCode, 404);
    assert.equal(errorCode(unknown), 'ERR_NOT_FOUND');
    assert.match(String(unknown.headers['content-type']), /^application\/json/);
    for (const url of ['/api/v1/articles/%C3%28', '/api/v1/articles/%zz', '/api/v1/articles?q=%C3%28', `/api/v1/articles/${'x'.repeat(3000)}`]) {
      const response = await t.app.inject({ url, headers: { authorization: `Bearer ${key}` } });
      assert.equal(response.statusCode, 400, url);
      assert.match(String(response.headers['content-type']), /^application\/json/, url);
      assert.match(String(errorCode(response)), /^ERR_(URL_MALFORMED|URL_TOO_LONG|BAD_REQUEST)$/, url);
    }
    const unicode = await apiGet(t, `/api/v1/articles/${encodeURIComponent('서울-뉴스')}`, key);
    assert.equal(unicode.statusCode, 404);
    const post = await t.app.inject({ method: 'POST', url: '/api/v1/articles', headers: { authorization: `Bearer ${key}` } });
    assert.ok(post.statusCode === 404 || post.statusCode === 405, 'the API is read-only');
    assert.match(String(post.headers['content-type']), /^application\/json/);
  });

  it('limits each key to its requests a minute: then 429 with Retry-After, other keys unaffected', async () => {
    const busy = await createApiKey(t, 'Busy');
    const limit = DEFAULT_API_KEY_LIMITS.requestsPerMinute;
    for (let sent = 0; sent < limit; sent += 1) {
      const response = await t.app.inject({ url: '/api/v1/sections', headers: { 'x-api-key': busy } });
      assert.equal(response.statusCode, 200, `request ${sent + 1}`);
    }
    const limited = await apiGet(t, '/api/v1/sections', busy);
    assert.equal(limited.statusCode, 429);
    assert.equal(errorCode(limited), 'ERR_API_RATE_LIMITED');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal((await apiGet(t, '/api/v1/sections', key)).statusCode, 200, 'another key still works');
    t.clock.advance(61_000);
    assert.equal((await apiGet(t, '/api/v1/sections', busy)).statusCode, 200, 'a new minute, a new allowance');
  });

  it('is checked against its own document in every test (a sanity check of the checker)', () => {
    const fake = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: [{ id: 'x', secret: true }] }) };
    assert.throws(() => assertMatchesOpenApi('/api/v1/sections', fake as never));
    assert.throws(() => assertMatchesOpenApi('/api/v1/sections', { ...fake, statusCode: 418 } as never));
    const idOnly = { ...fake, body: JSON.stringify({ data: [{ id: 'x' }] }) };
    assert.throws(() => assertMatchesOpenApi('/api/v1/sections', idOnly as never), 'without fields=, every field must be there');
    assert.doesNotThrow(() => assertMatchesOpenApi('/api/v1/sections?fields=id', idOnly as never));
  });
});
