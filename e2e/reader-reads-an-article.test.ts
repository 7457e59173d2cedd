import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ArticlePage, HomePage, assertAllImagesLoadedWithAlt, assertInDocumentOrder, browserSuite, openPage } from './support/browser.js';
import type { DemoServer } from './support/demo-server.js';
import { startBrowserSession, type BrowserSession } from './support/session.js';

browserSuite('a reader reads an article', () => {
  let session: BrowserSession;
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let leadHeadline: string;

  before(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
    page = await openPage(browser, server.baseUrl);
  });
  after(() => session?.close());

  it('opens the lead story from the home page by its headline link', async () => {
    const home = new HomePage(page);
    assert.equal(await home.goto(), 200);
    const link = home.leadHeadlineLink;
    leadHeadline = (await link.innerText()).trim();
    assert.ok(leadHeadline.length > 0, 'the lead story has a headline');
    const href = await link.getAttribute('href');
    assert.match(href ?? '', /^\/article\/[a-z0-9-]+$/);

    await link.click();
    await page.waitForURL(`**${href}`);
    const article = new ArticlePage(page);
    assert.equal((await article.headline.innerText()).trim(), leadHeadline);
  });

  it('shows the article anatomy in order', async () => {
    const article = new ArticlePage(page);
    assert.match(await article.sectionLabelLink.innerText(), /^[A-Z]+$/, 'the section label is upper case');
    assert.ok((await article.standfirst.innerText()).trim().length > 0, 'a standfirst');

    const authorLinks = await article.bylineAuthorLinks.all();
    const emailLinks = await article.bylineEmailLinks.all();
    assert.ok(authorLinks.length >= 1, 'at least one author link');
    assert.equal(emailLinks.length, authorLinks.length, 'an e-mail for every author');
    for (const link of authorLinks) assert.match((await link.getAttribute('href')) ?? '', /^\/author\/[a-z0-9-]+$/);
    for (const link of emailLinks) {
      const href = (await link.getAttribute('href')) ?? '';
      assert.match(href, /^mailto:[^@\s]+@[^@\s]+$/);
      assert.equal(href.slice('mailto:'.length), (await link.innerText()).trim());
    }

    const published = await article.publishedTime.getAttribute('datetime');
    assert.ok(published && !Number.isNaN(Date.parse(published)), 'the published time carries a machine-readable datetime');
    assert.match(await article.viewCount.innerText(), /^Views [\d,]+$/);

    const caption = (await article.heroFigure.locator('figcaption').innerText()).trim();
    assert.match(caption, /\(ⓒ [^)]+\)$/, 'the hero caption ends with the photo credit');
    assert.ok((await article.bodyParagraphs.count()) >= 3, 'body paragraphs');

    const shareLinks = article.shareRegion.getByRole('link');
    const shareNames = (await shareLinks.allInnerTexts()).map((text) => text.trim());
    for (const network of ['Facebook', 'X', 'LinkedIn', 'E-mail']) {
      assert.ok(
        shareNames.some((name) => name.startsWith(network)),
        `a share link for ${network}`,
      );
    }

    await assertInDocumentOrder(page, [
      ['section label', article.sectionLabelLink],
      ['headline', article.headline],
      ['standfirst', article.standfirst],
      ['byline authors', article.bylineAuthors],
      ['published time', article.publishedTime],
      ['view count', article.viewCount],
      ['hero figure', article.heroFigure],
      ['first body paragraph', article.bodyParagraphs.first()],
      ['author box', article.authorBox],
      ['share links', article.shareRegion],
      ['comments heading', article.commentsHeading],
      ['section latest stories', article.sectionLatest],
      ['Weekly Best Articles', article.rankedList('Weekly Best Articles')],
      ['You May Also Like', article.rankedList('You May Also Like')],
      ['Popular Now', article.rankedList('Popular Now')],
      ['Must-Reads', article.rankedList('Must-Reads')],
    ]);

    for (const [name, list] of [
      ['section latest', article.sectionLatest],
      ['Weekly Best Articles', article.rankedList('Weekly Best Articles')],
      ['You May Also Like', article.rankedList('You May Also Like')],
      ['Popular Now', article.rankedList('Popular Now')],
      ['Must-Reads', article.rankedList('Must-Reads')],
    ] as const) {
      await list.scrollIntoViewIfNeeded();
      assert.ok(await list.isVisible(), `${name} is visible`);
      assert.ok((await list.getByRole('listitem').count()) > 0, `${name} lists stories`);
    }
  });

  it('captions the hero as “△ caption (ⓒ credit)”, both marks drawn from the caption font rather than as empty boxes', async () => {
    const caption = new ArticlePage(page).heroFigure.locator('figcaption');
    await caption.scrollIntoViewIfNeeded();
    assert.match((await caption.innerText()).trim(), /^△ \S.* \(ⓒ [^)]+\)$/);
    assert.equal(await caption.locator('.caption-mark').getAttribute('aria-hidden'), 'true', 'the triangle is not read out');
    const drawn = await caption.evaluate(async (element) => {
      await document.fonts.ready;
      const faces: FontFace[] = [];
      document.fonts.forEach((candidate) => void faces.push(candidate));
      const face = faces.find((candidate) => candidate.family.replace(/["']/g, '') === 'Dateline Marks');
      // Each mark drawn in the caption's own font stack, beside U+10FFFD, which no font has: a mark
      // drawn like it is an empty box (tofu).
      const family = getComputedStyle(element).fontFamily;
      const [tofu, triangle, circledC] = ['\u{10FFFD}', '△', 'ⓒ'].map((text) => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const context = canvas.getContext('2d');
        if (!context) return '';
        context.font = `40px ${family}`;
        context.fillText(text, 8, 48);
        return canvas.toDataURL();
      });
      return { status: face?.status, unicodeRange: face?.unicodeRange, triangleDrawn: triangle !== tofu, circledCDrawn: circledC !== tofu };
    });
    assert.deepEqual(drawn, { status: 'loaded', unicodeRange: 'U+24D2, U+25B3', triangleDrawn: true, circledCDrawn: true });
  });

  it('leaves the story itself out of Popular Now, which still lists five', async () => {
    const article = new ArticlePage(page);
    const path = new URL(page.url()).pathname;
    const hrefs = await article
      .rankedList('Popular Now')
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    assert.ok(!hrefs.some((href) => href?.split('?')[0] === path), `${path} is not in its own Popular Now`);
    assert.equal(await article.rankedList('Popular Now').getByRole('listitem').count(), 5);
  });

  it('has loaded every image, each with alt text or marked decorative', async () => {
    const images = await assertAllImagesLoadedWithAlt(page);
    assert.ok(images.length >= 1, 'the article has at least its hero image');
    const hero = await new ArticlePage(page).heroFigure.getByRole('img').getAttribute('alt');
    assert.ok(hero && hero.trim().length > 0, 'the hero image is described');
  });

  it('goes to the section page from the section label', async () => {
    const article = new ArticlePage(page);
    const label = (await article.sectionLabelLink.innerText()).trim();
    const href = (await article.sectionLabelLink.getAttribute('href')) ?? '';
    assert.match(href, /^\/section\/[a-z0-9-]+$/);
    await article.sectionLabelLink.click();
    await page.waitForURL(`**${href}`);
    const heading = (await page.getByRole('main').getByRole('heading', { level: 1 }).innerText()).trim();
    assert.equal(heading.toUpperCase(), label);
    assert.ok(
      (await page.getByRole('main').getByRole('link', { name: leadHeadline, exact: true }).count()) >= 1,
      'the section page lists the story we came from',
    );
  });
});
