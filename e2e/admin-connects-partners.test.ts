import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { createDeps, type Deps } from '../src/deps.js';
import { createFactories } from '../src/testing/factories.js';
import { createTestDatabase } from '../src/testing/test-database.js';
import { startWebhookReceiver } from '../src/testing/webhook-receiver.js';
import { VIEWPORTS, browserSuite, launchBrowser, openPage, visit } from './support/browser.js';
import { WCAG_TAGS } from './support/axe.js';

const ADMIN = { email: 'admin@news.example', displayName: 'Ji-ho Admin', password: 'lighthouse keeper at dawn' };

async function assertNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  assert.ok(results.passes.length > 0, 'axe ran its checks');
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`,
  );
  assert.deepEqual(summary, [], `axe violations on ${what}`);
}

async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button, exact: true }).first().click()]);
}

browserSuite('an admin connects a partner: an API key and a webhook, through the newsroom', () => {
  let browser: Browser;
  let baseUrl: string;
  let deps: Deps;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let close: () => Promise<void>;

  before(async () => {
    const database = await createTestDatabase();
    // The receiver listens on loopback, which webhooks refuse unless allowed.
    const env = { DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', SITE_URL: 'http://127.0.0.1', WEBHOOK_ALLOW_PRIVATE: '1' };
    const config = { ...loadConfig(env), database: database.target };
    deps = await createDeps(config, { postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
    const app = await createApp(deps);
    await deps.users.createUser({ ...ADMIN, role: 'admin' });
    await createFactories(deps).article({ headline: 'Harbour reopens after the storm' });
    receiver = await startWebhookReceiver();
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    close = async () => {
      await app.close();
      await deps.close();
      await receiver.close();
      await database.drop();
    };
  });
  after(async () => {
    await browser?.close();
    await close?.();
  });

  it('makes an API key the API accepts and a webhook that delivers, every page free of axe violations', async () => {
    const page = await openPage(browser, baseUrl, { viewport: VIEWPORTS.phone });
    try {
      await visit(page, '/newsroom/sign-in');
      await page.getByLabel('E-mail address', { exact: true }).fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await submit(page, 'Sign in');

      // API keys: a refused empty name, then a key shown once, which the Content API accepts.
      assert.equal(await visit(page, '/newsroom/api-keys'), 200);
      await assertNoAxeViolations(page, 'the API keys page');
      await submit(page, 'Create API key');
      await assertNoAxeViolations(page, 'the API keys page with an error');
      await page.getByLabel('Name', { exact: true }).fill('Wire partner');
      await submit(page, 'Create API key');
      await assertNoAxeViolations(page, 'the API keys page showing a new key');
      const key = (await page.content()).match(/dl_live_[A-Za-z0-9_-]{43}/)?.[0];
      assert.ok(key, 'the new key is shown');
      const api = await fetch(`${baseUrl}/api/v1/articles?fields=headline`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal(api.status, 200);
      const { data } = (await api.json()) as { data: Array<{ headline: string }> };
      assert.deepEqual(
        data.map((story) => story.headline),
        ['Harbour reopens after the storm'],
      );

      // Webhooks: a form with errors, then a webhook whose test delivery reaches the receiver.
      assert.equal(await visit(page, '/newsroom/webhooks'), 200);
      await assertNoAxeViolations(page, 'the webhooks page');
      assert.equal(await visit(page, '/newsroom/webhooks/new'), 200);
      await page.getByLabel('URL', { exact: true }).fill('javascript:alert(1)');
      await submit(page, 'Create webhook');
      await assertNoAxeViolations(page, 'the webhook form with errors');
      await page.getByLabel('Name', { exact: true }).fill('Partner CMS');
      await page.getByLabel('URL', { exact: true }).fill(receiver.url);
      await page.getByLabel(/Published/).check();
      await submit(page, 'Create webhook');
      await assertNoAxeViolations(page, 'a webhook page');
      await submit(page, 'Send a test delivery');
      assert.equal(await deps.webhookSender.runDue(), 1);
      assert.equal(receiver.received.length, 1);
      assert.equal(receiver.received[0]?.headers['x-dateline-event'], 'ping');
      await page.reload();
      await assertNoAxeViolations(page, 'the delivery log');
      assert.match(await page.locator('main').innerText(), /delivered/i);

      // The System page: the jobs that sent it, among others.
      assert.equal(await visit(page, '/newsroom/system'), 200);
      await assertNoAxeViolations(page, 'the System page');
    } finally {
      await page.context().close();
    }
  });
});
