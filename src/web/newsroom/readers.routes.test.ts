import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { READER_RESET_LIFETIME_MS } from '../../modules/readers/reader-password-reset.service.js';
import { createNewsroomTestApp, postForm, signInStaff } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

describe('reader accounts in the newsroom, and password-reset links', () => {
  let t: TestApp;
  let adminCookie: string;
  let adminCsrf: string;
  before(async () => {
    ({ t, cookie: adminCookie, csrf: adminCsrf } = await createNewsroomTestApp('admin', '/newsroom'));
  });
  after(() => t.close());

  /** Makes a reset link as the admin and returns its path, read off the page that shows it once. */
  async function resetLinkFor(readerId: string): Promise<string> {
    const response = await postForm(t.app, `/newsroom/readers/${readerId}/reset-link`, { _csrf: adminCsrf }, { cookie: adminCookie });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    const match = /<code>https:\/\/news\.example(\/account\/reset\/[A-Za-z0-9_-]{43})<\/code>/.exec(response.body);
    assert.ok(match?.[1], 'the page shows the full link once');
    return match[1];
  }

  it('lists readers for admins only, searched by address or name, with their state', async () => {
    await t.factories.reader({ email: 'alpha@mail.example', displayName: 'Alpha Reader' });
    const banned = await t.factories.reader({ email: 'beta@mail.example', displayName: 'Beta 50% Reader' });
    await t.deps.db.updateTable('readers').set({ banned_at: t.clock.now().toISOString() }).where('id', '=', banned.reader.id).execute();
    await t.factories.reader({ email: 'gamma@mail.example', displayName: 'Gamma Unconfirmed', confirmed: false });
    const all = await t.app.inject({ url: '/newsroom/readers', headers: { cookie: adminCookie } });
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /<th scope="row">Alpha Reader<\/th><td>alpha@mail\.example<\/td>/);
    assert.match(all.body, /<td>Banned<\/td>/);
    const stateOf = (name: string) => new RegExp(`${name}</th><td>[^<]*</td><td><time[^>]*>[^<]*</time></td><td>([^<]+)</td>`).exec(all.body)?.[1];
    assert.ok(stateOf('Alpha Reader'));
    assert.ok(stateOf('Gamma Unconfirmed'));
    assert.notEqual(stateOf('Gamma Unconfirmed'), stateOf('Alpha Reader'), 'a reader who has not confirmed is told apart');
    assert.match(all.body, /<a href="\/newsroom\/readers" aria-current="page">Readers<\/a>/);

    const byName = await t.app.inject({ url: '/newsroom/readers?q=ALPHA%20read', headers: { cookie: adminCookie } });
    assert.match(byName.body, /Alpha Reader/);
    assert.doesNotMatch(byName.body, /Beta 50% Reader/);
    const byAddress = await t.app.inject({ url: '/newsroom/readers?q=beta@', headers: { cookie: adminCookie } });
    assert.match(byAddress.body, /Beta 50% Reader/);
    assert.doesNotMatch(byAddress.body, /Alpha Reader/);
    const wildcard = await t.app.inject({ url: '/newsroom/readers?q=%25', headers: { cookie: adminCookie } });
    assert.match(wildcard.body, /Beta 50% Reader/, '% is searched for literally');
    assert.doesNotMatch(wildcard.body, /Alpha Reader/);
    const tooLong = await t.app.inject({ url: `/newsroom/readers?q=${'x'.repeat(255)}`, headers: { cookie: adminCookie } });
    assert.equal(tooLong.statusCode, 400);

    const { user } = await t.factories.staff({ role: 'editor' });
    const editorCookie = await t.factories.sessionCookie(user.id);
    const editor = await t.app.inject({ url: '/newsroom/readers', headers: { cookie: editorCookie } });
    assert.equal(editor.statusCode, 403);
    assert.equal(editor.headers['x-error-code'], 'ERR_FORBIDDEN');
    const home = await t.app.inject({ url: '/newsroom', headers: { cookie: editorCookie } });
    assert.doesNotMatch(home.body, /href="\/newsroom\/readers"/, 'no Readers link for an editor');
  });

  it('lets only admins make a reset link; an editor gets 403 and no link is stored', async () => {
    const { reader } = await t.factories.reader();
    const { cookie, csrf: _csrf } = await signInStaff(t, 'editor');
    const response = await postForm(t.app, `/newsroom/readers/${reader.id}/reset-link`, { _csrf }, { cookie });
    assert.equal(response.statusCode, 403);
    assert.equal(response.headers['x-error-code'], 'ERR_FORBIDDEN');
    const stored = await t.deps.db.selectFrom('reader_password_resets').select('id').where('reader_id', '=', reader.id).execute();
    assert.equal(stored.length, 0);
    const noCsrf = await postForm(t.app, `/newsroom/readers/${reader.id}/reset-link`, {}, { cookie: adminCookie });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    const unknown = await postForm(t.app, '/newsroom/readers/no-such-reader/reset-link', { _csrf: adminCsrf }, { cookie: adminCookie });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.headers['x-error-code'], 'ERR_READER_NOT_FOUND');
  });

  it('resets the password once: the link signs the reader in, ends other sessions, audits, and then answers 410', async () => {
    const { reader, cookie: oldSession, password } = await t.factories.reader();
    const path = await resetLinkFor(reader.id);
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'reader.reset_link_created' });
    assert.equal(entry?.subjectId, reader.id);
    const stored = await t.deps.db.selectFrom('reader_password_resets').selectAll().where('reader_id', '=', reader.id).executeTakeFirstOrThrow();
    assert.ok(!path.includes(stored.token_hash), 'only the hash is stored');
    assert.equal(new Date(stored.expires_at).getTime() - t.clock.now().getTime(), READER_RESET_LIFETIME_MS);

    const form = await t.app.inject(path);
    assert.equal(form.statusCode, 200);
    assert.equal(form.headers['cache-control'], 'no-store');
    const short = await postForm(t.app, path, { 'new-password': 'short', 'confirm-password': 'short' });
    assert.equal(short.statusCode, 400);
    assert.equal(short.headers['x-error-code'], 'ERR_PASSWORD_TOO_SHORT');
    const done = await postForm(t.app, path, { 'new-password': 'a fresh passphrase', 'confirm-password': 'a fresh passphrase' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/account?saved=password');
    assert.match(String(done.headers['set-cookie']), /^dateline_reader=[A-Za-z0-9_-]{43};/);
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie: oldSession } })).statusCode, 303, 'older sessions ended');

    const signIn = (pw: string) => postForm(t.app, '/account/sign-in', { email: reader.email, password: pw }, { remoteAddress: '10.50.0.1' });
    assert.equal((await signIn(password)).statusCode, 401);
    assert.equal((await signIn('a fresh passphrase')).statusCode, 303);

    const again = await t.app.inject(path);
    assert.equal(again.statusCode, 410);
    assert.equal(again.headers['x-error-code'], 'ERR_READER_RESET_GONE');
    assert.equal(again.headers['cache-control'], 'no-store');
    const reuse = await postForm(t.app, path, { 'new-password': 'an attacker passphrase', 'confirm-password': 'an attacker passphrase' });
    assert.equal(reuse.statusCode, 410);
  });

  it('answers 410 for an expired link or one replaced by a newer link, 404 for an unknown one', async () => {
    const { reader } = await t.factories.reader();
    const first = await resetLinkFor(reader.id);
    const second = await resetLinkFor(reader.id);
    assert.equal((await t.app.inject(first)).statusCode, 410, 'a newer link spends the older one');
    assert.equal((await t.app.inject(second)).statusCode, 200);
    t.clock.advance(READER_RESET_LIFETIME_MS);
    const expired = await t.app.inject(second);
    assert.equal(expired.statusCode, 410);
    assert.equal(expired.headers['x-error-code'], 'ERR_READER_RESET_GONE');
    for (const token of ['A'.repeat(43), 'not-a-token']) {
      const unknown = await t.app.inject(`/account/reset/${token}`);
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.headers['x-error-code'], 'ERR_READER_RESET_NOT_FOUND');
    }
  });

  it('refuses a reset posted from another site', async () => {
    const { reader } = await t.factories.reader();
    const path = await resetLinkFor(reader.id);
    const response = await postForm(
      t.app,
      path,
      { 'new-password': 'a fresh passphrase', 'confirm-password': 'a fresh passphrase' },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    );
    assert.equal(response.statusCode, 403);
    assert.equal((await t.app.inject(path)).statusCode, 200, 'the link still works');
  });
});
