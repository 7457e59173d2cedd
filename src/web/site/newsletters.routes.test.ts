import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postForm } from '../../testing/newsroom-client.js';
import { startSmtpTestServer, type SmtpTestServer } from '../../testing/smtp-test-server.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('newsletter pages: sign-up, confirmation, preferences, one-click unsubscribe (real SMTP)', () => {
  let t: TestApp;
  let smtp: SmtpTestServer;
  let address = 0;
  before(async () => {
    smtp = await startSmtpTestServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_RATE_PER_MINUTE: '6000' } });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const nextIp = () => `10.1.0.${++address}`;
  const mailsTo = (to: string) => smtp.messages.filter((m) => m.to.some((a) => a.toLowerCase() === to.toLowerCase()));
  async function deliver(): Promise<void> {
    while ((await t.deps.mailSender.runDue()) > 0);
  }
  async function linkIn(to: string, count: number): Promise<string> {
    await deliver();
    await smtp.waitFor(() => mailsTo(to).length >= count);
    const link = /https:\/\/news\.example(\/newsletters\/confirm\/[A-Za-z0-9_-]{43})/.exec(String(mailsTo(to).at(-1)?.parsed.text));
    assert.ok(link?.[1]);
    return link[1];
  }
  const subscribe = (email: string, fields: Record<string, string> = {}, ip = nextIp()) =>
    postForm(t.app, '/newsletters/subscribe', { email, newsletter: 'briefing', website: '', ...fields }, { remoteAddress: ip });

  it('shows the sign-up form on the home page, with the bot trap', async () => {
    const home = await t.app.inject({ url: '/' });
    assert.match(home.body, /action="\/newsletters\/subscribe"/);
    assert.match(home.body, /name="website"[^>]*tabindex="-1"/);
  });

  it('subscribes, confirms from the received mail and lists the address as a recipient', async () => {
    const response = await subscribe('reader1@example.com');
    assert.equal(response.statusCode, 200);
    const path = await linkIn('reader1@example.com', 1);
    const message = mailsTo('reader1@example.com')[0];
    assert.ok(message?.parsed.html, 'an HTML part');
    const page = await t.app.inject({ url: path });
    assert.equal(page.statusCode, 200);
    assert.equal((await t.deps.subscribers.recipients('briefing', null, 100)).length, 0, 'opening the link confirms nothing');
    const confirmed = await postForm(t.app, path, {});
    assert.equal(confirmed.statusCode, 200);
    const recipients = await t.deps.subscribers.recipients('briefing', null, 100);
    assert.deepEqual(
      recipients.map((r) => r.email),
      ['reader1@example.com'],
    );
    const reused = await postForm(t.app, path, {});
    assert.equal(reused.statusCode, 410);
    assert.equal(reused.headers['x-error-code'], 'ERR_NEWSLETTER_LINK_GONE');
  });

  it('answers a known address exactly as an unknown one', async () => {
    const known = await subscribe('reader1@example.com');
    const unknown = await subscribe('stranger@example.com');
    assert.equal(known.statusCode, unknown.statusCode);
    assert.equal(known.body, unknown.body);
  });

  it('refuses bad addresses with a coded 400 and stores nothing', async () => {
    for (const email of ['nope', `${'x'.repeat(250)}@example.com`, 'a@example.com\r\nBcc: b@example.com', '']) {
      const response = await subscribe(email);
      assert.equal(response.statusCode, 400);
      assert.equal(response.headers['x-error-code'], 'ERR_MAIL_ADDRESS_INVALID');
    }
    const none = await subscribe('ok@example.com', { newsletter: 'weekly-unknown' });
    assert.equal(none.headers['x-error-code'], 'ERR_NEWSLETTER_CHOICE_INVALID');
  });

  it('pretends a filled bot trap worked and sends nothing', async () => {
    const response = await subscribe('bot@example.com', { website: 'http://spam.example' });
    assert.equal(response.statusCode, 200);
    await deliver();
    assert.equal(mailsTo('bot@example.com').length, 0);
  });

  it('limits sign-ups per IP address (429)', async () => {
    const ip = '10.9.9.9';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await subscribe(`flood${i}@example.com`, {}, ip)).statusCode);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(200));
    assert.equal(statuses[10], 429);
  });

  it('refuses a cross-site sign-up', async () => {
    const response = await postForm(
      t.app,
      '/newsletters/subscribe',
      { email: 'x@example.com', newsletter: 'briefing' },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    );
    assert.equal(response.statusCode, 403);
  });

  it('answers forged and unknown confirmation links with 404 pages', async () => {
    for (const url of ['/newsletters/confirm/forged', `/newsletters/confirm/${'A'.repeat(43)}`]) {
      const response = await t.app.inject({ url });
      assert.equal(response.statusCode, 404);
      assert.equal(response.headers['x-error-code'], 'ERR_NEWSLETTER_LINK_NOT_FOUND');
      assert.match(response.body, /<h1>/);
    }
  });

  it('lets the preferences link change the newsletters and unsubscribe from all, and refuses a forged one', async () => {
    const [recipient] = await t.deps.subscribers.recipients('briefing', null, 1);
    assert.ok(recipient);
    const url = new URL(t.deps.subscribers.preferencesUrl(recipient.subscriberId));
    const path = url.pathname + url.search;
    const page = await t.app.inject({ url: path });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /reader1@example\.com/);
    assert.equal(page.headers['cache-control'], 'private, no-store');
    const forged = await t.app.inject({ url: `${url.pathname}?sig=AAAA` });
    assert.equal(forged.statusCode, 404);
    const saved = await t.app.inject({
      method: 'POST',
      url: path,
      payload: 'newsletter=briefing&newsletter=breaking&action=save',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(saved.statusCode, 303);
    assert.ok((await t.deps.subscribers.recipients('breaking', null, 10)).some((r) => r.subscriberId === recipient.subscriberId));
    const all = await postForm(t.app, path, { action: 'unsubscribe-all' });
    assert.equal(all.statusCode, 303);
    assert.ok(!(await t.deps.subscribers.recipients('briefing', null, 10)).some((r) => r.subscriberId === recipient.subscriberId));
    assert.ok(!(await t.deps.subscribers.recipients('breaking', null, 10)).some((r) => r.subscriberId === recipient.subscriberId));
  });

  it('unsubscribes by a one-click POST (RFC 8058) with no cookie, CSRF token or further step; GET only shows a button', async () => {
    await subscribe('oneclick@example.com', { newsletter: 'breaking' });
    await postForm(t.app, await linkIn('oneclick@example.com', 1), {});
    const [recipient] = (await t.deps.subscribers.recipients('breaking', null, 100)).filter((r) => r.email === 'oneclick@example.com');
    assert.ok(recipient);
    const url = new URL(t.deps.subscribers.oneClickUnsubscribeUrl(recipient.subscriberId, 'breaking'));
    const shown = await t.app.inject({ url: url.pathname + url.search });
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /<button type="submit">Unsubscribe<\/button>/);
    assert.ok((await t.deps.subscribers.recipients('breaking', null, 100)).some((r) => r.email === 'oneclick@example.com'));
    const forged = await postForm(t.app, `${url.pathname}?sig=nope`, { 'List-Unsubscribe': 'One-Click' });
    assert.equal(forged.statusCode, 404);
    const response = await postForm(
      t.app,
      url.pathname + url.search,
      { 'List-Unsubscribe': 'One-Click' },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    );
    assert.equal(response.statusCode, 200);
    assert.ok(!(await t.deps.subscribers.recipients('breaking', null, 100)).some((r) => r.email === 'oneclick@example.com'));
  });

  it('takes the one-click POST as multipart/form-data too, as RFC 8058 prefers', async () => {
    await subscribe('multipart@example.com', { newsletter: 'briefing' });
    await postForm(t.app, await linkIn('multipart@example.com', 1), {});
    const recipient = (await t.deps.subscribers.recipients('briefing', null, 100)).find((r) => r.email === 'multipart@example.com');
    assert.ok(recipient);
    const url = new URL(t.deps.subscribers.oneClickUnsubscribeUrl(recipient.subscriberId, 'briefing'));
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const response = await t.app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    });
    assert.equal(response.statusCode, 200);
    assert.ok(!(await t.deps.subscribers.recipients('briefing', null, 100)).some((r) => r.email === 'multipart@example.com'));
  });

  it('shows the form on the reader account page with its CSRF token, and links a confirmed address to the account', async () => {
    const { reader, cookie } = await t.factories.reader();
    const page = await t.app.inject({ url: '/account', headers: { cookie } });
    const csrf = /id="account-newsletters-title"[\s\S]*?name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(csrf, 'the account page form carries the CSRF token');
    const forged = await postForm(
      t.app,
      '/newsletters/subscribe',
      { email: reader.email, newsletter: 'briefing', _csrf: 'forged' },
      { cookie, remoteAddress: nextIp() },
    );
    assert.equal(forged.statusCode, 403);
    const response = await postForm(
      t.app,
      '/newsletters/subscribe',
      { email: reader.email, newsletter: 'briefing', _csrf: csrf },
      { cookie, remoteAddress: nextIp() },
    );
    assert.equal(response.statusCode, 200);
    const path = await linkIn(reader.email, 1);
    await postForm(t.app, path, {});
    const row = await t.deps.db
      .selectFrom('newsletter_subscribers')
      .select('reader_id')
      .where('email_key', '=', reader.email.toLowerCase())
      .executeTakeFirst();
    assert.equal(row?.reader_id, reader.id);
  });
});
