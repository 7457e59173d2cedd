import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { CONFIRMATION_RESEND_LIMIT, READER_CONFIRMATION_LIFETIME_MS } from '../../modules/readers/index.js';
import { MAILED_RESET_LIFETIME_MS, RESET_REQUEST_LIMITS } from '../../modules/users/index.js';
import { linkIn, recordMail, type MailRecorder } from '../../testing/account-mail.js';
import { csrfTokenIn, postForm } from '../../testing/newsroom-client.js';
import { requestPasswordReset, submitNewPassword } from '../../testing/password-reset.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { csrfTokenFor } from '../http/csrf.js';
import { READER_COOKIE } from '../shared/reader-cookie.js';

function readerCookieFrom(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((candidate) => candidate.name === READER_COOKIE && candidate.value !== '');
  return cookie ? `${READER_COOKIE}=${cookie.value}` : undefined;
}

describe('reader account mail over HTTP: confirmation, forgot password, reply mail', () => {
  let t: TestApp;
  let sent: MailRecorder;
  let ip = 0;
  const nextIp = () => `10.8.${Math.floor(++ip / 250)}.${ip % 250}`;
  const site = () => t.config.siteUrl;
  const signUp = (email: string, displayName = 'New Reader') =>
    postForm(
      t.app,
      '/account/sign-up',
      { next: '', 'display-name': displayName, email, password: 'a long enough passphrase' },
      { remoteAddress: nextIp() },
    );
  const forgot = (email: string, remoteAddress = nextIp()) => postForm(t.app, '/account/forgot-password', { email }, { remoteAddress });
  const requestReset = (typed: string, mailedTo?: string) => requestPasswordReset(t, sent, '/account', typed, { mailedTo, remoteAddress: nextIp() });
  const csrfOf = (cookie: string) => csrfTokenFor(cookie.split('=')[1] ?? '');
  const commentAs = (cookie: string, slug: string, body: string, parent?: string) =>
    postForm(
      t.app,
      `/article/${slug}/comments`,
      { _csrf: csrfOf(cookie), body, ...(parent ? { parent } : {}) },
      { cookie, remoteAddress: nextIp(), headers: { accept: 'application/json' } },
    );

  before(async () => {
    t = await createTestApp();
    sent = recordMail(t.deps);
    await t.deps.settings.updatePublication({ commentsMode: 'open', commentBlocklist: [] });
  });
  after(() => t.close());

  it('lets a new reader sign in but not comment until the mailed link is used; then they can', async () => {
    const story = await t.factories.article({ headline: 'Bridge opens' });
    assert.equal((await signUp('waiting@mail.example', 'Waiting')).statusCode, 303);
    const signedIn = await postForm(
      t.app,
      '/account/sign-in',
      { email: 'waiting@mail.example', password: 'a long enough passphrase', next: '' },
      { remoteAddress: nextIp() },
    );
    const cookie = readerCookieFrom(signedIn);
    assert.ok(cookie);
    const account = await t.app.inject({ url: '/account', headers: { cookie } });
    assert.match(account.body, /action="\/account\/confirm"/, 'the account page offers to send the link again');
    const refused = await commentAs(cookie, story.slug, 'Too early');
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.headers['x-error-code'] ?? refused.json<{ error: { code: string } }>().error.code, 'ERR_READER_NOT_CONFIRMED');

    const [mail] = await sent.to('waiting@mail.example');
    assert.ok(mail);
    assert.match(mail.html, /<html lang="en"/);
    const link = linkIn(mail, site(), '/account/confirm/');
    const confirmed = await postForm(t.app, link, {}, { remoteAddress: nextIp() });
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, '/account?saved=confirmed');
    assert.equal((await commentAs(cookie, story.slug, 'Now I may')).statusCode, 201);
  });

  it('answers forged, reused and expired confirmation links with 404 or 410 and a page saying what to do', async () => {
    const forged = await t.app.inject('/account/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(forged.statusCode, 404);
    assert.equal(forged.headers['x-error-code'], 'ERR_READER_CONFIRMATION_NOT_FOUND');
    assert.match(forged.body, /<h1>Not found<\/h1>/);
    assert.equal((await t.app.inject('/account/confirm/not-even-a-token')).statusCode, 404);

    await signUp('twice@mail.example');
    const link = linkIn((await sent.to('twice@mail.example'))[0]!, site(), '/account/confirm/');
    assert.equal((await postForm(t.app, link, {}, { remoteAddress: nextIp() })).statusCode, 303);
    for (const reused of [await t.app.inject(link), await postForm(t.app, link, {}, { remoteAddress: nextIp() })]) {
      assert.equal(reused.statusCode, 410);
      assert.equal(reused.headers['x-error-code'], 'ERR_READER_CONFIRMATION_GONE');
      assert.match(reused.body, /This link no longer works/);
    }

    await signUp('late@mail.example');
    const late = linkIn((await sent.to('late@mail.example'))[0]!, site(), '/account/confirm/');
    t.clock.advance(READER_CONFIRMATION_LIFETIME_MS);
    assert.equal((await t.app.inject(late)).statusCode, 410);
  });

  it('sends the confirmation again on request, spending the old link, a few times an hour at most', async () => {
    const { cookie } = await t.factories.reader({ email: 'again@mail.example', confirmed: false });
    const csrf = csrfTokenIn((await t.app.inject({ url: '/account', headers: { cookie } })).body);
    for (let i = 0; i < CONFIRMATION_RESEND_LIMIT.limit; i++) {
      assert.equal((await postForm(t.app, '/account/confirm', { _csrf: csrf }, { cookie })).statusCode, 303);
    }
    const refused = await postForm(t.app, '/account/confirm', { _csrf: csrf }, { cookie });
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.headers['x-error-code'], 'ERR_TOO_MANY_CONFIRMATION_MAILS');
    const links = (await sent.to('again@mail.example')).map((message) => linkIn(message, site(), '/account/confirm/'));
    assert.equal(links.length, CONFIRMATION_RESEND_LIMIT.limit);
    assert.equal((await t.app.inject(links[0]!)).statusCode, 410, 'an older link is spent');
    assert.equal((await t.app.inject(links.at(-1)!)).statusCode, 200);
    assert.equal((await postForm(t.app, '/account/confirm', { _csrf: 'forged' }, { cookie })).statusCode, 403);
  });

  it('mails a reset link for a known address and answers an unknown one the same; the link works once, for an hour, and ends the other sessions', async () => {
    const { reader, cookie: otherSession } = await t.factories.reader({ email: 'forgetful@mail.example' });
    const link = await requestReset('Forgetful@Mail.example', reader.email);
    assert.ok(link);
    assert.equal(await requestReset('nobody-here@mail.example'), undefined);
    assert.equal((await t.app.inject(link)).statusCode, 200);

    const reset = await submitNewPassword(t, link, 'a brand new passphrase', { remoteAddress: nextIp() });
    assert.equal(reset.statusCode, 303);
    assert.ok(readerCookieFrom(reset), 'this browser is signed in');
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie: otherSession } })).statusCode, 303, 'the other session is over');
    const reused = await t.app.inject(link);
    assert.equal(reused.statusCode, 410);
    assert.equal(reused.headers['x-error-code'], 'ERR_READER_RESET_GONE');

    const later = await requestReset(reader.email);
    assert.ok(later);
    t.clock.advance(MAILED_RESET_LIFETIME_MS);
    assert.equal((await t.app.inject(later)).statusCode, 410, 'an hour later the link is gone');
    assert.equal((await t.app.inject('/account/reset/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB')).statusCode, 404);
  });

  it('lets the owner of an address someone else signed up with take the account back through a mailed reset', async () => {
    // Someone signed up with an address that is not theirs and never confirmed it.
    const { cookie: squatter } = await t.factories.reader({ email: 'rightful@mail.example', confirmed: false });
    const link = await requestReset('rightful@mail.example');
    assert.ok(link);
    const reset = await submitNewPassword(t, link, 'the rightful passphrase', { remoteAddress: nextIp() });
    const owner = readerCookieFrom(reset);
    assert.ok(owner);
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie: squatter } })).statusCode, 303, 'the squatter is signed out');
    const account = await t.app.inject({ url: '/account', headers: { cookie: owner } });
    assert.doesNotMatch(account.body, /action="\/account\/confirm"/, 'the mailed link confirmed the address');
  });

  it('limits reset requests per client and address without ever stopping the owner from signing in', async () => {
    const { reader, password } = await t.factories.reader({ email: 'target@mail.example' });
    const attacker = '198.51.100.7';
    for (let i = 0; i < RESET_REQUEST_LIMITS.perAddressAndIp.limit; i++) assert.equal((await forgot(reader.email, attacker)).statusCode, 303);
    const limited = await forgot(reader.email, attacker);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['x-error-code'], 'ERR_TOO_MANY_RESET_REQUESTS');
    // The same refusal for an address with no account: the limit tells nothing either.
    for (let i = 0; i < RESET_REQUEST_LIMITS.perAddressAndIp.limit; i++) await forgot('ghost@mail.example', attacker);
    assert.equal((await forgot('ghost@mail.example', attacker)).statusCode, 429);
    // The owner, elsewhere, can still ask, and can always sign in.
    assert.equal((await forgot(reader.email, '192.0.2.50')).statusCode, 303);
    const signIn = await postForm(t.app, '/account/sign-in', { email: reader.email, password, next: '' }, { remoteAddress: '192.0.2.50' });
    assert.equal(signIn.statusCode, 303);
    assert.ok(readerCookieFrom(signIn));
  });

  it('refuses malformed, over-long and header-injecting addresses and names with a coded 400, mailing nothing', async () => {
    const before = (await sent.to()).length;
    for (const email of ['victim@mail.example\r\nBcc: all@mail.example', 'a@b\nc.example', `${'a'.repeat(250)}@mail.example`, 'no-at-sign']) {
      const response = await forgot(email);
      assert.equal(response.statusCode, 400, JSON.stringify(email));
      assert.equal(response.headers['x-error-code'], 'ERR_EMAIL_INVALID');
      const signUpResponse = await signUp(email);
      assert.equal(signUpResponse.statusCode, 400);
      assert.equal(signUpResponse.headers['x-error-code'], 'ERR_EMAIL_INVALID');
    }
    for (const name of ['Evil\r\nBcc: all@mail.example', 'Line\nbreak', 'x'.repeat(51)]) {
      const response = await signUp('fresh-name@mail.example', name);
      assert.equal(response.statusCode, 400);
      assert.equal(response.headers['x-error-code'], 'ERR_READER_NAME_INVALID');
    }
    assert.equal((await sent.to()).length, before);
  });

  it('mails a reader who opted in when someone replies, once the reply is published, and not after opting out', async () => {
    const story = await t.factories.article({ headline: 'Harbour <news> & more' });
    const author = await t.factories.reader({ email: 'author@mail.example', displayName: 'Author' });
    const replier = await t.factories.reader({ displayName: 'Replier <b>' });
    const csrf = csrfTokenIn((await t.app.inject({ url: '/account', headers: { cookie: author.cookie } })).body);
    const optIn = await postForm(t.app, '/account/reply-mail', { _csrf: csrf, 'reply-mail': 'on' }, { cookie: author.cookie });
    assert.equal(optIn.statusCode, 303);
    assert.match(
      (await t.app.inject({ url: '/account', headers: { cookie: author.cookie } })).body,
      /id="reply-mail" name="reply-mail" type="checkbox" value="on" checked/,
    );

    const parent = (await commentAs(author.cookie, story.slug, 'First!')).json<{ comment: { id: string } }>().comment.id;
    assert.equal((await commentAs(author.cookie, story.slug, 'My own reply', parent)).statusCode, 201);
    assert.equal((await sent.to('author@mail.example')).length, 0, 'no mail for replying to oneself');
    const reply = (await commentAs(replier.cookie, story.slug, 'A <reply>', parent)).json<{ comment: { id: string } }>().comment.id;
    const mails = await sent.to('author@mail.example');
    assert.equal(mails.length, 1);
    assert.equal(mails[0]?.kind, 'comment.reply');
    assert.ok(mails[0]?.html.includes('A &lt;reply&gt;') && !mails[0].html.includes('<reply>'), 'what readers typed is escaped');
    assert.ok(mails[0]?.text.includes(`/article/${story.slug}#comment-${reply}`));

    // Held for moderation: mailed when approved, once.
    await t.deps.settings.updatePublication({ commentsMode: 'pre-moderated' });
    const held = (await commentAs(replier.cookie, story.slug, 'Held reply', parent)).json<{ comment: { id: string } }>().comment.id;
    assert.equal((await sent.to('author@mail.example')).length, 1);
    const { user: editor } = await t.factories.staff({ role: 'editor' });
    await t.deps.moderation.moderate({ id: editor.id, role: editor.role }, held, 'approve');
    assert.equal((await sent.to('author@mail.example')).length, 2);
    await t.deps.moderation.moderate({ id: editor.id, role: editor.role }, held, 'hide');
    await t.deps.moderation.moderate({ id: editor.id, role: editor.role }, held, 'approve');
    assert.equal((await sent.to('author@mail.example')).length, 2, 'approving again mails nothing more');
    await t.deps.settings.updatePublication({ commentsMode: 'open' });

    assert.equal((await postForm(t.app, '/account/reply-mail', { _csrf: csrf }, { cookie: author.cookie })).statusCode, 303);
    await commentAs(replier.cookie, story.slug, 'After opting out', parent);
    assert.equal((await sent.to('author@mail.example')).length, 2);
  });
});
