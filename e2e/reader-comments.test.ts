import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { browserSuite, launchBrowser, openPage } from './support/browser.js';
import { startAppServer, type AppServer } from './support/app-server.js';
import { WCAG_TAGS } from './support/axe.js';

/** The comment area of an article page, located by role and label. */
class Comments {
  constructor(private readonly page: Page) {}
  get heading() {
    return this.page.getByRole('heading', { name: /^Comments \d+$/ });
  }
  get field() {
    return this.page.getByLabel('Your comment');
  }
  get counter() {
    return this.page.locator('#comment-body-counter');
  }
  get postButton() {
    return this.page.getByRole('button', { name: 'Post comment' });
  }
  comment(text: string) {
    return this.page.locator('li.comment', { has: this.page.locator('.comment-body', { hasText: text }) }).first();
  }
  /** Marks the window so a full reload (which would drop the mark) can be detected. */
  async markWindow(): Promise<void> {
    await this.page.evaluate(() => ((window as unknown as { commentsMark: number }).commentsMark = 1));
  }
  async windowStillMarked(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { commentsMark?: number }).commentsMark === 1);
  }
}

async function assertNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
  assert.equal(results.violations.length, 0, `${label}:\n${summary}`);
}

browserSuite('a reader comments on an article', () => {
  let server: AppServer;
  let browser: Browser;
  let slug: string;
  let signedIn: BrowserContextOptions;
  let page: Page;

  before(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    const story = await server.factories.article({ headline: 'Harbour reopens after the storm' });
    slug = story.slug;
    const reader = await server.factories.reader({ displayName: 'Min-ji' });
    const [name = '', value = ''] = reader.cookie.split('=');
    signedIn = {
      storageState: {
        cookies: [{ name, value, domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }],
        origins: [],
      },
    };
    page = await openPage(browser, server.baseUrl, signedIn);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('counts characters as the reader types and posts without reloading the page', async () => {
    await page.goto(`/article/${slug}`);
    const comments = new Comments(page);
    assert.equal((await comments.heading.innerText()).trim(), 'Comments 0');
    await comments.field.fill('한é👍🏽');
    assert.match(await comments.counter.innerText(), /^3\/300/);
    await comments.field.fill('한'.repeat(301));
    assert.equal(await comments.postButton.isDisabled(), true);
    await comments.field.fill('Good to see the ferries back.\nSecond line <b>not bold</b>');
    await comments.markWindow();
    await comments.postButton.click();
    await comments.comment('Good to see the ferries back.').waitFor();
    assert.ok(await comments.windowStillMarked(), 'no reload');
    assert.equal((await comments.heading.innerText()).trim(), 'Comments 1');
    assert.equal(await page.locator('.comment-body b').count(), 0, 'markup is shown as text');
    assert.match(await comments.comment('Good to see').locator('.comment-body').innerText(), /ferries back\.\nSecond line <b>not bold<\/b>/);
  });

  it('replies, likes, reports and deletes without reloading', async () => {
    const comments = new Comments(page);
    const other = await server.factories.reader({ displayName: 'Jae' });
    const theirs = await server.deps.comments.post({ reader: other.reader, slug, body: 'A comment by someone else', ip: '192.0.2.1' });
    assert.ok(theirs.comment);
    await page.goto(`/article/${slug}`);
    await comments.markWindow();
    const item = comments.comment('A comment by someone else');
    await item.getByText('Reply', { exact: true }).click();
    await item.getByLabel('Your reply to Jae').fill('A reply from Min-ji');
    await item.getByRole('button', { name: 'Post reply' }).click();
    await item.locator('.comment-replies .comment-body', { hasText: 'A reply from Min-ji' }).waitFor();
    await item.getByRole('button', { name: 'Like' }).first().click();
    await item.locator('.comment-main').first().getByRole('button', { name: 'Unlike' }).waitFor();
    assert.equal((await item.locator('.comment-like-count').first().innerText()).trim(), '1');
    await item.locator('.comment-main').first().getByRole('button', { name: 'Report' }).click();
    await item.getByText('Reported. Thank you.').waitFor();
    const mine = comments.comment('Good to see the ferries back.');
    await mine.getByRole('button', { name: 'Delete' }).click();
    await mine.waitFor({ state: 'detached' });
    assert.ok(await comments.windowStillMarked(), 'no reload');
  });

  it('edits a comment within 5 minutes on the edit page', async () => {
    const comments = new Comments(page);
    await comments.field.fill('Tpyo here');
    await comments.postButton.click();
    await comments.comment('Tpyo here').waitFor();
    await comments.comment('Tpyo here').getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Your comment').fill('Typo fixed');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/#comment-/);
    await comments.comment('Typo fixed').getByText('Edited').waitFor();
  });

  it('posts with JavaScript off and lands back at the comment', async () => {
    const noScript = await openPage(browser, server.baseUrl, { ...signedIn, javaScriptEnabled: false });
    await noScript.goto(`/article/${slug}`);
    const comments = new Comments(noScript);
    await comments.field.fill('Posted without script');
    await comments.postButton.click();
    await noScript.waitForURL(/\/article\/[^#]+#comment-[0-9a-f-]+$/);
    const id = new URL(noScript.url()).hash.slice(1);
    assert.equal(await noScript.locator(`#${id} .comment-body`).innerText(), 'Posted without script');
    await noScript.context().close();
  });

  it('has no axe violations with comments, signed in and signed out', async () => {
    await page.goto(`/article/${slug}`);
    await assertNoAxeViolations(page, 'signed in');
    const anonymous = await openPage(browser, server.baseUrl);
    await anonymous.goto(`/article/${slug}`);
    await anonymous.getByRole('link', { name: 'Sign in to comment' }).waitFor();
    await assertNoAxeViolations(anonymous, 'signed out');
    await anonymous.context().close();
  });
});
