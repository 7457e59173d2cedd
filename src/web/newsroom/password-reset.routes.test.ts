import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAILED_RESET_LIFETIME_MS, RESET_REQUEST_LIMITS } from '../../modules/users/index.js';
import { linkIn, recordMail, type MailRecorder } from '../../testing/account-mail.js';
import { createNewsroomTestApp, postForm, sessionCookieFrom, signInOverHttp } from '../../testing/newsroom-client.js';
import { requestPasswordReset, submitNewPassword } from '../../testing/password-reset.js';
import type { TestApp } from '../../testing/test-app.js';

describe('staff mail: forgot password and invitations', () => {
  let t: TestApp;
  let sent: MailRecorder;
  let adminCookie: string;
  let csrf: string;
  let ip = 0;
  const nextIp = () => `10.7.${Math.floor(++ip / 250)}.${ip % 250}`;
  const forgot = (email: string, remoteAddress = nextIp()) => postForm(t.app, '/newsroom/forgot-password', { email }, { remoteAddress });
  const requestReset = (typed: string, mailedTo?: string) => requestPasswordReset(t, sent, '/newsroom', typed, { mailedTo, remoteAddress: nextIp() });
  const site = () => t.config.siteUrl;

  before(async () => {
    ({ t, cookie: adminCookie, csrf } = await createNewsroomTestApp('admin', '/newsroom/staff', { displayName: 'Head Admin' }));
    sent = recordMail(t.deps);
  });
  after(() => t.close());

  it('mails the invitation, and still shows the link once as a fallback', async () => {
    const response = await postForm(
      t.app,
      '/newsroom/staff/invitations',
      { _csrf: csrf, 'invite-email': 'Invitee@News.example', role: 'editor' },
      { cookie: adminCookie },
    );
    assert.equal(response.statusCode, 200);
    const [mail, ...more] = await sent.to('invitee@news.example');
    assert.ok(mail && more.length === 0);
    assert.equal(mail.kind, 'staff.invitation');
    assert.match(mail.text, /Head Admin invited you/);
    const link = linkIn(mail, site(), '/newsroom/invitations/');
    assert.ok(response.body.includes(link), 'the copyable link is the one mailed');
    assert.equal((await t.app.inject(link)).statusCode, 200);
  });

  it('refuses header-injecting or malformed invitation addresses with a coded 400 and mails nothing', async () => {
    const before = (await sent.to()).length;
    for (const email of ['a@news.example\r\nBcc: all@news.example', 'a@b\n.example', `${'a'.repeat(250)}@news.example`]) {
      const response = await postForm(
        t.app,
        '/newsroom/staff/invitations',
        { _csrf: csrf, 'invite-email': email, role: 'editor' },
        { cookie: adminCookie },
      );
      assert.equal(response.statusCode, 400);
      assert.equal(response.headers['x-error-code'], 'ERR_EMAIL_INVALID');
    }
    assert.equal((await sent.to()).length, before);
  });

  it('mails a reset link for a staff address and answers an unknown one the same; once, an hour, other sessions ended', async () => {
    const { user } = await t.factories.staff({ role: 'reporter', email: 'reporter@news.example' });
    const otherSession = await t.factories.sessionCookie(user.id);
    const link = await requestReset('Reporter@News.example', 'reporter@news.example');
    assert.ok(link);
    assert.equal(await requestReset('nobody@news.example'), undefined);
    assert.equal((await t.app.inject(link)).statusCode, 200);

    const mismatch = await submitNewPassword(t, link, 'a brand new passphrase', { confirm: 'something else entirely', remoteAddress: nextIp() });
    assert.equal(mismatch.statusCode, 400);
    const reset = await submitNewPassword(t, link, 'a brand new passphrase', { remoteAddress: nextIp() });
    assert.equal(reset.statusCode, 303);
    assert.ok(sessionCookieFrom(reset));
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie: otherSession } })).statusCode, 303, 'the other session is over');
    assert.equal((await signInOverHttp(t.app, 'reporter@news.example', 'a brand new passphrase', { remoteAddress: nextIp() })).statusCode, 303);
    const reused = await t.app.inject(link);
    assert.equal(reused.statusCode, 410);
    assert.equal(reused.headers['x-error-code'], 'ERR_STAFF_RESET_GONE');
    assert.match(reused.body, /Error 410/);

    const later = await requestReset('reporter@news.example');
    assert.ok(later);
    t.clock.advance(MAILED_RESET_LIFETIME_MS);
    assert.equal((await t.app.inject(later)).statusCode, 410);
    const forged = await t.app.inject(`/newsroom/reset/${'C'.repeat(43)}`);
    assert.equal(forged.statusCode, 404);
    assert.equal(forged.headers['x-error-code'], 'ERR_STAFF_RESET_NOT_FOUND');
  });

  it('sends no link to a deactivated account, answering the same', async () => {
    const { user } = await t.factories.staff({ role: 'reporter', email: 'gone@news.example' });
    await t.deps.users.deactivate(user.id, null);
    assert.equal((await forgot('gone@news.example')).statusCode, 303);
    assert.equal((await sent.to('gone@news.example')).length, 0);
  });

  it('limits requests per client and address, never the owner’s sign-in, and refuses CR/LF addresses with 400', async () => {
    const { password } = await t.factories.staff({ role: 'editor', email: 'target@news.example' });
    const attacker = '198.51.100.9';
    for (let i = 0; i < RESET_REQUEST_LIMITS.perAddressAndIp.limit; i++)
      assert.equal((await forgot('target@news.example', attacker)).statusCode, 303);
    const limited = await forgot('target@news.example', attacker);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['x-error-code'], 'ERR_TOO_MANY_RESET_REQUESTS');
    assert.equal((await forgot('target@news.example', '192.0.2.60')).statusCode, 303);
    assert.equal((await signInOverHttp(t.app, 'target@news.example', password, { remoteAddress: '192.0.2.60' })).statusCode, 303);
    const injected = await forgot('target@news.example\r\nBcc: all@news.example');
    assert.equal(injected.statusCode, 400);
    assert.equal(injected.headers['x-error-code'], 'ERR_EMAIL_INVALID');
  });

  it('refuses a reset form posted from another site', async () => {
    const response = await postForm(t.app, '/newsroom/forgot-password', { email: 'x@news.example' }, { headers: { origin: 'https://evil.example' } });
    assert.equal(response.statusCode, 403);
  });
});
