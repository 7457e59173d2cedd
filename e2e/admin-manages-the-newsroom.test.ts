import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { createDeps } from '../src/deps.js';
import { addViewCounts } from '../src/modules/audience/view-count.repository.js';
import { createFactories } from '../src/testing/factories.js';
import { createTestDatabase } from '../src/testing/test-database.js';
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

browserSuite('an admin manages staff, sections and settings', () => {
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void>;

  before(async () => {
    const database = await createTestDatabase();
    const config = { ...loadConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', SITE_URL: 'http://127.0.0.1' }), database: database.target };
    const deps = await createDeps(config, { postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
    const app = await createApp(deps);
    await deps.users.createUser({ ...ADMIN, role: 'admin' });
    const story = await createFactories(deps).article({ status: 'published', tags: ['Harbour'] });
    await addViewCounts(deps.db, [
      { articleId: story.id, hourStart: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000), views: 12, viaPopularNow: 0, viaWeeklyBest: 0 },
    ]);
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    close = async () => {
      await app.close();
      await deps.close();
      await database.drop();
    };
  });
  after(async () => {
    await browser?.close();
    await close?.();
  });

  it('every management page, with and without errors, has no axe violations, and an invitation works end to end', async () => {
    const page = await openPage(browser, baseUrl, { viewport: VIEWPORTS.phone });
    try {
      await visit(page, '/newsroom/sign-in');
      await page.getByLabel('E-mail address', { exact: true }).fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await submit(page, 'Sign in');

      for (const path of [
        '/newsroom/staff',
        '/newsroom/sections',
        '/newsroom/sections/new',
        '/newsroom/settings',
        '/newsroom/authors',
        '/newsroom/authors/new',
        '/newsroom/tags',
        '/newsroom/audience',
      ]) {
        assert.equal(await visit(page, path), 200, path);
        await assertNoAxeViolations(page, path);
      }
      // The audience charts and tables at desktop width too, with every "Show the figures" table open.
      await page.setViewportSize(VIEWPORTS.desktop);
      assert.equal(await visit(page, '/newsroom/audience?period=30d'), 200);
      await page.locator('details').evaluateAll((details) => details.forEach((element) => element.setAttribute('open', '')));
      await assertNoAxeViolations(page, 'the audience page at desktop width');
      await page.setViewportSize(VIEWPORTS.phone);

      await visit(page, '/newsroom/staff');
      await page.getByLabel('E-mail address', { exact: true }).fill('not-an-address@');
      await page.evaluate(() => document.querySelector('#invite-email')?.setAttribute('type', 'text'));
      await submit(page, 'Create invitation link');
      await assertNoAxeViolations(page, 'the staff page with an error');
      await page.getByRole('alert').getByRole('link').click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'invite-email');

      await page.getByLabel('E-mail address', { exact: true }).fill('newcomer@news.example');
      await page.getByLabel('Role', { exact: true }).selectOption('reporter');
      await submit(page, 'Create invitation link');
      await assertNoAxeViolations(page, 'the staff page with an invitation link');
      const link = await page.locator('.invitation-link code').innerText();

      await visit(page, '/newsroom/sections/new');
      await page.getByLabel('Name', { exact: true }).fill('Science');
      await page.getByLabel('Web address (slug)').fill('Not A Slug');
      await submit(page, 'Create section');
      await assertNoAxeViolations(page, 'the section form with an error');

      await visit(page, '/newsroom/settings');
      await page.getByLabel('Time zone').fill('Mars/Olympus');
      await submit(page, 'Save settings');
      await assertNoAxeViolations(page, 'the settings with an error');

      const invitee = await openPage(browser, baseUrl, { viewport: VIEWPORTS.phone });
      try {
        await visit(invitee, new URL(link).pathname);
        await assertNoAxeViolations(invitee, 'the invitation page');
        await invitee.getByLabel('Your name, as colleagues will see it').fill('New Comer');
        await invitee.getByLabel('Password', { exact: true }).fill('short');
        await invitee.evaluate(() => document.querySelector('#new-password')?.removeAttribute('minlength'));
        await invitee.getByLabel('Password again').fill('short');
        await submit(invitee, 'Create my account');
        await assertNoAxeViolations(invitee, 'the invitation page with an error');
        await invitee.getByLabel('Password', { exact: true }).fill('a long and fine passphrase');
        await invitee.getByLabel('Password again').fill('a long and fine passphrase');
        await submit(invitee, 'Create my account');
        assert.equal(new URL(invitee.url()).pathname, '/newsroom');
        assert.match(await invitee.getByText(/^Signed in as/).innerText(), /New Comer \(Reporter\)/);
        assert.equal(await visit(invitee, new URL(link).pathname), 410);
        await assertNoAxeViolations(invitee, 'the used invitation page');
      } finally {
        await invitee.context().close();
      }
    } finally {
      await page.context().close();
    }
  });
});
