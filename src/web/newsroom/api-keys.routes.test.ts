import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiGet, errorCode } from '../../testing/api-client.js';
import { createNewsroomTestApp, postForm, signInStaff } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

describe('API keys in the newsroom', () => {
  let t: TestApp;
  let adminCookie: string;
  let adminCsrf: string;
  before(async () => {
    ({ t, cookie: adminCookie, csrf: adminCsrf } = await createNewsroomTestApp('admin', '/newsroom/api-keys'));
  });
  after(() => t.close());

  const keyCount = async () => (await t.deps.apiKeys.list()).length;

  it('lets an admin make a key, shown once, that works on the API at once', async () => {
    const response = await postForm(t.app, '/newsroom/api-keys', { _csrf: adminCsrf, 'key-name': 'Wire partner' }, { cookie: adminCookie });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    const key = /<code>(dl_live_[A-Za-z0-9_-]{43})<\/code>/.exec(response.body)?.[1];
    assert.ok(key, 'the page shows the whole key once');
    assert.equal((await apiGet(t, '/api/v1/sections', key)).statusCode, 200);

    const list = await t.app.inject({ url: '/newsroom/api-keys', headers: { cookie: adminCookie } });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<th scope="row">Wire partner<\/th>/);
    assert.match(list.body, new RegExp(`<code>${key.slice(0, 12)}…</code>`));
    assert.ok(!list.body.includes(key), 'never shown again');
    assert.match(list.body, /<a href="\/newsroom\/api-keys" aria-current="page">API keys<\/a>/);
    assert.match(list.body, /<td>Active<\/td>/);
  });

  it('revokes a key: the API refuses it at once', async () => {
    const response = await postForm(t.app, '/newsroom/api-keys', { _csrf: adminCsrf, 'key-name': 'Short-lived' }, { cookie: adminCookie });
    const key = /<code>(dl_live_[A-Za-z0-9_-]{43})<\/code>/.exec(response.body)?.[1] ?? '';
    assert.equal((await apiGet(t, '/api/v1/sections', key)).statusCode, 200);
    const id = (await t.deps.apiKeys.list()).find((apiKey) => apiKey.name === 'Short-lived')?.id ?? '';
    const revoked = await postForm(t.app, `/newsroom/api-keys/${id}/revoke`, { _csrf: adminCsrf }, { cookie: adminCookie });
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, '/newsroom/api-keys?revoked');
    assert.equal(errorCode(await apiGet(t, '/api/v1/sections', key)), 'ERR_API_KEY_REVOKED');
    const list = await t.app.inject({ url: '/newsroom/api-keys?revoked', headers: { cookie: adminCookie } });
    assert.match(list.body, /<td>Revoked<\/td>/);
    const again = await postForm(t.app, `/newsroom/api-keys/${id}/revoke`, { _csrf: adminCsrf }, { cookie: adminCookie });
    assert.equal(again.statusCode, 409);
    assert.equal(again.headers['x-error-code'], 'ERR_API_KEY_ALREADY_REVOKED');
    const unknown = await postForm(t.app, '/newsroom/api-keys/no-such-key/revoke', { _csrf: adminCsrf }, { cookie: adminCookie });
    assert.equal(unknown.statusCode, 404);
  });

  it('refuses a bad name with the form and its error; nothing is stored', async () => {
    const before = await keyCount();
    for (const name of ['', '   ', 'x'.repeat(101)]) {
      const response = await postForm(t.app, '/newsroom/api-keys', { _csrf: adminCsrf, 'key-name': name }, { cookie: adminCookie });
      assert.equal(response.statusCode, 400);
      assert.equal(response.headers['x-error-code'], 'ERR_API_KEY_NAME_INVALID');
      assert.match(response.body, /href="#key-name"/);
    }
    assert.equal(await keyCount(), before);
  });

  it('requires a CSRF token; reporters and editors get 403 and no link', async () => {
    const before = await keyCount();
    const noToken = await postForm(t.app, '/newsroom/api-keys', { 'key-name': 'Sneaky' }, { cookie: adminCookie });
    assert.equal(noToken.statusCode, 403);
    assert.equal(noToken.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    const [existing] = await t.deps.apiKeys.list();
    for (const role of ['reporter', 'editor'] as const) {
      const { cookie, csrf } = await signInStaff(t, role);
      const page = await t.app.inject({ url: '/newsroom/api-keys', headers: { cookie } });
      assert.equal(page.statusCode, 403, role);
      assert.equal(page.headers['x-error-code'], 'ERR_FORBIDDEN');
      const create = await postForm(t.app, '/newsroom/api-keys', { _csrf: csrf, 'key-name': 'Mine' }, { cookie });
      assert.equal(create.statusCode, 403, role);
      const revoke = await postForm(t.app, `/newsroom/api-keys/${existing?.id}/revoke`, { _csrf: csrf }, { cookie });
      assert.equal(revoke.statusCode, 403, role);
      const home = await t.app.inject({ url: '/newsroom', headers: { cookie } });
      assert.doesNotMatch(home.body, /href="\/newsroom\/api-keys"/, `no API keys link for a ${role}`);
    }
    assert.equal(await keyCount(), before);
    const signedOut = await t.app.inject({ url: '/newsroom/api-keys' });
    assert.equal(signedOut.statusCode, 303);
  });
});
