import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { startSmtpTestServer, type SmtpTestServer } from '../../testing/smtp-test-server.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { CONFIRMATION_LIFETIME_MS } from './subscriber.service.js';

describe('newsletter subscribers (service, real SMTP)', () => {
  let t: TestApp;
  let smtp: SmtpTestServer;
  let ip = 0;
  before(async () => {
    smtp = await startSmtpTestServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_RATE_PER_MINUTE: '6000' } });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  async function confirmationLink(to: string, count = 1): Promise<string> {
    while ((await t.deps.mailSender.runDue()) > 0);
    const isTo = (m: { to: string[] }) => m.to.some((address) => address.toLowerCase() === to.toLowerCase());
    const messages = await smtp.waitFor((all) => all.filter(isTo).length >= count);
    const message = messages.filter(isTo).at(-1);
    const link = /https:\/\/news\.example\/newsletters\/confirm\/[A-Za-z0-9_-]{43}/.exec(String(message?.parsed.text));
    assert.ok(link, 'the confirmation mail carries its link');
    return link[0];
  }
  const tokenOf = (link: string) => link.split('/').at(-1) ?? '';
  const subscribe = (email: string, keys: unknown, extra: Record<string, unknown> = {}) =>
    t.deps.subscribers.subscribe({ email, keys, ip: `10.0.0.${++ip}`, ...extra });

  it('subscribes with double opt-in: nothing is sent to the address until it confirms', async () => {
    const section = await t.factories.section();
    await subscribe('Ada@Example.com', ['briefing', `weekly-${section.id}`]);
    assert.deepEqual(await t.deps.subscribers.recipients('briefing', null, 10), []);
    const link = await confirmationLink('Ada@Example.com');
    assert.deepEqual((await t.deps.subscribers.confirmation(tokenOf(link))).keys.sort(), ['briefing', `weekly-${section.id}`].sort());
    const { subscriberId } = await t.deps.subscribers.confirm(tokenOf(link));
    assert.deepEqual(await t.deps.subscribers.recipients('briefing', null, 10), [{ subscriberId, email: 'Ada@Example.com' }]);
    assert.equal((await t.deps.subscribers.recipients(`weekly-${section.id}`, null, 10)).length, 1);
    assert.deepEqual(await t.deps.subscribers.recipients('breaking', null, 10), []);
    await rejectsWithCode(t.deps.subscribers.confirm(tokenOf(link)), 'ERR_NEWSLETTER_LINK_GONE');
  });

  it('answers a known address as an unknown one, and adds newsletters only once confirmed', async () => {
    await subscribe('ada@example.com', ['breaking']);
    const link = await confirmationLink('ada@example.com', 2);
    assert.deepEqual(await t.deps.subscribers.recipients('breaking', null, 10), []);
    await t.deps.subscribers.confirm(tokenOf(link));
    assert.equal((await t.deps.subscribers.recipients('breaking', null, 10)).length, 1);
  });

  it('pages recipients by id', async () => {
    for (const n of [1, 2, 3]) {
      await subscribe(`page${n}@example.com`, ['breaking']);
      await t.deps.subscribers.confirm(tokenOf(await confirmationLink(`page${n}@example.com`)));
    }
    const first = await t.deps.subscribers.recipients('breaking', null, 2);
    const rest = await t.deps.subscribers.recipients('breaking', first.at(-1)?.subscriberId ?? null, 10);
    assert.equal(first.length + rest.length, 4);
    assert.deepEqual(
      [...first, ...rest].map((r) => r.subscriberId),
      [...first, ...rest].map((r) => r.subscriberId).sort(),
    );
  });

  it('refuses bad addresses and choices with codes, and bad tokens with 404 / 410', async () => {
    await rejectsWithCode(subscribe('not-an-address', ['briefing']), 'ERR_MAIL_ADDRESS_INVALID');
    await rejectsWithCode(subscribe('a@example.com\r\nBcc: x@example.com', ['briefing']), 'ERR_MAIL_ADDRESS_INVALID');
    await rejectsWithCode(subscribe(`${'a'.repeat(250)}@example.com`, ['briefing']), 'ERR_MAIL_ADDRESS_INVALID');
    await rejectsWithCode(subscribe('b@example.com', []), 'ERR_NEWSLETTER_CHOICE_INVALID');
    await rejectsWithCode(subscribe('b@example.com', ['weekly-nope']), 'ERR_NEWSLETTER_CHOICE_INVALID');
    await rejectsWithCode(t.deps.subscribers.confirm('short'), 'ERR_NEWSLETTER_LINK_NOT_FOUND');
    await rejectsWithCode(t.deps.subscribers.confirm('A'.repeat(43)), 'ERR_NEWSLETTER_LINK_NOT_FOUND');
    await subscribe('late@example.com', ['briefing']);
    const link = await confirmationLink('late@example.com');
    t.clock.advance(CONFIRMATION_LIFETIME_MS + 1);
    await rejectsWithCode(t.deps.subscribers.confirm(tokenOf(link)), 'ERR_NEWSLETTER_LINK_GONE');
  });

  it('signs the preferences and unsubscribe links, and refuses forged ones', async () => {
    const [recipient] = await t.deps.subscribers.recipients('breaking', null, 1);
    assert.ok(recipient);
    const prefs = new URL(t.deps.subscribers.preferencesUrl(recipient.subscriberId));
    assert.equal(prefs.origin, 'https://news.example');
    const subscriber = await t.deps.subscribers.fromPreferencesLink(recipient.subscriberId, prefs.searchParams.get('sig'));
    assert.equal(subscriber.id, recipient.subscriberId);
    await rejectsWithCode(t.deps.subscribers.fromPreferencesLink(recipient.subscriberId, 'forged'), 'ERR_NEWSLETTER_LINK_NOT_FOUND');
    const unsubscribe = new URL(t.deps.subscribers.oneClickUnsubscribeUrl(recipient.subscriberId, 'breaking'));
    await rejectsWithCode(
      t.deps.subscribers.fromUnsubscribeLink(recipient.subscriberId, 'briefing', unsubscribe.searchParams.get('sig')),
      'ERR_NEWSLETTER_LINK_NOT_FOUND',
    );
    const found = await t.deps.subscribers.fromUnsubscribeLink(recipient.subscriberId, 'breaking', unsubscribe.searchParams.get('sig'));
    assert.equal(await t.deps.subscribers.unsubscribe(found.subscriber.id, found.key), 1);
    assert.ok(!(await t.deps.subscribers.recipients('breaking', null, 10)).some((r) => r.subscriberId === recipient.subscriberId));
  });
});
