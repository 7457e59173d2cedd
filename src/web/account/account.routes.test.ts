import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { PASSWORD_CHECK_LIMITS, SIGN_IN_LIMITS } from '../../modules/users/index.js';
import { csrfTokenIn, postForm } from '../../testing/newsroom-client.js';
import { linkIn, recordMail, type MailRecorder } from '../../testing/account-mail.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { READER_COOKIE } from '../shared/reader-cookie.js';

/** The `Cookie` header for the reader session a response set, or undefined when it set none. */
function readerCookieFrom(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((candidate) => candidate.name === READER_COOKIE && candidate.value !== '');
  return cookie ? `${READER_COOKIE}=${cookie.value}` : undefined;
}

async function readerCount(t: TestApp): Promise<number> {
  const row = await t.deps.db
    .selectFrom('readers')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

describe('reader accounts over HTTP', () => {
  let t: TestApp;
  let sent: MailRecorder;
  let ip = 0;
  /** A fresh client address per test, so one test's failures never rate-limit another. */
  const nextIp = () => `10.9.${Math.floor(++ip / 250)}.${ip % 250}`;
  const signUp = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    postForm(t.app, '/account/sign-up', { next: '', ...fields }, { remoteAddress: nextIp(), headers });
  const signIn = (email: string, password: string, options: { next?: string; remoteAddress?: string } = {}) =>
    postForm(t.app, '/account/sign-in', { email, password, next: options.next ?? '' }, { remoteAddress: options.remoteAddress ?? nextIp() });
  const csrfOf = async (cookie: string) => csrfTokenIn((await t.app.inject({ url: '/account', headers: { cookie } })).body);

  before(async () => {
    t = await createTestApp();
    sent = recordMail(t.deps);
  });
  after(() => t.close());

  it('signs a new reader up, confirmed by the mailed link, which signs them in; the account page is never cached', async () => {
    const form = await t.app.inject('/account/sign-up');
    assert.equal(form.statusCode, 200);
    assert.equal(form.headers['cache-control'], 'no-store');
    assert.match(form.body, /<label for="display-name">Display name<\/label>/);
    const response = await signUp({ 'display-name': '  Min-ji  ', email: 'Min-Ji@Mail.example', password: 'a long enough passphrase' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account/sign-up/check-your-inbox');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(readerCookieFrom(response), undefined, 'not signed in before confirming');
    const [mail, ...more] = await sent.to('min-ji@mail.example');
    assert.ok(mail && more.length === 0);
    assert.equal(mail.kind, 'reader.confirm');
    const link = linkIn(mail, t.config.siteUrl, '/account/confirm/');
    assert.equal((await t.app.inject(link)).statusCode, 200, 'opening the link changes nothing by itself');
    const confirmed = await postForm(t.app, link, {}, { remoteAddress: nextIp() });
    assert.equal(confirmed.statusCode, 303);
    const setCookie = String(confirmed.headers['set-cookie']);
    for (const attribute of ['HttpOnly', 'SameSite=Lax', 'Path=/', 'Secure']) assert.ok(setCookie.includes(attribute), attribute);
    const cookie = readerCookieFrom(confirmed);
    assert.ok(cookie);
    const account = await t.app.inject({ url: '/account', headers: { cookie } });
    assert.equal(account.statusCode, 200);
    assert.equal(account.headers['cache-control'], 'no-store');
    assert.match(account.body, /Signed in as <strong>Min-ji<\/strong> \(min-ji@mail\.example\)/);
  });

  it('answers a sign-up with a registered address (any case) exactly as any other, storing nothing and mailing its owner', async () => {
    await t.factories.reader({ email: 'taken@mail.example' });
    const before = await readerCount(t);
    const taken = await signUp({ 'display-name': 'Someone', email: 'TAKEN@mail.example', password: 'another long passphrase' });
    const fresh = await signUp({ 'display-name': 'Someone', email: 'untaken@mail.example', password: 'another long passphrase' });
    for (const response of [taken, fresh]) {
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/account/sign-up/check-your-inbox');
      assert.equal(readerCookieFrom(response), undefined);
    }
    assert.equal(taken.body, fresh.body);
    assert.equal(await readerCount(t), before + 1, 'only the free address got an account');
    assert.deepEqual(
      (await sent.to('taken@mail.example')).map((mail) => mail.kind),
      ['reader.signup-attempt'],
    );
  });

  it('answers each bad field with a coded 400 beside that field, and stores nothing', async () => {
    const good = { 'display-name': 'Valid Name', email: 'fresh@mail.example', password: 'a long enough passphrase' };
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ 'display-name': '   ' }, 'ERR_READER_NAME_INVALID', 'display-name'],
      [{ 'display-name': 'x'.repeat(51) }, 'ERR_READER_NAME_INVALID', 'display-name'],
      [{ 'display-name': 'two\nlines' }, 'ERR_READER_NAME_INVALID', 'display-name'],
      [{ email: 'not-an-address' }, 'ERR_EMAIL_INVALID', 'email'],
      [{ email: `${'a'.repeat(250)}@mail.example` }, 'ERR_EMAIL_INVALID', 'email'],
      [{ password: 'short' }, 'ERR_PASSWORD_TOO_SHORT', 'password'],
      [{ password: 'p'.repeat(257) }, 'ERR_PASSWORD_TOO_LONG', 'password'],
    ];
    const before = await readerCount(t);
    for (const [override, code, field] of cases) {
      const response = await signUp({ ...good, ...override });
      assert.equal(response.statusCode, 400, code);
      assert.equal(response.headers['x-error-code'], code);
      assert.match(response.body, new RegExp(`<a href="#${field}">`), `${code} links to #${field}`);
      assert.match(response.body, /<title>Error: /);
    }
    assert.equal(await readerCount(t), before);
    // A name of exactly 50 characters (counted as characters, not UTF-16 units) is fine.
    assert.equal((await signUp({ ...good, 'display-name': '한'.repeat(50) })).statusCode, 303);
  });

  it('gives exactly the same answer for a wrong password and an unknown address', async () => {
    const { reader, password } = await t.factories.reader({ email: 'same@mail.example' });
    const wrong = await signIn(reader.email, `${password}!`);
    const unknown = await signIn('nobody@mail.example', `${password}!`);
    for (const response of [wrong, unknown]) {
      assert.equal(response.statusCode, 401);
      assert.equal(response.headers['x-error-code'], 'ERR_SIGN_IN_FAILED');
      assert.equal(readerCookieFrom(response), undefined);
    }
    assert.equal(wrong.body.replace('same@mail.example', 'E'), unknown.body.replace('nobody@mail.example', 'E'));
    const right = await signIn('SAME@mail.example', password);
    assert.equal(right.statusCode, 303);
    assert.ok(readerCookieFrom(right));
  });

  /** The slow-down SIGN_IN_LIMITS asks for after `failures` recent failures with one account. */
  const expectedDelay = (failures: number) =>
    SIGN_IN_LIMITS.slowDown.reduce<number>((delay, step) => (failures >= step.after ? step.delayMs : delay), 0);

  it('never locks a reader out: after 50 failures from many addresses, the owner signs in from a fresh one, slowed down', async () => {
    const { reader, password } = await t.factories.reader();
    for (let i = 0; i < 50; i++) {
      const response = await signIn(reader.email, `guess number ${i}`);
      assert.equal(response.statusCode, 401, `attempt ${i}`);
      assert.equal(response.headers['x-error-code'], 'ERR_SIGN_IN_FAILED');
    }
    const waitsBefore = t.sleeps.length;
    const owner = await signIn(reader.email, password);
    assert.equal(owner.statusCode, 303);
    assert.ok(readerCookieFrom(owner), 'signed in');
    assert.deepEqual(t.sleeps.slice(waitsBefore), [expectedDelay(50)], 'one wait before the check, at the cap');
  });

  it('slows down a guessed-at reader account and an unknown address exactly alike', async () => {
    const { reader } = await t.factories.reader();
    const attempt = async (email: string) => {
      const waitsBefore = t.sleeps.length;
      const response = await signIn(email, 'not the password');
      return { status: response.statusCode, code: response.headers['x-error-code'], waits: t.sleeps.slice(waitsBefore) };
    };
    const known = [];
    const unknown = [];
    for (let i = 0; i < 22; i++) {
      known.push(await attempt(reader.email));
      unknown.push(await attempt('nobody-slowed@mail.example'));
    }
    assert.deepEqual(known, unknown, 'the same status, code and wait, attempt by attempt');
    assert.deepEqual(
      known.map((answer) => answer.waits),
      known.map((_answer, failures) => (expectedDelay(failures) > 0 ? [expectedDelay(failures)] : [])),
    );
    assert.deepEqual(known[5]?.waits, [1_000], 'from the 5th failure on');
    assert.ok(known.every((answer) => answer.status === 401 && answer.code === 'ERR_SIGN_IN_FAILED'));
  });

  it(`limits failures per address and account to ${SIGN_IN_LIMITS.perIpAndAccount}, and per address to ${SIGN_IN_LIMITS.perIp}, with 429`, async () => {
    const { reader, password } = await t.factories.reader();
    const neighbour = await t.factories.reader();
    const here = { remoteAddress: '10.201.0.1' };
    for (let i = 0; i < SIGN_IN_LIMITS.perIpAndAccount; i++) assert.equal((await signIn(reader.email, 'wrong password!', here)).statusCode, 401);
    const limited = await signIn(reader.email, password, here);
    assert.equal(limited.statusCode, 429, 'even the right password, from this address');
    assert.equal(limited.headers['x-error-code'], 'ERR_TOO_MANY_SIGN_IN_ATTEMPTS');
    assert.equal(readerCookieFrom(limited), undefined);
    assert.equal((await signIn(reader.email, password)).statusCode, 303, 'the owner from elsewhere');
    assert.equal((await signIn(neighbour.reader.email, neighbour.password, here)).statusCode, 303, 'another account from this address');
    for (let i = 0; i < SIGN_IN_LIMITS.perIpAndAccount; i++) await signIn('ghost@mail.example', 'x', { remoteAddress: '10.201.0.2' });
    assert.equal((await signIn('ghost@mail.example', 'x', { remoteAddress: '10.201.0.2' })).statusCode, 429, 'unknown addresses alike');

    const other = await t.factories.reader();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) await signIn(`guess${i}@mail.example`, 'wrong password!', { remoteAddress: '10.200.0.1' });
    const hammering = await signIn(other.reader.email, other.password, { remoteAddress: '10.200.0.1' });
    assert.equal(hammering.statusCode, 429);
    assert.equal(hammering.headers['x-error-code'], 'ERR_TOO_MANY_SIGN_IN_ATTEMPTS');

    t.clock.advance(SIGN_IN_LIMITS.windowMs);
    assert.equal((await signIn(reader.email, password, here)).statusCode, 303, 'the window passed');
    assert.equal((await signIn(other.reader.email, other.password, { remoteAddress: '10.200.0.1' })).statusCode, 303, 'the window passed');
  });

  it('goes only to a place on this site after signing in, never another site', async () => {
    const { reader, password } = await t.factories.reader();
    const back = await signIn(reader.email, password, { next: '/article/harbour#comments' });
    assert.equal(back.headers.location, '/article/harbour#comments');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/account/sign-in', 'javascript:alert(1)', ' /x', '/a\tb']) {
      const response = await signIn(reader.email, password, { next });
      assert.equal(response.statusCode, 303, next);
      assert.equal(response.headers.location, '/account', next);
    }
    // An encoded slash stays a path on this site.
    assert.equal((await signIn(reader.email, password, { next: '/%2F/evil.example' })).headers.location, '/%2F/evil.example');
    const signedOut = await t.app.inject('/account/comments');
    assert.equal(signedOut.statusCode, 303);
    assert.equal(signedOut.headers.location, '/account/sign-in?next=%2Faccount%2Fcomments');
  });

  it('signs out: the session is revoked, the cookie cleared', async () => {
    const { cookie } = await t.factories.reader();
    const _csrf = await csrfOf(cookie);
    const response = await postForm(t.app, '/account/sign-out', { _csrf }, { cookie });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account/sign-in?signed-out');
    assert.match(String(response.headers['set-cookie']), /dateline_reader=;.*Expires=Thu, 01 Jan 1970/);
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie } })).statusCode, 303, 'the old cookie no longer works');
  });

  it('refuses posts without a valid CSRF token with 403, changing nothing', async () => {
    const { reader, cookie, password } = await t.factories.reader({ displayName: 'Unchanged' });
    for (const _csrf of [undefined, 'forged-token', await csrfOf((await t.factories.reader()).cookie)]) {
      const fields: Record<string, string> = _csrf === undefined ? {} : { _csrf };
      const rename = await postForm(t.app, '/account/profile', { ...fields, 'display-name': 'Changed' }, { cookie });
      assert.equal(rename.statusCode, 403);
      assert.equal(rename.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
      assert.equal(rename.headers['cache-control'], 'no-store');
      const remove = await postForm(t.app, '/account/delete', { ...fields, password }, { cookie });
      assert.equal(remove.statusCode, 403);
      const out = await postForm(t.app, '/account/sign-out', fields, { cookie });
      assert.equal(out.statusCode, 403);
    }
    const account = await t.app.inject({ url: '/account', headers: { cookie } });
    assert.equal(account.statusCode, 200, 'still signed in');
    assert.match(account.body, /Signed in as <strong>Unchanged<\/strong>/);
    assert.equal((await t.deps.readerSessions.resolve(cookie.split('=')[1]))?.reader.id, reader.id);
    const unsigned = await postForm(t.app, '/account/profile', { 'display-name': 'x' });
    assert.equal(unsigned.statusCode, 401);
    assert.equal(unsigned.headers['x-error-code'], 'ERR_READER_NOT_SIGNED_IN');
  });

  it('refuses sign-up and sign-in posted from another site', async () => {
    const before = await readerCount(t);
    const crossSite = await signUp(
      { 'display-name': 'Victim', email: 'planted@mail.example', password: 'a long enough passphrase' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    assert.equal(crossSite.statusCode, 403);
    assert.equal(crossSite.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    assert.equal(await readerCount(t), before);
    const { reader, password } = await t.factories.reader();
    const signInCross = await postForm(t.app, '/account/sign-in', { email: reader.email, password }, { headers: { origin: 'https://evil.example' } });
    assert.equal(signInCross.statusCode, 403);
    assert.equal(readerCookieFrom(signInCross), undefined);
  });

  it('changes the display name, and refuses a bad one beside its field', async () => {
    const { cookie } = await t.factories.reader();
    const _csrf = await csrfOf(cookie);
    const saved = await postForm(t.app, '/account/profile', { _csrf, 'display-name': '  <b>Ha-eun</b> ' }, { cookie });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/account?saved=name');
    const account = await t.app.inject({ url: '/account?saved=name', headers: { cookie } });
    assert.match(account.body, /Signed in as <strong>&lt;b>Ha-eun&lt;\/b><\/strong>/);
    assert.match(account.body, /role="status">Your display name has been saved\./);
    const bad = await postForm(t.app, '/account/profile', { _csrf, 'display-name': '' }, { cookie });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.headers['x-error-code'], 'ERR_READER_NAME_INVALID');
    assert.match(bad.body, /<a href="#display-name">/);
  });

  it('changes the password with the current one, signing out every other session', async () => {
    const { reader, cookie, password } = await t.factories.reader();
    const other = await signIn(reader.email, password);
    const otherCookie = readerCookieFrom(other) ?? '';
    const _csrf = await csrfOf(cookie);
    const wrong = await postForm(
      t.app,
      '/account/password',
      { _csrf, 'current-password': 'not it at all', 'new-password': 'brand new passphrase', 'confirm-password': 'brand new passphrase' },
      { cookie },
    );
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.headers['x-error-code'], 'ERR_PASSWORD_INCORRECT');
    const mismatch = await postForm(
      t.app,
      '/account/password',
      { _csrf, 'current-password': password, 'new-password': 'brand new passphrase', 'confirm-password': 'something else' },
      { cookie },
    );
    assert.equal(mismatch.headers['x-error-code'], 'ERR_PASSWORDS_DO_NOT_MATCH');
    const changed = await postForm(
      t.app,
      '/account/password',
      { _csrf, 'current-password': password, 'new-password': 'brand new passphrase', 'confirm-password': 'brand new passphrase' },
      { cookie },
    );
    assert.equal(changed.statusCode, 303);
    assert.equal(changed.headers.location, '/account?saved=password');
    const fresh = readerCookieFrom(changed);
    assert.ok(fresh && fresh !== cookie, 'this browser carries on with a new session');
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie: fresh } })).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie: otherCookie } })).statusCode, 303, 'the other session ended');
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie } })).statusCode, 303, 'the old session ended');
    assert.equal((await signIn(reader.email, password)).statusCode, 401);
    assert.equal((await signIn(reader.email, 'brand new passphrase')).statusCode, 303);
  });

  it('limits wrong current passwords on the password and delete forms per account and per address (429), the right one included', async () => {
    const newPassword = 'brand new passphrase';
    const signedInReader = async () => {
      const { reader, cookie, password } = await t.factories.reader();
      const _csrf = await csrfOf(cookie);
      const change = (current: string, remoteAddress: string) =>
        postForm(
          t.app,
          '/account/password',
          { _csrf, 'current-password': current, 'new-password': newPassword, 'confirm-password': newPassword },
          { cookie, remoteAddress },
        );
      const remove = (current: string, remoteAddress: string) =>
        postForm(t.app, '/account/delete', { _csrf, password: current }, { cookie, remoteAddress });
      return { reader, password, change, remove };
    };

    // Per account, whichever addresses the guesses come from, and whichever form they use.
    const guessed = await signedInReader();
    for (let i = 0; i < PASSWORD_CHECK_LIMITS.perAccount; i++) {
      const wrong = i % 2 === 0 ? await guessed.change(`wrong one ${i}`, `10.202.0.${i}`) : await guessed.remove(`wrong one ${i}`, `10.202.0.${i}`);
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.headers['x-error-code'], 'ERR_PASSWORD_INCORRECT');
    }
    const limited = await guessed.change(guessed.password, '10.202.0.99');
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['x-error-code'], 'ERR_TOO_MANY_PASSWORD_ATTEMPTS');
    assert.match(limited.body, /<a href="#current-password">/);
    assert.equal(readerCookieFrom(limited), undefined);
    const notDeleted = await guessed.remove(guessed.password, '10.202.0.99');
    assert.equal(notDeleted.statusCode, 429);
    assert.equal((await t.deps.readers.find(guessed.reader.id))?.deleted, false);
    assert.equal((await signIn(guessed.reader.email, guessed.password)).statusCode, 303, 'the password is unchanged');

    // Per address, across accounts: each account stays under its own limit.
    const perAccount = PASSWORD_CHECK_LIMITS.perAccount - 1;
    for (let account = 0; account * perAccount < PASSWORD_CHECK_LIMITS.perIp; account++) {
      const member = await signedInReader();
      for (let i = 0; i < perAccount && account * perAccount + i < PASSWORD_CHECK_LIMITS.perIp; i++) {
        assert.equal((await member.change('wrong password', '10.202.1.1')).statusCode, 400);
      }
    }
    const fresh = await signedInReader();
    const fromThere = await fresh.change(fresh.password, '10.202.1.1');
    assert.equal(fromThere.statusCode, 429);
    assert.equal(fromThere.headers['x-error-code'], 'ERR_TOO_MANY_PASSWORD_ATTEMPTS');
    assert.equal((await fresh.change(fresh.password, '10.202.1.2')).statusCode, 303, 'from another address it works');

    t.clock.advance(PASSWORD_CHECK_LIMITS.windowMs);
    assert.equal((await guessed.change(guessed.password, '10.202.0.99')).statusCode, 303, 'free again after the window');
  });

  it('deletes the account with its password: the row is scrubbed, the reader signed out, the old password useless', async () => {
    const { reader, cookie, password } = await t.factories.reader({ email: 'leaving@mail.example', displayName: 'Leaving Reader' });
    const article = await t.factories.article();
    await t.deps.db
      .insertInto('comments')
      .values({
        id: 'comment-of-leaver',
        article_id: article.id,
        reader_id: reader.id,
        parent_id: null,
        body: 'I was here.',
        status: 'published',
        held_reason: null,
        created_at: t.clock.now().toISOString(),
        edited_at: null,
      })
      .execute();
    const confirm = await t.app.inject({ url: '/account/delete', headers: { cookie } });
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /<label for="password">Your password, to confirm<\/label>/);
    const _csrf = csrfTokenIn(confirm.body);
    const wrong = await postForm(t.app, '/account/delete', { _csrf, password: 'not the password' }, { cookie });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.headers['x-error-code'], 'ERR_PASSWORD_INCORRECT');

    const deleted = await postForm(t.app, '/account/delete', { _csrf, password }, { cookie });
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/account/sign-in?deleted');
    assert.match(String(deleted.headers['set-cookie']), /dateline_reader=;/);
    const row = await t.deps.db.selectFrom('readers').selectAll().where('id', '=', reader.id).executeTakeFirstOrThrow();
    assert.equal(row.display_name, '');
    assert.equal(row.email, `deleted-${reader.id}@deleted.invalid`);
    assert.equal(row.password_hash, '');
    assert.equal(row.deleted_at, t.clock.now().toISOString());
    const sessions = await t.deps.db.selectFrom('reader_sessions').select('id').where('reader_id', '=', reader.id).execute();
    assert.equal(sessions.length, 0);
    const comment = await t.deps.db.selectFrom('comments').select('reader_id').where('id', '=', 'comment-of-leaver').executeTakeFirstOrThrow();
    assert.equal(comment.reader_id, reader.id, 'the comment stays, still tied to the row');
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie } })).statusCode, 303);
    const again = await signIn('leaving@mail.example', password);
    assert.equal(again.statusCode, 401);
    assert.equal(again.headers['x-error-code'], 'ERR_SIGN_IN_FAILED');
    assert.equal(
      (await signUp({ 'display-name': 'Back Again', email: 'leaving@mail.example', password: 'a long enough passphrase' })).statusCode,
      303,
      'the address is free again',
    );
  });

  it('lists my comments newest first, 20 a page, escaped, with line breaks, status and a link to each', async () => {
    const { reader, cookie } = await t.factories.reader();
    const someoneElse = await t.factories.reader();
    const article = await t.factories.article({ headline: 'Ferries <return>', slug: 'ferries-return' });
    const statuses = ['published', 'pending', 'hidden', 'deleted'];
    const start = t.clock.now().getTime();
    for (let i = 0; i < 23; i++) {
      await t.deps.db
        .insertInto('comments')
        .values({
          id: `mine-${String(i).padStart(2, '0')}`,
          article_id: article.id,
          reader_id: reader.id,
          parent_id: null,
          body: i === 22 ? 'Line one <script>\nLine two' : `Comment ${i}`,
          status: statuses[i % 4] ?? 'published',
          held_reason: null,
          created_at: new Date(start - (22 - i) * 60_000).toISOString(),
          edited_at: null,
        })
        .execute();
    }
    await t.deps.db
      .insertInto('comments')
      .values({
        id: 'not-mine',
        article_id: article.id,
        reader_id: someoneElse.reader.id,
        parent_id: null,
        body: 'Not mine',
        status: 'published',
        held_reason: null,
        created_at: new Date(start).toISOString(),
        edited_at: null,
      })
      .execute();
    const first = await t.app.inject({ url: '/account/comments', headers: { cookie } });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.equal((first.body.match(/<li><article/g) ?? []).length, 20);
    assert.ok(first.body.indexOf('mine-22') < first.body.indexOf('mine-21'), 'newest first');
    assert.match(first.body, /<a href="\/article\/ferries-return#comment-mine-22">Ferries &lt;return><\/a>/);
    assert.match(first.body, /Line one &lt;script><br\/?>Line two/);
    assert.match(first.body, /Awaiting moderation/);
    assert.match(first.body, /Hidden by an editor/);
    assert.doesNotMatch(first.body, /Not mine/);
    assert.match(first.body, /href="\/account\/comments\?page=2" rel="next"/);
    const second = await t.app.inject({ url: '/account/comments?page=2', headers: { cookie } });
    assert.equal((second.body.match(/<li><article/g) ?? []).length, 3);
    const bad = await t.app.inject({ url: '/account/comments?page=zero', headers: { cookie } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.headers['x-error-code'], 'ERR_INVALID_PAGE_NUMBER');
  });

  it('links to the account from the masthead of every public page, with the same words for everyone', async () => {
    const home = await t.app.inject('/');
    assert.match(home.body, /<a class="masthead-account" href="\/account">Account<\/a>/);
  });
});
