import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.js';
import { assertNoAxeViolations } from './support/axe.js';
import { VIEWPORTS, browserSuite, launchBrowser, openPage, visit } from './support/browser.js';

/** The Korean fonts site.css names for Hangul (a machine without any draws tofu: Debian's fonts-noto-cjk has them). */
const KOREAN_FONT = /Noto (Sans|Serif) (CJK )?KR|Apple SD Gothic Neo|AppleMyungjo|Malgun Gothic|Batang/;

const KOREAN_BODY =
  '폭풍이 지나간 뒤 섬과 육지를 잇는 여객선이 사흘 만에 다시 운항을 시작했다. 주민들은 이른 아침부터 선착장에 나와 배를 기다렸고, 해운사는 오후부터 증편 운항에 들어간다고 밝혔다.';

browserSuite('a reader switches between the English and Korean editions', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  const slugs = { english: 'ferry-service-resumes', korean: 'yeogaekseon-unhang-jaegae' };

  before(async () => {
    server = await startAppServer();
    const { deps, factories } = server;
    const korean = await deps.editions.create({
      code: 'ko',
      pathPrefix: 'ko',
      name: '더 데이트라인',
      tagline: '오늘의 뉴스',
      timeZone: 'Asia/Seoul',
    });
    const world = await factories.section({ slug: 'world', name: 'World' });
    const segye = await factories.section({ slug: 'segye', name: '세계', editionId: korean.id });
    const english = await factories.article({ section: world, slug: slugs.english, headline: 'Ferry service resumes after the storm' });
    const translated = await factories.article({
      section: segye,
      editionId: korean.id,
      slug: slugs.korean,
      headline: '폭풍 뒤 여객선 운항 사흘 만에 재개',
      standfirst: '주민들 선착장에 나와 첫 배 맞아',
      body: [{ type: 'paragraph', content: [{ text: KOREAN_BODY }] }],
    });
    const group = '33333333-4444-4555-8666-777777777777';
    await deps.db.updateTable('articles').set({ translation_group_id: group }).where('id', 'in', [english.id, translated.id]).execute();
    deps.pageCache.purge(['site']);
    browser = await launchBrowser();
    page = await openPage(browser, server.baseUrl);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('goes from an English story to its Korean translation and back', async () => {
    assert.equal(await visit(page, `/article/${slugs.english}`), 200);
    const toKorean = page.getByRole('navigation', { name: 'This story in other languages' }).getByRole('link');
    assert.equal(await toKorean.getAttribute('lang'), 'ko');
    await toKorean.click();
    await page.waitForURL(`**/ko/article/${slugs.korean}`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
    assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), '폭풍 뒤 여객선 운항 사흘 만에 재개');
    assert.equal(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href'), `http://127.0.0.1/article/${slugs.english}`);

    const toEnglish = page.getByRole('navigation', { name: '이 기사의 다른 언어판' }).getByRole('link');
    await toEnglish.click();
    await page.waitForURL(`**/article/${slugs.english}`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    // The masthead's switcher goes to the other edition's home page.
    await page.getByRole('navigation', { name: 'Editions' }).getByRole('link', { name: '한국어' }).click();
    await page.waitForURL('**/ko/');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
  });

  it('has no axe violations on Korean pages at 1280 and 375 px', async () => {
    for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
      await page.setViewportSize(viewport);
      for (const path of ['/ko/', `/ko/article/${slugs.korean}`, '/ko/section/segye', '/ko/search?q=여객선']) {
        assert.equal(await visit(page, path), 200, path);
        await assertNoAxeViolations(page, `${path} at ${viewport.width} px`);
      }
    }
  });

  it('sets Korean text word by word at 375 px, without overflowing the screen', async () => {
    await page.setViewportSize(VIEWPORTS.phone);
    assert.equal(await visit(page, `/ko/article/${slugs.korean}`), 200);
    const body = page.locator('.article-body p').first();
    assert.equal(await body.evaluate((element) => getComputedStyle(element).wordBreak), 'keep-all');
    // Every line ends at a space: no line of the paragraph breaks inside a word (eojeol).
    const brokenInsideWords = await body.evaluate((element) => {
      const text = element.firstChild?.firstChild ?? element.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) return -1;
      const content = text.textContent ?? '';
      const range = document.createRange();
      let broken = 0;
      let lastTop: number | undefined;
      for (let index = 0; index < content.length; index += 1) {
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        const top = range.getBoundingClientRect().top;
        if (lastTop !== undefined && top > lastTop + 1 && content[index - 1] !== ' ' && content[index] !== ' ') broken += 1;
        lastTop = top;
      }
      return broken;
    });
    assert.equal(brokenInsideWords, 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
  });

  it('draws every Hangul character of a Korean article with a Korean font, as the 375 px screenshot shows', async () => {
    await page.setViewportSize(VIEWPORTS.phone);
    assert.equal(await visit(page, `/ko/article/${slugs.korean}`), 200);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    for (const selector of ['h1', '.standfirst', '.article-body p > span', '.masthead-name']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      assert.ok(nodeId, selector);
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const text = await page.locator(selector).first().innerText();
      const hangul = [...text].filter((character) => /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(character)).length;
      assert.ok(hangul > 0, selector);
      // Spaces and punctuation may come from a Latin font; every Hangul syllable must come from one made for Korean.
      const inKoreanFonts = fonts.filter((font) => KOREAN_FONT.test(font.familyName)).reduce((sum, font) => sum + font.glyphCount, 0);
      assert.ok(inKoreanFonts >= hangul, `${selector}: ${hangul} Hangul characters, drawn by ${JSON.stringify(fonts)}`);
    }
    await cdp.detach();
    const screenshot = path.join(os.tmpdir(), 'dateline-korean-article-375.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    assert.ok(fs.statSync(screenshot).size > 10_000, 'the screenshot has content');
  });
});
