import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ArticlePage, browserSuite, isInViewport, openPage } from './support/browser.js';
import type { DemoServer } from './support/demo-server.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

const SLUG = 'the-young-islanders-who-left-and-the-few-who-came-back';

/** Where keyboard focus is: the element's tag, id and text, and whether it lies inside <main>. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    const main = document.querySelector('main');
    return {
      tag: active?.tagName.toLowerCase() ?? null,
      id: active?.id ?? null,
      text: (active?.textContent ?? '').trim().slice(0, 80),
      isMain: active !== null && active === main,
      insideMain: active !== null && main !== null && main !== active && main.contains(active),
      insideMasthead: active !== null && active.closest('header.masthead') !== null,
    };
  });
}

browserSuite('a keyboard user skips to the content', () => {
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

  it('reaches the skip link first, and lands in <main> after following it', async () => {
    const article = new ArticlePage(page);
    assert.equal(await article.goto(SLUG), 200);

    await page.keyboard.press('Tab');
    const skip = article.skipToMain;
    assert.ok(await skip.evaluate((element) => element === document.activeElement), 'the first Tab focuses "Skip to main content"');
    assert.ok(await isInViewport(page, skip), 'the focused skip link is shown on screen');
    assert.equal(await skip.getAttribute('href'), '#main-content');

    await page.keyboard.press('Enter');
    await page.waitForURL('**#main-content');
    const afterSkip = await focusState(page);
    assert.ok(afterSkip.isMain || afterSkip.insideMain, `focus moved to <main>, not to ${JSON.stringify(afterSkip)}`);
    assert.equal(await article.main.getAttribute('id'), 'main-content');

    await page.keyboard.press('Tab');
    const next = await focusState(page);
    assert.ok(next.insideMain, `the next Tab stays inside <main>: ${JSON.stringify(next)}`);
    assert.equal(next.insideMasthead, false, 'the next Tab does not go back to the masthead');
    assert.equal(next.tag, 'a');
  });

  it('offers "Back to the main page (bottom)" at the very end', async () => {
    const article = new ArticlePage(page);
    const back = article.backToMainBottom;
    assert.equal(await back.count(), 1);
    assert.equal(await back.getAttribute('href'), '/');
    const isLastLink = await back.evaluate((element) => {
      const links = Array.from(document.querySelectorAll('a[href]'));
      return links[links.length - 1] === element;
    });
    assert.ok(isLastLink, 'it is the last link on the page');
  });
});
