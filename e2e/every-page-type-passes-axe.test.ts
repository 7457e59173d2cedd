import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Result } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { findArticleBySlug, updateArticleStatus } from '../src/modules/articles/article.repository.js';
import { ArticlePage, VIEWPORTS, browserSuite, openPage, visit, type ViewportName } from './support/browser.js';
import type { DemoServer } from './support/demo-server.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const SERIES_STORY = 'the-young-islanders-who-left-and-the-few-who-came-back';
const CORRECTED_STORY = 'tour-boat-runs-aground-off-busan-coast-guard-rescues-passengers';
const WITHDRAWN_STORY = 'bangkok-closes-schools-as-smog-season-arrives-early';

/** One of each page type, with the status it must answer with. */
const PAGES: Array<{ name: string; path: string; status: number }> = [
  { name: 'home', path: '/', status: 200 },
  { name: 'article in a series, with figures', path: `/article/${SERIES_STORY}`, status: 200 },
  { name: 'article with a figure and corrections', path: `/article/${CORRECTED_STORY}`, status: 200 },
  { name: 'section page 1', path: '/section/world', status: 200 },
  { name: 'section page 2', path: '/section/world?page=2', status: 200 },
  { name: 'author', path: '/author/min-ji-park', status: 200 },
  { name: 'tag', path: '/tag/korea', status: 200 },
  { name: 'series', path: '/series/last-ferry', status: 200 },
  { name: 'about', path: '/about', status: 200 },
  { name: 'contact', path: '/contact', status: 200 },
  { name: 'standards', path: '/standards', status: 200 },
  { name: 'privacy', path: '/privacy', status: 200 },
  { name: 'search', path: '/search?q=ferry', status: 200 },
  { name: '404', path: '/article/no-such-story', status: 404 },
  { name: '400', path: '/section/world?page=abc', status: 400 },
  { name: '410', path: `/article/${WITHDRAWN_STORY}`, status: 410 },
];

/** Every violation with what to fix and where, so a failing run says it all. */
function describeViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) =>
            `    - ${node.target.map(String).join(' >> ')}${node.failureSummary ? `\n      ${node.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
        )
        .join('\n');
      return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

browserSuite('every page type passes axe (WCAG 2.2 AA)', () => {
  let session: BrowserSession;
  let server: DemoServer;
  let browser: Browser;

  before(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
    const withdrawn = await findArticleBySlug(server.deps.db, WITHDRAWN_STORY);
    assert.ok(withdrawn, `demo story ${WITHDRAWN_STORY} exists`);
    await updateArticleStatus(server.deps.db, withdrawn.id, 'unpublished', new Date());
    await server.deps.events.emit({ name: 'story.unpublished', articleIds: [withdrawn.id] });
  });
  after(() => session?.close());

  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    describe(`at ${viewport} size (${VIEWPORTS[viewport].width}×${VIEWPORTS[viewport].height})`, () => {
      let page: Page;
      before(async () => {
        page = await openPage(browser, server.baseUrl, { viewport: VIEWPORTS[viewport] });
      });
      after(() => page?.context().close());

      for (const target of PAGES) {
        it(`${target.name} (${target.path}) has no violations`, async () => {
          assert.equal(await visit(page, target.path), target.status, `${target.path} answers ${target.status}`);
          // Legacy mode runs axe in the page itself instead of opening a blank page to merge
          // per-frame results: the same checks (these pages have no frames), in half the time.
          const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
          assert.ok(results.passes.length > 0, 'axe ran its checks');
          assert.equal(
            results.violations.length,
            0,
            `${results.violations.length} axe violation(s) on ${target.path} at ${viewport} size:\n${describeViolations(results.violations)}`,
          );
        });
      }
    });
  }

  describe('without JavaScript', () => {
    it('still shows the article headline, body and ranked lists', async () => {
      const page = await openPage(browser, server.baseUrl, { javaScriptEnabled: false });
      try {
        const article = new ArticlePage(page);
        assert.equal(await article.goto(SERIES_STORY), 200);
        assert.match((await article.headline.innerText()).trim(), /^The young islanders who left, and the few who came back \(Part 2\)$/);
        assert.ok((await article.bodyParagraphs.count()) >= 3, 'the body is there');
        assert.ok(await article.bodyParagraphs.first().isVisible());
        for (const name of ['Weekly Best Articles', 'You May Also Like', 'Popular Now', 'Must-Reads']) {
          const list = article.rankedList(name);
          assert.ok(await list.isVisible(), `${name} is shown`);
          assert.ok((await list.getByRole('listitem').count()) > 0, `${name} lists stories`);
        }
        assert.ok(await article.sectionLatest.isVisible(), 'the section latest list is shown');
        assert.ok(await article.shareRegion.getByRole('link', { name: /^Facebook/ }).isVisible(), 'the plain share links work without script');
        // The script-only buttons stay hidden rather than showing controls that do nothing.
        assert.equal(await article.shareRegion.getByRole('button').count(), 0);
      } finally {
        await page.context().close();
      }
    });
  });
});
