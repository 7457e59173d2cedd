import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ArticlePage, SeriesPage, browserSuite, openPage } from './support/browser.js';
import type { DemoServer } from './support/demo-server.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

const PART_1 = {
  slug: 'on-an-island-of-43-people-the-last-ferry-is-about-to-leave',
  headline: 'On an island of 43 people, the last ferry is about to leave',
};
const PART_2 = {
  slug: 'the-young-islanders-who-left-and-the-few-who-came-back',
  headline: 'The young islanders who left, and the few who came back',
};

browserSuite('a reader follows a series', () => {
  let session: BrowserSession;
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
    page = await openPage(browser, server.baseUrl);
  });
  after(() => session?.close());

  it('goes from Part 2 back to Part 1 through the series navigation', async () => {
    const article = new ArticlePage(page);
    assert.equal(await article.goto(PART_2.slug), 200);
    assert.equal((await article.headline.innerText()).trim(), `${PART_2.headline} (Part 2)`);

    const nav = article.seriesNav;
    assert.match((await nav.getByRole('heading').innerText()).trim(), /^Series: The Last Ferry$/);
    const toPart1 = nav.getByText(/^To read Part 1,/).getByRole('link', { name: PART_1.headline, exact: true });
    assert.equal(await toPart1.getAttribute('href'), `/article/${PART_1.slug}`);
    await toPart1.click();
    await page.waitForURL(`**/article/${PART_1.slug}`);

    assert.equal((await article.headline.innerText()).trim(), `${PART_1.headline} (Part 1)`);
    assert.match(await article.headline.innerText(), /\(Part 1\)$/);
    // Part 1 has no earlier part, and offers the next one.
    assert.equal(await article.seriesNav.getByText(/^To read Part/).count(), 0);
    assert.equal(
      await article.seriesNav
        .getByText(/^Next: Part 2,/)
        .getByRole('link', { name: PART_2.headline, exact: true })
        .getAttribute('href'),
      `/article/${PART_2.slug}`,
    );
    // The list of all parts marks the current one.
    const current = article.seriesNav.getByRole('listitem').filter({ has: page.locator('[aria-current="page"]') });
    assert.equal((await current.innerText()).trim(), `Part 1: ${PART_1.headline}`);
  });

  it('lists every part in order on the series page', async () => {
    const series = new SeriesPage(page);
    assert.equal(await series.goto('last-ferry'), 200);
    assert.equal((await series.title.innerText()).trim(), 'The Last Ferry');
    const parts = (await series.partLinks.allInnerTexts()).map((text) => text.trim());
    assert.deepEqual(parts, [`${PART_1.headline} (Part 1)`, `${PART_2.headline} (Part 2)`]);
    assert.deepEqual(await series.partLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href'))), [
      `/article/${PART_1.slug}`,
      `/article/${PART_2.slug}`,
    ]);
  });
});
