import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { csrfTokenIn, postForm, signInStaff } from '../../testing/newsroom-client.js';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../../testing/smtp-test-server.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { csrfTokenFor } from '../http/csrf.js';
import { READER_COOKIE } from '../shared/reader-cookie.js';

function readerCookieFrom(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((candidate) => candidate.name === READER_COOKIE && candidate.value !== '');
  return cookie ? `${READER_COOKIE}=${cookie.value}` : undefined;
}

/**
 * Account mail end to end: the app queues it, the delivery job sends it to a real SMTP server on
 * loopback, and the test follows the links in what that server received.
 */
describe('account mail received over real SMTP', () => {
  let t: TestApp;
  let smtp: SmtpTestServer;
  let adminCookie: string;
  let csrf: string;
  let ip = 0;
  const nextIp = () => `10.6.${Math.floor(++ip / 250)}.${ip % 250}`;

  before(async () => {
    smtp = await startSmtpTestServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_RATE_PER_MINUTE: '6000' } });
    ({ cookie: adminCookie, csrf } = await signInStaff(t, 'admin', '/newsroom/staff', { displayName: 'Head Admin' }));
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  /** Sends what is queued, then the one message received for `to` since `seen` of theirs. */
  async function receive(to: string, seen = 0): Promise<ReceivedMail> {
    while ((await t.deps.mailSender.runDue()) > 0);
    const mine = () => smtp.messages.filter((message) => message.to.includes(to));
    await smtp.waitFor(() => mine().length > seen);
    const message = mine()[seen];
    assert.ok(message);
    assert.ok(message.parsed.html && message.parsed.text, 'an HTML and a plain-text part');
    return message;
  }

  /** The path of the one link in the plain-text part under `prefix`. */
  function linkIn(message: ReceivedMail, prefix: string): string {
    const urls = (message.parsed.text ?? '').split(/\s+/).filter((word) => word.startsWith(`${t.config.siteUrl}${prefix}`));
    assert.equal(urls.length, 1, `one ${prefix} link`);
    assert.ok(String(message.parsed.html).includes(urls[0]!), 'the HTML part carries the same absolute link');
    return urls[0]!.slice(t.config.siteUrl.length);
  }

  const commentAs = (cookie: string, slug: string, body: string, parent?: string) =>
    postForm(
      t.app,
      `/article/${slug}/comments`,
      { _csrf: csrfTokenFor(cookie.split('=')[1] ?? ''), body, ...(parent ? { parent } : {}) },
      { cookie, remoteAddress: nextIp(), headers: { accept: 'application/json' } },
    );

  it('confirms a sign-up from the received message: no comment before, a comment after', async () => {
    await t.deps.settings.updatePublication({ commentsMode: 'open', commentBlocklist: [] });
    const story = await t.factories.article({ headline: 'Ferry timetable changes' });
    await postForm(
      t.app,
      '/account/sign-up',
      { next: '', 'display-name': 'Da-eun', email: 'daeun@mail.example', password: 'a long enough passphrase' },
      { remoteAddress: nextIp() },
    );
    const signedIn = await postForm(
      t.app,
      '/account/sign-in',
      { next: '', email: 'daeun@mail.example', password: 'a long enough passphrase' },
      { remoteAddress: nextIp() },
    );
    const early = readerCookieFrom(signedIn)!;
    assert.equal((await commentAs(early, story.slug, 'Too soon')).statusCode, 403);

    const message = await receive('daeun@mail.example');
    assert.equal(message.parsed.subject, 'Confirm your e-mail address — Dateline');
    assert.match(String(message.parsed.html), /<html lang="en"/);
    const confirmed = await postForm(t.app, linkIn(message, '/account/confirm/'), {}, { remoteAddress: nextIp() });
    assert.equal(confirmed.statusCode, 303);
    assert.equal((await commentAs(readerCookieFrom(confirmed)!, story.slug, 'Now confirmed')).statusCode, 201);
    assert.equal((await commentAs(early, story.slug, 'And from the first browser')).statusCode, 201);
  });

  it('mails the owner of a registered address "someone tried to sign up" instead', async () => {
    await t.factories.reader({ email: 'owner@mail.example', displayName: 'Owner' });
    const response = await postForm(
      t.app,
      '/account/sign-up',
      { next: '', 'display-name': 'Impostor', email: 'owner@mail.example', password: 'a long enough passphrase' },
      { remoteAddress: nextIp() },
    );
    assert.equal(response.headers.location, '/account/sign-up/check-your-inbox');
    const message = await receive('owner@mail.example');
    assert.equal(message.parsed.subject, 'Someone tried to sign up with your address — Dateline');
    assert.ok(!String(message.parsed.text).includes('/account/confirm/'), 'no confirmation link in it');
  });

  it('resets a reader’s password from the received message', async () => {
    const { reader } = await t.factories.reader({ email: 'lost@mail.example' });
    await postForm(t.app, '/account/forgot-password', { email: reader.email }, { remoteAddress: nextIp() });
    const link = linkIn(await receive(reader.email), '/account/reset/');
    const fields = { 'new-password': 'a fresh passphrase here', 'confirm-password': 'a fresh passphrase here' };
    assert.equal((await postForm(t.app, link, fields, { remoteAddress: nextIp() })).statusCode, 303);
    assert.equal((await postForm(t.app, link, fields, { remoteAddress: nextIp() })).statusCode, 410);
  });

  it('resets a staff password and delivers an invitation from the received messages', async () => {
    const { user } = await t.factories.staff({ role: 'editor', email: 'editor@news.example' });
    await postForm(t.app, '/newsroom/forgot-password', { email: user.email }, { remoteAddress: nextIp() });
    const link = linkIn(await receive(user.email), '/newsroom/reset/');
    const fields = { 'new-password': 'a fresh passphrase here', 'confirm-password': 'a fresh passphrase here' };
    assert.equal((await postForm(t.app, link, fields, { remoteAddress: nextIp() })).statusCode, 303);

    await postForm(
      t.app,
      '/newsroom/staff/invitations',
      { _csrf: csrf, 'invite-email': 'joiner@news.example', role: 'reporter' },
      { cookie: adminCookie },
    );
    const invitation = await receive('joiner@news.example');
    assert.match(String(invitation.parsed.text), /Head Admin invited you/);
    assert.equal((await t.app.inject(linkIn(invitation, '/newsroom/invitations/'))).statusCode, 200);
  });

  it('mails a reply to a reader who opted in on their account page', async () => {
    const story = await t.factories.article({ headline: 'Night market returns' });
    const author = await t.factories.reader({ email: 'talker@mail.example', displayName: 'Talker' });
    const other = await t.factories.reader({ displayName: 'Answerer' });
    const token = csrfTokenIn((await t.app.inject({ url: '/account', headers: { cookie: author.cookie } })).body);
    await postForm(t.app, '/account/reply-mail', { _csrf: token, 'reply-mail': 'on' }, { cookie: author.cookie });
    const parent = (await commentAs(author.cookie, story.slug, 'What time does it open?')).json<{ comment: { id: string } }>().comment.id;
    await commentAs(other.cookie, story.slug, 'At six, I think.', parent);
    const message = await receive('talker@mail.example');
    assert.equal(message.parsed.subject, 'Answerer replied to your comment — Dateline');
    assert.match(String(message.parsed.text), /At six, I think\./);
    linkIn(message, `/article/${story.slug}#comment-`);
  });
});
