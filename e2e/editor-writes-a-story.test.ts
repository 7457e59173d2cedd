import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { createDeps } from '../src/deps.js';
import { createFactories } from '../src/testing/factories.js';
import { createTestDatabase } from '../src/testing/test-database.js';
import { browserSuite, launchBrowser, openPage, visit } from './support/browser.js';
import { WCAG_TAGS } from './support/axe.js';
import { typeInBody } from './support/rich-editor.js';

async function assertNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`,
  );
  assert.deepEqual(summary, [], `axe violations on ${what}`);
}

browserSuite('an editor writes a story in the newsroom', () => {
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void>;

  before(async () => {
    const database = await createTestDatabase();
    const config = { ...loadConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', SITE_URL: 'http://127.0.0.1' }), database: database.target };
    const deps = await createDeps(config, { postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
    const app = await createApp(deps);
    const factories = createFactories(deps);
    await factories.section({ name: 'World' });
    await factories.author({ name: 'Ana Kim' });
    await factories.media({ alt: 'Cranes at the harbour' });
    const editor = await factories.staffUser({ role: 'editor' });
    const session = await deps.sessions.create(editor.id);
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    page = await openPage(browser, baseUrl);
    await page.context().addCookies([{ name: 'dateline_session', value: session.token, url: baseUrl }]);
    close = async () => {
      await browser.close();
      await app.close();
      await deps.close();
      await database.drop();
    };
  });
  after(() => close?.());

  it('creates a draft with the form, sees the live preview and autosave, with no axe violations', async () => {
    assert.equal(await visit(page, '/newsroom/stories/new'), 200);
    await assertNoAxeViolations(page, 'the new story form');

    // Headline, section, type and authors are `required` in the browser too: it does not send the form without them.
    await page.getByLabel('Headline').fill('Harbour reopens');
    await page.getByRole('button', { name: 'Create draft' }).click();
    assert.equal(await page.getByLabel('Section').evaluate((select) => (select as HTMLSelectElement).validity.valueMissing), true);
    assert.match(new URL(page.url()).pathname, /\/newsroom\/stories\/new$/, 'the form was not sent');

    // What only the server checks (here a slug) comes back in the error summary, every value kept.
    await page.getByLabel('Section').selectOption({ label: 'World' });
    await page.getByLabel('Authors').selectOption({ label: 'Ana Kim' });
    await page.getByLabel('Slug (web address)').fill('Not A Slug');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Create draft' }).click()]);
    assert.ok(await page.getByRole('alert').isVisible(), 'the error summary shows');
    assert.equal(await page.getByLabel('Headline').inputValue(), 'Harbour reopens', 'values are kept');
    await assertNoAxeViolations(page, 'the new story form with errors');

    await page.getByLabel('Slug (web address)').fill('');
    await typeInBody(page, 'The port ', { press: 'Control+i' }, 'reopened', { press: 'Control+i' }, ' today.');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Create draft' }).click()]);
    assert.match(new URL(page.url()).pathname, /\/newsroom\/stories\/[^/]+\/edit$/);
    assert.ok(await page.getByText('Status: Draft').isVisible());
    await page.locator('#story-live-preview-body em', { hasText: 'reopened' }).waitFor();
    await assertNoAxeViolations(page, 'the story editor');

    await page.getByLabel('Headline').fill('Harbour reopens at last');
    await page.getByText(/^Saved at /).waitFor({ timeout: 20_000 });

    await visit(page, '/newsroom/stories');
    assert.ok(await page.getByRole('row', { name: /Harbour reopens at last.*Draft/ }).isVisible());
    await assertNoAxeViolations(page, 'the story list');
    await page.getByRole('link', { name: 'Harbour reopens at last' }).click();
    await page.getByRole('link', { name: 'Revisions' }).click();
    await assertNoAxeViolations(page, 'the revisions page');
  });
});
