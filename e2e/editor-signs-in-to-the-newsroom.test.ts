import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { createDeps, type Deps } from '../src/deps.js';
import { createFactories } from '../src/testing/factories.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/test-database.js';
import { VIEWPORTS, browserSuite, launchBrowser, openPage, visit, type ViewportName } from './support/browser.js';
import { WCAG_TAGS } from './support/axe.js';

const EDITOR = { email: 'editor@news.example', displayName: 'Seo-yeon Han', password: 'ferry timetable in winter' };

/** The sign-in form, located by its labels and button. */
class SignInForm {
  constructor(readonly page: Page) {}
  get email() {
    return this.page.getByLabel('E-mail address', { exact: true });
  }
  get password() {
    return this.page.getByLabel('Password', { exact: true });
  }
  get submit() {
    return this.page.getByRole('button', { name: 'Sign in', exact: true });
  }
  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await Promise.all([this.page.waitForLoadState('load'), this.submit.click()]);
  }
}

async function assertNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  assert.ok(results.passes.length > 0, 'axe ran its checks');
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`,
  );
  assert.deepEqual(summary, [], `axe violations on ${what}`);
}

/** The application without the demo (nothing here needs it): one editor, a draft and a published story. */
async function startNewsroomServer(): Promise<{ baseUrl: string; deps: Deps; close(): Promise<void> }> {
  const database: TestDatabase = await createTestDatabase();
  const config = { ...loadConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', SITE_URL: 'http://127.0.0.1' }), database: database.target };
  const deps = await createDeps(config, { postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
  const app = await createApp(deps);
  await deps.users.createUser({ ...EDITOR, role: 'editor' });
  const factories = createFactories(deps);
  await factories.article({ headline: 'Ferry timetable changes for winter', status: 'draft' });
  await factories.article({ headline: 'Harbour reopens after the storm', status: 'published' });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl: address,
    deps,
    close: async () => {
      await app.close();
      await deps.close();
      await database.drop();
    },
  };
}

browserSuite('an editor signs in to the newsroom', () => {
  let server: Awaited<ReturnType<typeof startNewsroomServer>>;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startNewsroomServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in through the form, sees the newsroom home, and signs out', async () => {
    const page = await openPage(browser, server.baseUrl);
    try {
      assert.equal(await visit(page, '/newsroom'), 200, 'redirected to the sign-in page');
      assert.equal(new URL(page.url()).pathname, '/newsroom/sign-in');
      const form = new SignInForm(page);

      await form.signIn(EDITOR.email, 'not the password at all');
      const summary = page.getByRole('alert');
      assert.match(await summary.innerText(), /The e-mail address or password is not right/);
      await summary.getByRole('link').click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'email', 'the summary link moves focus to the field');

      await form.signIn(EDITOR.email, EDITOR.password);
      assert.equal(new URL(page.url()).pathname, '/newsroom');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Welcome, ${EDITOR.displayName}`);
      const stories = page.getByRole('table');
      assert.ok(await stories.getByRole('row', { name: /Ferry timetable changes for winter.*Draft/ }).isVisible());
      assert.ok(await stories.getByRole('row', { name: /Harbour reopens after the storm.*Published/ }).isVisible());
      assert.match(await page.getByText(/^Signed in as/).innerText(), /Seo-yeon Han \(Editor\)/);

      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('navigation', { name: 'Newsroom' }).getByRole('button', { name: 'Sign out' }).click(),
      ]);
      assert.equal(new URL(page.url()).pathname, '/newsroom/sign-in');
      assert.ok(await page.getByRole('status').getByText('You have signed out.').isVisible());
      await visit(page, '/newsroom');
      assert.equal(new URL(page.url()).pathname, '/newsroom/sign-in', 'signed out for real');
    } finally {
      await page.context().close();
    }
  });

  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    describe(`at ${viewport} size`, () => {
      let page: Page;
      before(async () => {
        page = await openPage(browser, server.baseUrl, { viewport: VIEWPORTS[viewport] });
      });
      after(() => page?.context().close());

      it('the sign-in page, also with an error, has no axe violations', async () => {
        assert.equal(await visit(page, '/newsroom/sign-in'), 200);
        await assertNoAxeViolations(page, `the sign-in page at ${viewport} size`);
        await new SignInForm(page).signIn('nobody@news.example', 'a wrong password');
        await assertNoAxeViolations(page, `the sign-in page with an error at ${viewport} size`);
      });

      it('the newsroom home has no axe violations', async () => {
        await new SignInForm(page).signIn(EDITOR.email, EDITOR.password);
        assert.equal(new URL(page.url()).pathname, '/newsroom');
        await assertNoAxeViolations(page, `the newsroom home at ${viewport} size`);
      });
    });
  }
});
