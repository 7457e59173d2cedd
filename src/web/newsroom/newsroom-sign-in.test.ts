import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PASSWORD_CHECK_LIMITS, SIGN_IN_LIMITS } from '../../modules/users/index.js';
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

  /** The slow-down SIGN_IN_LIMITS asks for after `failures` recent failures with one account. */
  const expectedDelay = (failures: number) =>
    SIGN_IN_LIMITS.slowDown.reduce<number>((delay, step) => (failures >= step.after ? step.delayMs : delay), 0);
  const maxDelay = Math.max(...SIGN_IN_LIMITS.slowDown.map((step) => step.delayMs));

  it('never locks an account out: after 50 failures from many addresses, the owner signs in from a fresh one, slowed down', async () => {
    const { user, password } = await t.factories.staff({ email: 'the-admin@news.example', role: 'admin' });
    for (let i = 0; i < 50; i++) {
      const response = await signInOverHttp(t.app, user.email, `guess ${i}`, { remoteAddress: `10.1.${Math.floor(i / 10)}.${i % 10}` });
      assert.equal(response.statusCode, 401, `attempt ${i}`);
      assert.equal(response.headers['x-error-code'], 'ERR_SIGN_IN_FAILED');
    }
    const waitsBefore = t.sleeps.length;
    const owner = await signInOverHttp(t.app, 'The-Admin@news.example', password, { remoteAddress: '10.1.9.9' });
    assert.equal(owner.statusCode, 303);
    assert.equal(owner.headers.location, '/newsroom');
    assert.ok(sessionCookieFrom(owner), 'signed in');
    assert.deepEqual(t.sleeps.slice(waitsBefore), [maxDelay], 'one wait before the check, at the cap');
    const failures = (await t.deps.audit.list({ limit: 100, action: 'auth.sign_in_failed' })).filter(
      (entry) => entry.details?.['email'] === user.email,
    );
    assert.equal(failures.length, 50, 'every failure is in the audit log');
  });

  it('slows down a guessed-at account and an unknown address exactly alike, before checking the password', async () => {
    const { user } = await t.factories.staff({ email: 'slowed@news.example' });
    const attempt = async (email: string, remoteAddress: string) => {
      const waitsBefore = t.sleeps.length;
      const response = await signInOverHttp(t.app, email, 'not the password', { remoteAddress });
      return { status: response.statusCode, code: response.headers['x-error-code'], waits: t.sleeps.slice(waitsBefore) };
    };
    const known = [];
    const unknown = [];
    for (let i = 0; i < 22; i++) {
      known.push(await attempt(user.email, `10.7.${i}.1`));
      unknown.push(await attempt('nobody-slowed@news.example', `10.7.${i}.2`));
    }
    assert.deepEqual(known, unknown, 'the same status, code and wait, attempt by attempt');
    assert.deepEqual(
      known.map((answer) => answer.waits),
      known.map((_answer, failures) => (expectedDelay(failures) > 0 ? [expectedDelay(failures)] : [])),
    );
    assert.ok(known.every((answer) => answer.status === 401 && answer.code === 'ERR_SIGN_IN_FAILED'));
    assert.deepEqual(
      known.slice(4, 7).map((answer) => answer.waits),
      [[], [1_000], [1_000]],
      'from the 5th failure on',
    );
    assert.ok(Math.max(...known.flatMap((answer) => answer.waits)) <= 3_000, 'capped at a few seconds');
  });

  it(`limits failures per address and account to ${SIGN_IN_LIMITS.perIpAndAccount}: that pair gets 429, the account elsewhere does not`, async () => {
    const { user, password } = await t.factories.staff();
    const colleague = await t.factories.staff();
    for (let i = 0; i < SIGN_IN_LIMITS.perIpAndAccount; i++) {
      assert.equal((await signInOverHttp(t.app, user.email, 'wrong password', { remoteAddress: '10.6.0.1' })).statusCode, 401);
    }
    const limited = await signInOverHttp(t.app, user.email, password, { remoteAddress: '10.6.0.1' });
    assert.equal(limited.statusCode, 429, 'even the right password, from this address');
    assert.equal(limited.headers['x-error-code'], 'ERR_TOO_MANY_SIGN_IN_ATTEMPTS');
    assert.equal(sessionCookieFrom(limited), undefined);
    const refusals = (await t.deps.audit.list({ limit: 200, action: 'auth.sign_in_failed' })).filter(
      (entry) => entry.details?.['email'] === user.email,
    );
    assert.deepEqual(
      refusals.map((entry) => entry.details?.['reason']).sort(),
      ['credentials', 'credentials', 'credentials', 'credentials', 'credentials', 'rate_limited'],
      'the refusal is audited',
    );
    assert.equal((await signInOverHttp(t.app, user.email, password, { remoteAddress: '10.6.0.2' })).statusCode, 303, 'the owner elsewhere');
    const sameAddress = await signInOverHttp(t.app, colleague.user.email, colleague.password, { remoteAddress: '10.6.0.1' });
    assert.equal(sameAddress.statusCode, 303, 'another account from this address');
    // An unknown address is limited alike.
    for (let i = 0; i < SIGN_IN_LIMITS.perIpAndAccount; i++) await signInOverHttp(t.app, 'ghost@news.example', 'x', { remoteAddress: '10.6.0.3' });
    assert.equal((await signInOverHttp(t.app, 'ghost@news.example', 'x', { remoteAddress: '10.6.0.3' })).statusCode, 429);
    t.clock.advance(SIGN_IN_LIMITS.windowMs);
    assert.equal((await signInOverHttp(t.app, user.email, password, { remoteAddress: '10.6.0.1' })).statusCode, 303, 'free again after the window');
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

  it('counts an IPv6 client by its /64, so changing the rest of the address gains nothing', async () => {
    const { user, password } = await t.factories.staff();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      const response = await signInOverHttp(t.app, `v6-spray${i}@news.example`, 'Winter2026!!', {
        remoteAddress: `2001:db8:6:1::${(i + 1).toString(16)}`,
      });
      assert.equal(response.statusCode, 401);
    }
    const limited = await signInOverHttp(t.app, user.email, password, { remoteAddress: '2001:db8:6:1:ffff:1:2:3' });
    assert.equal(limited.statusCode, 429);
    assert.equal((await signInOverHttp(t.app, user.email, password, { remoteAddress: '2001:db8:6:2::1' })).statusCode, 303, 'the next /64 is apart');
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

  it('limits wrong current passwords on the password form per account and per address (429), the right one included', async () => {
    const newPassword = 'a new long password';
    const staffMember = async () => {
      const { user, password } = await t.factories.staff();
      const cookie = await t.factories.sessionCookie(user.id);
      const _csrf = csrfTokenIn((await t.app.inject({ url: '/newsroom/account/password', headers: { cookie } })).body);
      const change = (current: string, remoteAddress: string) =>
        postForm(
          t.app,
          '/newsroom/account/password',
          { _csrf, 'current-password': current, 'new-password': newPassword, 'confirm-password': newPassword },
          { cookie, remoteAddress },
        );
      return { user, password, change };
    };

    // Per account, whichever addresses the guesses come from.
    const guessed = await staffMember();
    for (let i = 0; i < PASSWORD_CHECK_LIMITS.perAccount; i++) {
      const wrong = await guessed.change(`wrong password ${i}`, `10.8.0.${i}`);
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.headers['x-error-code'], 'ERR_PASSWORD_INCORRECT');
    }
    const limited = await guessed.change(guessed.password, '10.8.0.99');
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['x-error-code'], 'ERR_TOO_MANY_PASSWORD_ATTEMPTS');
    assert.match(limited.body, /<a href="#current-password">/);
    assert.equal(sessionCookieFrom(limited), undefined);
    assert.ok(await t.deps.users.verifyCredentials(guessed.user.email, guessed.password), 'the password is unchanged');

    // Per address, across accounts: each account stays under its own limit.
    const perAccount = PASSWORD_CHECK_LIMITS.perAccount - 1;
    for (let account = 0; account * perAccount < PASSWORD_CHECK_LIMITS.perIp; account++) {
      const member = await staffMember();
      for (let i = 0; i < perAccount && account * perAccount + i < PASSWORD_CHECK_LIMITS.perIp; i++) {
        assert.equal((await member.change('wrong password', '10.8.1.1')).statusCode, 400);
      }
    }
    const fresh = await staffMember();
    const fromThere = await fresh.change(fresh.password, '10.8.1.1');
    assert.equal(fromThere.statusCode, 429);
    assert.equal(fromThere.headers['x-error-code'], 'ERR_TOO_MANY_PASSWORD_ATTEMPTS');
    assert.equal((await fresh.change(fresh.password, '10.8.1.2')).statusCode, 303, 'from another address it works');

    t.clock.advance(PASSWORD_CHECK_LIMITS.windowMs);
    assert.equal((await guessed.change(guessed.password, '10.8.0.99')).statusCode, 303, 'free again after the window');
  });

  it('never sets or reads a cookie on public pages, so the page cache stays shared', async () => {
    const { user } = await t.factories.staff();
    const cookie = await t.factories.sessionCookie(user.id);
    const anonymous = await t.app.inject('/');
    const signedIn = await t.app.inject({ url: '/', headers: { cookie } });
    assert.equal(signedIn.headers['set-cookie'], undefined);
    assert.equal(signedIn.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400');
    // Not on Cookie: only on the coding, as every text answer.
    assert.equal(signedIn.headers.vary, 'Accept-Encoding');
    assert.equal(signedIn.body, anonymous.body);
  });

  it('keeps unknown newsroom addresses out of caches', async () => {
    const response = await t.app.inject('/newsroom/no-such-page');
    assert.equal(response.statusCode, 404);
    assert.equal(response.headers['cache-control'], 'no-store');
  });
});
