import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { createDeps, type Deps } from '../src/deps.js';
import { findArticleBodies } from '../src/modules/articles/index.js';
import { createFactories } from '../src/testing/factories.js';
import { createTestDatabase } from '../src/testing/test-database.js';
import { assertNoAxeViolations } from './support/axe.js';
import { VIEWPORTS, browserSuite, launchBrowser, openPage, visit } from './support/browser.js';

/** Library pictures beyond one picker page (24), so the picker has a second page to show. */
const LIBRARY = 30;

/** Pastes files into the rich-text body as a browser does: a paste event carrying them in its DataTransfer. */
async function pasteFile(page: Page, file: { name: string; type: string; base64: string }): Promise<void> {
  await page.evaluate((data) => {
    const bytes = Uint8Array.from(atob(data.base64), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], data.name, { type: data.type }));
    const body = document.querySelector<HTMLElement>('.editor-content');
    body?.focus();
    body?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, file);
}

/** axe at both widths the newsroom supports, on the page as it stands. */
async function assertAxeAtBothWidths(page: Page, what: string): Promise<void> {
  for (const [name, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await assertNoAxeViolations(page, `${what} (${name})`);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

browserSuite('a writer puts pictures into a story', () => {
  let browser: Browser;
  let page: Page;
  let deps: Deps;
  let close: () => Promise<void>;
  let png: string;

  before(async () => {
    const database = await createTestDatabase();
    const config = { ...loadConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', SITE_URL: 'http://127.0.0.1' }), database: database.target };
    deps = await createDeps(config, { postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
    const app = await createApp(deps);
    const factories = createFactories(deps);
    await factories.section({ name: 'World' });
    await factories.author({ name: 'Ana Kim' });
    for (let n = 1; n <= LIBRARY; n++) await factories.media({ alt: `Library picture ${n}`, caption: `Archive caption ${n}`, credit: 'Archive' });
    await factories.media({ alt: 'A lighthouse at dusk', caption: 'The old light', credit: 'Harbour Trust' });
    const editor = await factories.staffUser({ role: 'editor' });
    const session = await deps.sessions.create(editor.id);
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    page = await openPage(browser, baseUrl);
    await page.context().addCookies([{ name: 'dateline_session', value: session.token, url: baseUrl }]);
    png = (
      await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a6f97' } })
        .png()
        .toBuffer()
    ).toString('base64');
    close = async () => {
      await browser.close();
      await app.close();
      await deps.media.idle();
      await deps.close();
      await database.drop();
    };
  });
  after(() => close?.());

  let storyUrl = '';

  it('pastes a picture, describes it in place, picks another and the hero from the library; a failed upload never reaches the story', async () => {
    assert.equal(await visit(page, '/newsroom/stories/new'), 200);
    await page.locator('.editor[data-ready="true"]').waitFor();
    await page.getByLabel('Headline').fill('Harbour lights return');
    await page.getByLabel('Section').selectOption({ label: 'World' });
    await page.getByLabel('Authors').selectOption({ label: 'Ana Kim' });
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.type('The harbour lights came back on tonight.');

    // A pasted file is uploaded through the media pipeline, its figure saying so meanwhile.
    await pasteFile(page, { name: 'harbour.png', type: 'image/png', base64: png });
    const pasted = page.locator('.editor-figure-edit[data-state="ready"]').first();
    await pasted.waitFor();
    assert.equal(await pasted.locator('img').evaluate((image) => (image as HTMLImageElement).naturalWidth > 0), true, 'the uploaded picture shows');

    // Caption and credit in place; alt text left for later (publishing will ask for it).
    await pasted.getByLabel('Caption').fill('Lights on the breakwater');
    await pasted.getByLabel('Credit').fill('Harbour desk');
    await pasted.getByLabel('Credit').press('Tab');
    await pasted.getByText('Saved. This picture still needs alt text before publishing.').waitFor();
    await pasted.getByLabel('Caption').focus();
    await assertAxeAtBothWidths(page, 'a figure being edited');

    // A file that is not a picture: its figure shows the error, with Retry and Remove.
    await pasteFile(page, { name: 'notes.png', type: 'image/png', base64: Buffer.from('these are notes, not a picture').toString('base64') });
    const failed = page.locator('.editor-figure-edit[data-state="error"]');
    await failed.waitFor();
    assert.match((await failed.getByRole('alert').textContent()) ?? '', /^Upload failed: /);
    assert.ok(await failed.getByRole('button', { name: 'Retry upload' }).isVisible());
    assert.ok(await failed.getByRole('button', { name: 'Remove picture' }).isVisible());

    // The picker: search, a second page, choose.
    await page.getByRole('button', { name: 'Insert picture from library…' }).click();
    const picker = page.getByRole('dialog', { name: 'Insert a picture' });
    await picker.waitFor();
    await picker.getByRole('status').filter({ hasText: 'pictures shown' }).waitFor();
    await assertAxeAtBothWidths(page, 'the media picker');
    await picker.getByLabel('Search alt text, captions and credits').fill('library picture');
    await picker.getByRole('button', { name: 'Search' }).click();
    await picker.getByText('24 pictures shown; more below.').waitFor();
    await picker.getByRole('button', { name: 'More pictures' }).click();
    await picker.getByText(`${LIBRARY} pictures shown.`).waitFor();
    const choice = picker.locator('.media-picker-choice').nth(LIBRARY - 1);
    const chosenAlt = ((await choice.textContent()) ?? '').trim();
    assert.match(chosenAlt, /^Library picture \d+$/);
    await choice.click();
    await picker.waitFor({ state: 'detached' });
    await page.locator('.editor-figure-edit[data-state="ready"]').nth(1).waitFor();
    assert.equal(
      await page.locator('.editor-figure-edit[data-state="ready"]').nth(1).getByLabel('Alt text (required before publishing)').inputValue(),
      chosenAlt,
    );

    // The hero picture, with the same picker (Escape closes it first).
    await page.getByRole('button', { name: 'Choose hero picture…' }).click();
    const heroPicker = page.getByRole('dialog', { name: 'Choose the hero picture' });
    await heroPicker.waitFor();
    await page.keyboard.press('Escape');
    await heroPicker.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Choose hero picture…' }).click();
    await heroPicker.getByLabel('Search alt text, captions and credits').fill('harbour trust');
    await heroPicker.getByLabel('Search alt text, captions and credits').press('Enter');
    await heroPicker.getByRole('button', { name: /A lighthouse at dusk/ }).click();
    await page.getByText('Hero picture: A lighthouse at dusk').waitFor();
    assert.notEqual(await page.getByLabel('Hero image (picture id)').inputValue(), '');

    await Promise.all([
      page.waitForURL(/\/newsroom\/stories\/[^/]+\/edit\?done=created$/),
      page.getByRole('button', { name: 'Create draft' }).click(),
    ]);
    storyUrl = new URL(page.url()).pathname;
    const id = storyUrl.split('/')[3] ?? '';
    const body = (await findArticleBodies(deps.db, [id])).get(id) ?? [];
    const figures = body.filter((block) => block.type === 'figure');
    assert.equal(figures.length, 2, 'the pasted and the chosen picture are saved; the failed upload is not');
  });

  it('refuses to publish while a picture lacks alt text, then publishes; readers see caption and credit', async () => {
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Publish now' }).click()]);
    assert.ok(await page.getByText('Figure 1 has no alt text', { exact: false }).first().isVisible(), 'the refusal names the figure');
    await page.locator('.editor[data-ready="true"]').waitFor();
    const first = page.locator('.editor-figure-edit').first();
    await first.locator('img').and(page.locator('[src]')).waitFor();
    await first.getByLabel('Alt text (required before publishing)').fill('Lamps glowing along the breakwater at night');
    await first.getByLabel('Alt text (required before publishing)').press('Tab');
    await first.getByText('Saved.', { exact: true }).waitFor();

    await Promise.all([page.waitForURL(/done=published$/), page.getByRole('button', { name: 'Publish now' }).click()]);
    assert.equal(await visit(page, '/article/harbour-lights-return'), 200);
    const figures = page.locator('.article-body figure');
    assert.equal(await figures.count(), 2);
    assert.equal(await figures.first().locator('img').getAttribute('alt'), 'Lamps glowing along the breakwater at night');
    assert.match((await figures.first().locator('figcaption').textContent()) ?? '', /Lights on the breakwater.*\(ⓒ Harbour desk\)/);
    assert.match((await figures.nth(1).locator('figcaption').textContent()) ?? '', /Archive caption \d+.*\(ⓒ Archive\)/);
  });
});
