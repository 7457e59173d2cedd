import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { createDeps, type Deps } from '../src/deps.js';
import { runningClockFrom } from '../src/shared/clock.js';
import { createFactories } from '../src/testing/factories.js';
import { startSmtpTestServer, type SmtpTestServer } from '../src/testing/smtp-test-server.js';
import { createTestDatabase } from '../src/testing/test-database.js';
import { browserSuite, launchBrowser, openPage, visit } from './support/browser.js';
import { todayAtOneUtc } from './support/newsroom-desk.js';

const EDITOR = { email: 'editor@news.example', displayName: 'Min-ji Editor', password: 'lighthouse keeper at dawn' };
const SUBSCRIBERS = 30;
const READER = 'ha-eun@example.com';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button, exact: true }).first().click()]);
}

/** Confirmed subscribers through the real double opt-in (the link read from the queued message). */
async function subscribe(deps: Deps, email: string): Promise<void> {
  await deps.subscribers.subscribe({ email, keys: ['briefing'], ip: `ip-${email}` });
  const message = await deps.db.selectFrom('mail_messages').select('text').where('to_address', '=', email).executeTakeFirstOrThrow();
  const token = /\/newsletters\/confirm\/([A-Za-z0-9_-]+)/.exec(message.text)?.[1];
  assert.ok(token, 'the confirmation message carries its link');
  await deps.subscribers.confirm(token);
}

browserSuite('a reader subscribes; an editor edits and sends the Morning Briefing; the reader gets it and unsubscribes', () => {
  let deps: Deps;
  let browser: Browser;
  let baseUrl: string;
  let smtp: SmtpTestServer;
  let close: () => Promise<void>;

  before(async () => {
    smtp = await startSmtpTestServer();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const database = await createTestDatabase();
    const env = { DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', SITE_URL: baseUrl, DEMO: '0', SMTP_URL: smtp.url, MAIL_RATE_PER_MINUTE: '600' };
    const config = { ...loadConfig(env), database: database.target };
    // Early in the day, before the briefing's set time (07:00 UTC): the automatic send must not
    // beat the editor to today's issue, whatever the hour the suite runs at.
    const clock = runningClockFrom(todayAtOneUtc());
    deps = await createDeps(config, { clock, postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
    await deps.settings.updatePublication({ timeZone: 'UTC', newsletterTime: '07:00' });
    const app = await createApp(deps);
    await deps.users.createUser({ ...EDITOR, role: 'editor' });
    const factories = createFactories(deps);
    for (const name of ['World', 'Business', 'Culture'])
      await factories.article({ section: await factories.section({ name }), headline: `${name} leads the day` });
    await deps.lists.refreshOnce();
    for (let i = 0; i < SUBSCRIBERS; i++) await subscribe(deps, `reader${i}@example.com`);
    await app.listen({ port, host: '127.0.0.1' });
    deps.jobs.start();
    close = async () => {
      await app.close();
      await deps.close();
      await database.drop();
    };
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await close?.();
    await smtp?.close();
  });

  it('a reader subscribes on the home page and confirms from the message received', async () => {
    const page = await openPage(browser, baseUrl);
    try {
      await visit(page, '/');
      const form = page.locator('section.newsletter-signup').first();
      await form.getByRole('checkbox', { name: /^The Morning Briefing/ }).check();
      await form.getByLabel('Your e-mail address').fill(READER);
      await submit(page, 'Subscribe');
      assert.ok(await page.getByRole('heading', { name: 'Check your inbox' }).isVisible());
      const [confirmation] = await smtp
        .waitFor((all) => all.some((m) => m.to.includes(READER)), 30_000)
        .then((all) => all.filter((m) => m.to.includes(READER)));
      const link = /(http:\/\/127\.0\.0\.1:\d+\/newsletters\/confirm\/[A-Za-z0-9_-]+)/.exec(confirmation?.parsed.text ?? '')?.[1];
      assert.ok(link, 'the confirmation message carries its link');
      await page.goto(link);
      await submit(page, 'Confirm my subscription');
      assert.ok(await page.getByRole('heading', { name: 'You are subscribed' }).isVisible());
    } finally {
      await page.context().close();
    }
  });

  it('composes today’s briefing, writes an intro, reorders and removes stories, sends it and watches the counts reach the end', async () => {
    const page = await openPage(browser, baseUrl);
    try {
      await visit(page, '/newsroom/sign-in');
      await page.getByLabel('E-mail address', { exact: true }).fill(EDITOR.email);
      await page.getByLabel('Password', { exact: true }).fill(EDITOR.password);
      await submit(page, 'Sign in');
      await page.getByRole('link', { name: 'Newsletters' }).first().click();
      await page.getByLabel('Newsletter', { exact: true }).selectOption({ label: 'The Morning Briefing' });
      await submit(page, 'Compose or open today’s issue');
      await page.getByLabel('Subject').fill('Good morning from the desk');
      await page.getByLabel('Intro (optional)').fill('Three things to know today.');
      await page.getByRole('checkbox', { name: 'Keep Business leads the day' }).uncheck();
      await page.getByLabel('Position of Culture leads the day').fill('1');
      await page.getByLabel('Position of World leads the day').fill('2');
      await submit(page, 'Save changes');
      assert.ok(await page.getByText('Your changes were saved.').isVisible());
      await submit(page, 'Send now');
      // From here only the page's script changes what it shows: the test never reloads.
      const live = page.locator('#newsletter-progress');
      assert.equal(await live.getAttribute('aria-live'), 'polite');
      await page.waitForFunction(
        (n) => document.querySelector('#newsletter-progress')?.textContent?.includes(`Sent: ${n}. Waiting: 0. Failed: 0.`),
        SUBSCRIBERS + 1,
        { timeout: 60_000 },
      );
      const briefings = smtp.messages.filter((message) => message.parsed.subject === 'Good morning from the desk');
      assert.equal(briefings.length, SUBSCRIBERS + 1);
      const html = String(briefings[0]?.parsed.html);
      assert.match(html, /Three things to know today\./);
      assert.ok(html.indexOf('Culture leads the day') < html.indexOf('World leads the day'));
      assert.ok(!html.includes('Business leads the day'));
    } finally {
      await page.context().close();
    }
  });

  it('the reader receives the briefing and unsubscribes from its link', async () => {
    const briefing = smtp.messages.find((m) => m.to.includes(READER) && m.parsed.subject === 'Good morning from the desk');
    assert.ok(briefing, 'the reader got the briefing');
    const unsubscribe = /href="([^"]+\/newsletters\/unsubscribe\/[^"]+)"/.exec(String(briefing.parsed.html))?.[1]?.replace(/&amp;/g, '&');
    assert.ok(unsubscribe);
    assert.match(briefing.raw.replace(/\r\n[ \t]+/g, ' '), /List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/newsletters\/unsubscribe\//);
    const page = await openPage(browser, baseUrl);
    try {
      await page.goto(unsubscribe);
      await submit(page, 'Unsubscribe');
      assert.ok(await page.getByRole('heading', { name: 'You are unsubscribed' }).isVisible());
      const left = await deps.subscribers.recipients('briefing', null, 1000);
      assert.ok(!left.some((recipient) => recipient.email === READER));
      assert.equal(left.length, SUBSCRIBERS);
    } finally {
      await page.context().close();
    }
  });
});
