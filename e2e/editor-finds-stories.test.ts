import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createFactories } from '../src/testing/factories.js';
import { assertNoAxeViolations } from './support/axe.js';
import { VIEWPORTS, browserSuite, openPage, visit, type ViewportName } from './support/browser.js';
import type { DemoServer } from './support/demo-server.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

/** The story list and the curation page's finder, in the states an editor meets them (the demo's stories). */
const PAGES: ReadonlyArray<[name: string, path: string, status: number]> = [
  ['story list, searched and filtered', '/newsroom/stories?q=ferry&status=published&sort=headline&order=asc', 200],
  [
    'story list, every filter set',
    '/newsroom/stories?q=seoul&status=published&section=world&from=2020-01-01&to=2030-12-31&sort=published&order=desc',
    200,
  ],
  ['story list, page 2', '/newsroom/stories?page=2', 200],
  ['story list, a bad filter', '/newsroom/stories?status=lost&from=2026-02-31', 400],
  ['curation, the finder’s results', '/newsroom/curation?find=ferry', 200],
  ['curation, the finder without a match', '/newsroom/curation?find=xylophonequartz', 200],
];

browserSuite('an editor finds stories: the story list and the curation finder pass axe', () => {
  let session: BrowserSession;
  let server: DemoServer;
  let browser: Browser;
  let cookie = '';

  before(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
    const factories = createFactories(server.deps);
    const { user } = await factories.staff({ role: 'editor' });
    cookie = await factories.sessionCookie(user.id);
  });
  after(() => session?.close());

  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    describe(`at ${viewport} size (${VIEWPORTS[viewport].width}×${VIEWPORTS[viewport].height})`, () => {
      let page: Page;
      before(async () => {
        const [name = '', value = ''] = cookie.split('=');
        const domain = new URL(server.baseUrl).hostname;
        page = await openPage(browser, server.baseUrl, {
          viewport: VIEWPORTS[viewport],
          storageState: { cookies: [{ name, value, domain, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }], origins: [] },
        });
      });
      after(() => page?.context().close());

      for (const [name, path, status] of PAGES) {
        it(`${name} has no violations`, async () => {
          assert.equal(await visit(page, path), status, `${path} answers ${status}`);
          await assertNoAxeViolations(page, `${path} at ${viewport} size`);
        });
      }

      it('the filter form, filled in by its labels, puts its values in the address', async () => {
        await visit(page, '/newsroom/stories');
        await page.getByLabel('Search headlines and text').fill('ferry');
        await page.getByLabel('Status').selectOption('published');
        await page.getByLabel('Sort by').selectOption('headline');
        await Promise.all([page.waitForURL(/q=ferry/), page.getByRole('button', { name: 'Show stories' }).click()]);
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('q'), 'ferry');
        assert.equal(url.searchParams.get('status'), 'published');
        assert.equal(url.searchParams.get('sort'), 'headline');
        assert.ok((await page.getByRole('row').count()) > 1, 'the demo has stories about ferries');
      });
    });
  }
});
