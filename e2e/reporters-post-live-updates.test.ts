import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/axe.js';
import { browserSuite, openPage, visit } from './support/browser.js';
import { newsroomDeskForSuite, signIn } from './support/newsroom-desk.js';

/** Writes an update in the composer and posts it; the script answers without loading a page. */
async function postUpdate(page: Page, text: string): Promise<void> {
  await page.getByLabel('Update', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Post update' }).click();
  await page.locator('#live-desk-updates').getByText(text).waitFor();
}

browserSuite('a reporter and an editor post live updates on one story', () => {
  const desk = newsroomDeskForSuite();

  it('posts from the composer without a reload, and each sees the other’s updates', async () => {
    const { page, reporter, editor, server } = desk;
    const { id } = await server.factories.article({ typeLabel: 'Live', headline: 'Storm reaches the coast' });
    const deskPath = `/newsroom/stories/${id}/live`;

    await signIn(page, reporter);
    await visit(page, '/newsroom/stories');
    await page.getByRole('link', { name: 'Live desk of “Storm reaches the coast”' }).click();
    await page.waitForURL(new RegExp(`${deskPath}$`));
    await assertNoAxeViolations(page, 'the live desk');

    await page.getByLabel('Key event').check();
    await postUpdate(page, 'Winds of 120 km/h were measured at the harbour.');
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, deskPath, 'no reload, no redirect');
    assert.equal(await page.getByLabel('Update', { exact: true }).inputValue(), '', 'the composer is cleared');
    assert.equal(await page.getByLabel('Key event').isChecked(), false);
    assert.equal(await page.locator('#live-composer-status').textContent(), 'The update was posted.');
    const first = page.locator('.live-desk-update', { hasText: 'Winds of 120 km/h' });
    assert.match((await first.textContent()) ?? '', /By Ana Kim/);
    assert.match((await first.textContent()) ?? '', /Key event/);

    // A refused post keeps the text in the box and says why.
    await page.getByLabel('Update', { exact: true }).fill('A bell \u0007 rings.');
    await page.getByRole('button', { name: 'Post update' }).click();
    await page.locator('#live-composer-status', { hasText: 'control characters' }).waitFor();
    assert.equal(await page.getByLabel('Update', { exact: true }).inputValue(), 'A bell \u0007 rings.');
    await page.getByLabel('Update', { exact: true }).fill('');

    const editorPage = await openPage(desk.browser, server.baseUrl);
    await signIn(editorPage, editor);
    await visit(editorPage, deskPath);
    assert.ok(await editorPage.getByText('Winds of 120 km/h were measured at the harbour.').isVisible());
    await postUpdate(page, 'The coast road is closed.');
    // The editor's own post brings the list up to date, the reporter's second update included.
    await postUpdate(editorPage, 'Evacuation centres are open in three towns.');
    assert.ok(await editorPage.locator('#live-desk-updates').getByText('The coast road is closed.').isVisible());
    await assertNoAxeViolations(editorPage, 'the live desk with the editor’s forms');
    await editorPage.context().close();
  });
});
