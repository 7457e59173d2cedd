import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSuite, openPage, visit } from './support/browser.js';
import type { DemoServer } from './support/demo-server.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

// isbot rightly calls HeadlessChrome a bot; these readers say they are the desktop browser they are.
const READER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

browserSuite('a reader is counted, once, on the demo publication', () => {
  let session: BrowserSession;
  let server: DemoServer;
  let browser: Browser;

  before(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
  });
  after(() => session?.close());

  const storedViews = async (slug: string) => {
    await server.deps.views.flush();
    const row = await server.deps.db.selectFrom('articles').select(['id', 'view_count']).where('slug', '=', slug).executeTakeFirstOrThrow();
    const via = await server.deps.db
      .selectFrom('article_view_hours')
      .select((eb) => eb.fn.sum<number | string>('via_popular_now').as('viaPopularNow'))
      .where('article_id', '=', row.id)
      .executeTakeFirstOrThrow();
    return { total: Number(row.view_count), viaPopularNow: Number(via.viaPopularNow) };
  };

  it('shows all five lists and real counts on first start', async () => {
    const page = await openPage(browser, server.baseUrl, { userAgent: READER_AGENT });
    assert.equal(await visit(page, '/'), 200);
    const lead = page.locator('main a[href^="/article/"]').first();
    await lead.click();
    await page.waitForLoadState('load');
    for (const title of [/Latest Stories$/, /^Weekly Best Articles$/, /^You May Also Like$/, /^Popular Now$/, /^Must-Reads$/]) {
      const list = page.locator('.ranked-list').filter({ has: page.getByRole('heading', { name: title }) });
      assert.ok((await list.locator('li').count()) >= 5, `${title} is full`);
    }
    assert.equal(
      await page
        .locator('.ranked-list')
        .filter({ has: page.getByRole('heading', { name: 'Weekly Best Articles' }) })
        .locator('li')
        .count(),
      12,
    );
    const views = Number((await page.locator('.view-count').innerText()).replace(/\D/g, ''));
    assert.ok(views > 0, 'the lead story has been read');
    await page.context().close();
  });

  it('counts a click from Popular Now once, apart for that list, and takes the marker out of the address', async () => {
    const page = await openPage(browser, server.baseUrl, { userAgent: READER_AGENT });
    await visit(page, '/');
    const link = page.locator('[data-list="popular-now"] a').first();
    const slug = ((await link.getAttribute('href')) ?? '').replace(/^\/article\//, '').replace(/\?.*$/, '');
    const before = await storedViews(slug);
    const beacon = page.waitForResponse((response) => response.url().endsWith('/views') && response.request().method() === 'POST');
    await link.click();
    const counted = await beacon;
    assert.equal(counted.status(), 204);
    assert.equal(await counted.headerValue('x-view'), 'counted');
    assert.equal(new URL(page.url()).search, '', 'the ?via= marker is gone from the address bar');
    assert.deepEqual(await storedViews(slug), { total: before.total + 1, viaPopularNow: before.viaPopularNow + 1 });

    // Reading it again the same day is not another view.
    const again = page.waitForResponse((response) => response.url().endsWith('/views'));
    await page.reload({ waitUntil: 'load' });
    assert.equal(await (await again).headerValue('x-view'), 'repeat');
    assert.equal((await storedViews(slug)).total, before.total + 1);
    await page.context().close();
  });

  it('counts a reader without JavaScript by the pixel', async () => {
    const page = await openPage(browser, server.baseUrl, { userAgent: `${READER_AGENT} no-js`, javaScriptEnabled: false });
    await visit(page, '/');
    const href = (await page.locator('[data-list="must-reads"] a').first().getAttribute('href')) ?? '';
    const slug = href.replace(/^\/article\//, '').replace(/\?.*$/, '');
    const before = await storedViews(slug);
    const pixel = page.waitForResponse((response) => response.url().includes('/views/pixel.gif'));
    await visit(page, href);
    assert.equal(await (await pixel).headerValue('x-view'), 'counted');
    assert.equal((await storedViews(slug)).total, before.total + 1);
    await page.context().close();
  });
});
