import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SIGN_IN_LIMITS } from '../../modules/users/sign-in.service.js';
import { csrfTokenIn, postForm, sessionCookieFrom, signInOverHttp } from '../../testing/newsroom-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('signing in and out of the newsroom', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('shows an accessible sign-in form, never cached', async () => {
    const response = await t.app.inject('/newsroom/sign-in');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(response.body, /<label for="email">E-mail address<\/label>/);
    assert.match(response.body, /<label for="password">Password<\/label>/);
    assert.match(response.body, /<a class="skip-link" href="#main-content">Skip to main content<\/a>/);
  });

  it('signs in with a session cookie (HttpOnly, SameSite=Lax, Path=/, Secure on https), audits it, and redirects home', async () => {
    const { user, password } = await t.factories.staff({ email: 'ana@news.example', displayName: 'Ana Kim', role: 'editor' });
    const response = await signInOverHttp(t.app, 'Ana@News.example', password, { remoteAddress: '10.0.0.1' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/newsroom');
    assert.equal(response.headers['cache-control'], 'no-store');
    const setCookie = String(response.headers['set-cookie']);
    assert.match(setCookie, /^dateline_session=[A-Za-z0-9_-]{43};/);
    for (const attribute of ['HttpOnly', 'SameSite=Lax', 'Path=/', 'Secure', 'Expires=']) assert.ok(setCookie.includes(attribute), attribute);
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'auth.sign_in' });
    assert.equal(entry?.actorUserId, user.id);

    const home = await t.app.inject({ url: '/newsroom', headers: { cookie: sessionCookieFrom(response) ?? '' } });
    assert.equal(home.statusCode, 200);
    assert.equal(home.headers['cache-control'], 'no-store');
    assert.match(home.body, /Welcome, Ana Kim/);
    assert.match(home.body, /Signed in as <strong>Ana Kim<\/strong> <span class="newsroom-role">\(Editor\)<\/span>/);
  });

  it('gives exactly the same answer for an unknown e-mail and a wrong password, and audits no password', async () => {
    const { password } = await t.factories.staff({ email: 'same@news.example' });
    const wrongPassword = await signInOverHttp(t.app, 'same@news.example', `${password}!`, { remoteAddress: '10.0.0.2' });
    const unknown = await signInOverHttp(t.app, 'nobody-here@news.example', `${password}!`, { remoteAddress: '10.0.0.4' });
    assert.equal(wrongPassword.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrongPassword.headers['x-error-code'], 'ERR_SIGN_IN_FAILED');
    assert.equal(unknown.headers['x-error-code'], 'ERR_SIGN_IN_FAILED');
    assert.equal(sessionCookieFrom(wrongPassword), undefined);
    assert.equal(sessionCookieFrom(unknown), undefined);
    // Same page apart from the echoed address.
    assert.equal(wrongPassword.body.replace('same@news.example', 'E'), unknown.body.replace('nobody-here@news.example', 'E'));
    assert.match(wrongPassword.body, /<a href="#email">The e-mail address or password is not right\.<\/a>/);
    const failures = await t.deps.audit.list({ limit: 10, action: 'auth.sign_in_failed' });
    assert.ok(failures.length >= 2);
    assert.ok(!JSON.stringify(failures).includes(password), 'the password is not in the audit log');
  });

  it('refuses a deactivated account like a wrong password', async () => {
    const { user, password } = await t.factories.staff();
    await t.deps.users.deactivate(user.id, null);
    const response = await signInOverHttp(t.app, user.email, password, { remoteAddress: '10.0.0.5' });
    assert.equal(response.statusCode, 401);
    assert.equal(response.headers['x-error-code'], 'ERR_SIGN_IN_FAILED');
  });

  it(`limits failures per account to ${SIGN_IN_LIMITS.perAccount} per window, then answers 429 even for the right password`, async () => {
    const { user, password } = await t.factories.staff();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      // Different addresses each time: only the account limit is in play.
      const response = await signInOverHttp(t.app, user.email, 'wrong password', { remoteAddress: `10.1.0.${i}` });
      assert.equal(response.statusCode, 401);
    }
    const limited = await signInOverHttp(t.app, user.email, password, { remoteAddress: '10.1.1.1' });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['x-error-code'], 'ERR_TOO_MANY_SIGN_IN_ATTEMPTS');
    assert.equal(sessionCookieFrom(limited), undefined);
    assert.equal(
      (await signInOverHttp(t.app, 'unknown-limited@news.example', 'x', { remoteAddress: '10.1.1.2' })).statusCode,
      401,
      'other accounts are not affected',
    );
    t.clock.advance(SIGN_IN_LIMITS.windowMs);
    assert.equal((await signInOverHttp(t.app, user.email, password, { remoteAddress: '10.1.1.3' })).statusCode, 303, 'free again after the window');
  });

  it('limits unknown e-mail addresses exactly like real accounts', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) await signInOverHttp(t.app, 'ghost@news.example', 'x', { remoteAddress: `10.2.0.${i}` });
    assert.equal((await signInOverHttp(t.app, 'ghost@news.example', 'x', { remoteAddress: '10.2.1.1' })).statusCode, 429);
  });

  it(`limits failures per IP address to ${SIGN_IN_LIMITS.perIp} per window, across accounts`, async () => {
    const { user, password } = await t.factories.staff();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      const response = await signInOverHttp(t.app, `spray${i}@news.example`, 'Winter2026!!', { remoteAddress: '10.3.0.1' });
      assert.equal(response.statusCode, 401);
    }
    const limited = await signInOverHttp(t.app, user.email, password, { remoteAddress: '10.3.0.1' });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['x-error-code'], 'ERR_TOO_MANY_SIGN_IN_ATTEMPTS');
    assert.equal((await signInOverHttp(t.app, user.email, password, { remoteAddress: '10.3.0.2' })).statusCode, 303, 'other addresses still sign in');
  });

  it('follows `next` only to newsroom paths on this site', async () => {
    const { user, password } = await t.factories.staff({ role: 'admin' });
    const cases: Array<[string, string]> = [
      ['/newsroom/audit', '/newsroom/audit'],
      ['/newsroom/account/password?x=1', '/newsroom/account/password?x=1'],
      ['//evil.example', '/newsroom'],
      ['https://evil.example/newsroom', '/newsroom'],
      ['/\\evil.example', '/newsroom'],
      ['/newsroom\\..\\@evil.example', '/newsroom'],
      ['/newsroom/../../evil', '/newsroom'],
      ['/newsroomevil', '/newsroom'],
      ['javascript:alert(1)', '/newsroom'],
      ['/article/some-story', '/newsroom'],
      [' /newsroom', '/newsroom'],
    ];
    let n = 0;
    for (const [next, location] of cases) {
      const response = await signInOverHttp(t.app, user.email, password, { next, remoteAddress: `10.4.0.${n++}` });
      assert.equal(response.statusCode, 303, next);
      assert.equal(response.headers.location, location, next);
    }
  });

  it('refuses a sign-in posted from another site', async () => {
    const { user, password } = await t.factories.staff();
    const response = await signInOverHttp(t.app, user.email, password, { remoteAddress: '10.5.0.1', headers: { origin: 'https://evil.example' } });
    assert.equal(response.statusCode, 403);
    assert.equal(response.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    assert.equal(sessionCookieFrom(response), undefined);
  });

  it('signs out with the CSRF token: the session is revoked, the cookie cleared, the sign-out audited', async () => {
    const { user } = await t.factories.staff();
    const cookie = await t.factories.sessionCookie(user.id);
    const home = await t.app.inject({ url: '/newsroom', headers: { cookie } });
    const response = await postForm(t.app, '/newsroom/sign-out', { _csrf: csrfTokenIn(home.body) }, { cookie });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/newsroom/sign-in?signed-out');
    assert.match(String(response.headers['set-cookie']), /^dateline_session=;.*Expires=Thu, 01 Jan 1970/);
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'auth.sign_out' });
    assert.equal(entry?.actorUserId, user.id);
    const after = await t.app.inject({ url: '/newsroom', headers: { cookie } });
    assert.equal(after.statusCode, 303, 'the old cookie no longer works');
  });

  it('refuses a forged or missing CSRF token with a 403 page and changes nothing', async () => {
    const { user, password } = await t.factories.staff();
    const cookie = await t.factories.sessionCookie(user.id);
    const otherCookie = await t.factories.sessionCookie((await t.factories.staff()).user.id);
    const othersToken = csrfTokenIn((await t.app.inject({ url: '/newsroom', headers: { cookie: otherCookie } })).body);
    const attempts: Array<Record<string, string>> = [{}, { _csrf: '' }, { _csrf: 'forged' }, { _csrf: othersToken }];
    for (const fields of attempts) {
      const signOut = await postForm(t.app, '/newsroom/sign-out', fields, { cookie });
      assert.equal(signOut.statusCode, 403, JSON.stringify(fields));
      assert.equal(signOut.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
      assert.equal(signOut.headers['cache-control'], 'no-store');
      const change = await postForm(
        t.app,
        '/newsroom/account/password',
        { ...fields, 'current-password': password, 'new-password': 'hijacked password', 'confirm-password': 'hijacked password' },
        { cookie },
      );
      assert.equal(change.statusCode, 403);
    }
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie } })).statusCode, 200, 'still signed in');
    assert.ok(await t.deps.users.verifyCredentials(user.email, password), 'password unchanged');
    assert.equal(
      (await t.deps.audit.list({ limit: 1000, action: 'auth.password_changed' })).filter((entry) => entry.actorUserId === user.id).length,
      0,
    );
  });

  it('answers 401 to a POST without a session and sends a GET to sign in, keeping where it was going', async () => {
    const post = await postForm(t.app, '/newsroom/sign-out', { _csrf: 'x' });
    assert.equal(post.statusCode, 401);
    assert.equal(post.headers['x-error-code'], 'ERR_NOT_SIGNED_IN');
    const get = await t.app.inject('/newsroom/audit?page=2');
    assert.equal(get.statusCode, 303);
    assert.equal(get.headers.location, '/newsroom/sign-in?next=%2Fnewsroom%2Faudit%3Fpage%3D2');
    assert.equal(get.headers['cache-control'], 'no-store');
  });

  it('sends an expired session back to sign in and clears its cookie', async () => {
    const { user } = await t.factories.staff();
    const cookie = await t.factories.sessionCookie(user.id);
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie } })).statusCode, 200);
    t.clock.advance(15 * 24 * 60 * 60 * 1000);
    const response = await t.app.inject({ url: '/newsroom', headers: { cookie } });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/newsroom/sign-in?next=%2Fnewsroom');
    assert.match(String(response.headers['set-cookie']), /^dateline_session=;/);
  });

  it('changes the password: other sessions are revoked, this browser gets a fresh session', async () => {
    const { user, password } = await t.factories.staff();
    const cookie = await t.factories.sessionCookie(user.id);
    const elsewhere = await t.factories.sessionCookie(user.id);
    const page = await t.app.inject({ url: '/newsroom/account/password', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    const _csrf = csrfTokenIn(page.body);

    const mismatch = await postForm(
      t.app,
      '/newsroom/account/password',
      { _csrf, 'current-password': password, 'new-password': 'a new long password', 'confirm-password': 'something else' },
      { cookie },
    );
    assert.equal(mismatch.statusCode, 400);
    assert.equal(mismatch.headers['x-error-code'], 'ERR_PASSWORDS_DO_NOT_MATCH');
    assert.match(mismatch.body, /<a href="#confirm-password">/);
    assert.match(mismatch.body, /aria-invalid="true" aria-describedby="confirm-password-error"/);
    const wrong = await postForm(
      t.app,
      '/newsroom/account/password',
      { _csrf, 'current-password': 'not my password', 'new-password': 'a new long password', 'confirm-password': 'a new long password' },
      { cookie },
    );
    assert.equal(wrong.headers['x-error-code'], 'ERR_PASSWORD_INCORRECT');
    const short = await postForm(
      t.app,
      '/newsroom/account/password',
      { _csrf, 'current-password': password, 'new-password': 'short', 'confirm-password': 'short' },
      { cookie },
    );
    assert.equal(short.headers['x-error-code'], 'ERR_PASSWORD_TOO_SHORT');
    assert.ok(await t.deps.users.verifyCredentials(user.email, password), 'nothing changed by the refusals');

    const done = await postForm(
      t.app,
      '/newsroom/account/password',
      { _csrf, 'current-password': password, 'new-password': 'a new long password', 'confirm-password': 'a new long password' },
      { cookie },
    );
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/newsroom/account/password?changed');
    const fresh = sessionCookieFrom(done);
    assert.ok(fresh && fresh !== cookie, 'a fresh session');
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie: elsewhere } })).statusCode, 303, 'signed out elsewhere');
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie } })).statusCode, 303, 'the old session is gone too');
    const confirmation = await t.app.inject({ url: '/newsroom/account/password?changed', headers: { cookie: fresh } });
    assert.match(confirmation.body, /Your password has been changed/);
  });

  it('never sets or reads a cookie on public pages, so the page cache stays shared', async () => {
    const { user } = await t.factories.staff();
    const cookie = await t.factories.sessionCookie(user.id);
    const anonymous = await t.app.inject('/');
    const signedIn = await t.app.inject({ url: '/', headers: { cookie } });
    assert.equal(signedIn.headers['set-cookie'], undefined);
    assert.equal(signedIn.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400');
    assert.equal(signedIn.headers.vary, undefined);
    assert.equal(signedIn.body, anonymous.body);
  });

  it('keeps unknown newsroom addresses out of caches', async () => {
    const response = await t.app.inject('/newsroom/no-such-page');
    assert.equal(response.statusCode, 404);
    assert.equal(response.headers['cache-control'], 'no-store');
  });
});
