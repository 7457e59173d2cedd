import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { findArticleBySlug } from '../src/modules/articles/article-page.repository.js';
import { assertNoAxeViolations } from './support/axe.js';
import { VIEWPORTS, browserSuite, openPage, visit, type ViewportName } from './support/browser.js';
import type { DemoServer } from './support/demo-server.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

const ADMIN = { email: 'jiho@news.example', displayName: 'Ji-ho Seo', password: 'the night ferry leaves at ten' };
const STORY = 'tour-boat-runs-aground-off-busan-coast-guard-rescues-passengers';

/** The newsroom pages a Korean-speaking admin works in every day, each checked in Korean. */
const PAGES: ReadonlyArray<{ name: string; path: (storyId: string) => string }> = [
  { name: 'newsroom home', path: () => '/newsroom' },
  { name: 'story list', path: () => '/newsroom/stories' },
  { name: 'story editor', path: (id) => `/newsroom/stories/${id}/edit` },
  { name: 'media library', path: () => '/newsroom/media' },
  { name: 'curation', path: () => '/newsroom/curation' },
  { name: 'comment queue', path: () => '/newsroom/comments' },
  { name: 'audience', path: () => '/newsroom/audience' },
  { name: 'settings', path: () => '/newsroom/settings' },
  { name: 'editions', path: () => '/newsroom/settings/editions' },
  { name: 'staff', path: () => '/newsroom/staff' },
  { name: 'newsletters', path: () => '/newsroom/newsletters' },
  { name: 'subscribers', path: () => '/newsroom/subscribers' },
  { name: 'audit log', path: () => '/newsroom/audit' },
];

async function signIn(page: Page): Promise<void> {
  assert.equal(await visit(page, '/newsroom/sign-in'), 200);
  await page.getByLabel('E-mail address', { exact: true }).fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
}

/** The newsroom in the staff member's language (docs/i18n.md): chosen on the account page, in the browser. */
browserSuite('a staff member works in the newsroom in Korean', () => {
  let session: BrowserSession;
  let server: DemoServer;
  let browser: Browser;
  let storyId: string;

  before(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
    await server.deps.users.createUser({ ...ADMIN, role: 'admin' });
    const story = await findArticleBySlug(server.deps.db, STORY);
    assert.ok(story, `demo story ${STORY} exists`);
    storyId = story.id;
  });
  after(() => session?.close());

  it('chooses Korean on the account page; every page after it is Korean and passes axe at both widths', async () => {
    const page = await openPage(browser, server.baseUrl);
    try {
      await signIn(page);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.getByRole('link', { name: 'Change password', exact: true }).click();
      await page.getByLabel('Language of the newsroom’s pages').selectOption('ko');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save language' }).click()]);
      assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
      await page.getByRole('button', { name: '로그아웃' }).waitFor();
      assert.equal(await page.getByRole('navigation', { name: '뉴스룸' }).getByRole('link', { name: '기사', exact: true }).count(), 1);

      for (const target of PAGES) {
        for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
          await page.setViewportSize(VIEWPORTS[viewport]);
          assert.equal(await visit(page, target.path(storyId)), 200, target.name);
          assert.equal(await page.locator('html').getAttribute('lang'), 'ko', target.name);
          await assertNoAxeViolations(page, `${target.name} in Korean at ${viewport}`);
        }
      }

      // The editor's script speaks Korean too: its toolbar's name and buttons come from the page's messages.
      await visit(page, `/newsroom/stories/${storyId}/edit`);
      await page.getByRole('toolbar', { name: '서식' }).waitFor();
      assert.equal(await page.getByRole('button', { name: '굵게' }).count(), 1);
    } finally {
      await page.context().close();
    }
  });
});
