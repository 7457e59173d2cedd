import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/axe.js';
import { VIEWPORTS, browserSuite, openPage, visit } from './support/browser.js';
import { newsroomDeskForSuite, signIn } from './support/newsroom-desk.js';

/** Posts an update from a reporter's live desk (the composer's script, no reload). */
async function postFromDesk(page: Page, text: string): Promise<void> {
  await page.getByLabel('Update', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Post update' }).click();
  await page.locator('#live-desk-updates').getByText(text).waitFor();
}

/**
 * The whole path, nothing stubbed (docs/live.md): two staff members post from their live desks in
 * their own browsers; a reader's open page receives both through the real stream
 * (/live/<id>/events) behind the "new updates" button, without moving what they read; a reader
 * without JavaScript sees them on reloading.
 */
browserSuite('a reader watches two reporters’ live updates arrive', () => {
  const desk = newsroomDeskForSuite();

  it('sees both updates arrive without a reload, keeps their place, and a reader without script sees them on reload', async () => {
    const { server, reporter, editor } = desk;
    const { id, slug } = await server.factories.article({ typeLabel: 'Live', headline: 'Floods close the valley roads' });
    const staff = await server.deps.db.selectFrom('users').select(['id']).where('email', '=', 'chief@news.example').executeTakeFirstOrThrow();
    const actor = { userId: staff.id, displayName: 'Chief', authorId: null, authorName: null, canManage: true };
    for (let n = 1; n <= 8; n++) {
      await server.deps.live.post(actor, id, {
        text: `Earlier update ${n}: the river gauge reads ${n * 10} cm above normal.\n\nMore detail follows.`,
      });
      server.clock.advance(60_000);
    }

    // bypassCSP: only so the test may turn Chromium's scroll anchoring off (Safari has none): the
    // script alone must keep the reader's place. The site's CSP allows no inline style.
    const reader = await openPage(desk.browser, server.baseUrl, { bypassCSP: true });
    assert.equal(await visit(reader, `/article/${slug}`), 200);
    await reader.addStyleTag({ content: '* { overflow-anchor: none !important; }' });
    await assertNoAxeViolations(reader, 'the live page at 1280 px');
    const reading = reader.locator('.live-updates > li.live-update').nth(4);
    await reading.scrollIntoViewIfNeeded();
    const topBefore = await reading.evaluate((el) => el.getBoundingClientRect().top);

    const reporterPage = await openPage(desk.browser, server.baseUrl);
    const editorPage = await openPage(desk.browser, server.baseUrl);
    await signIn(reporterPage, reporter);
    await signIn(editorPage, editor);
    await visit(reporterPage, `/newsroom/stories/${id}/live`);
    await visit(editorPage, `/newsroom/stories/${id}/live`);
    await postFromDesk(reporterPage, 'The valley road is closed at the bridge.');
    await postFromDesk(editorPage, 'Schools in three villages close early.');

    const button = reader.getByRole('button', { name: '2 new updates' });
    await button.waitFor({ state: 'visible', timeout: 5000 });
    const topAfter = await reading.evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(Math.abs(topAfter - topBefore) <= 2, `the reader's place is kept (${topBefore} → ${topAfter})`);
    assert.equal(await reader.getByText('The valley road is closed at the bridge.').count(), 0, 'held until the reader asks');
    await assertNoAxeViolations(reader, 'the live page with new updates waiting');
    await button.click();
    const first = reader.locator('.live-updates > li.live-update').first();
    assert.match((await first.textContent()) ?? '', /Schools in three villages close early\./);
    assert.match((await reader.locator('.live-updates > li.live-update').nth(1).textContent()) ?? '', /The valley road is closed at the bridge\./);
    assert.match((await reader.locator('.live-updates > li.live-update').nth(1).textContent()) ?? '', /Ana Kim/, 'the reporter’s byline');

    // Without JavaScript: no stream, and a reload shows everything.
    const noScript = await openPage(desk.browser, server.baseUrl, { javaScriptEnabled: false, viewport: VIEWPORTS.phone });
    assert.equal(await visit(noScript, `/article/${slug}`), 200);
    for (const text of ['The valley road is closed at the bridge.', 'Schools in three villages close early.']) {
      assert.equal(await noScript.getByText(text).count(), 1, text);
    }
    // axe runs as a script in the page, so the 375 px check is on a phone with script.
    const phone = await openPage(desk.browser, server.baseUrl, { viewport: VIEWPORTS.phone });
    assert.equal(await visit(phone, `/article/${slug}`), 200);
    await assertNoAxeViolations(phone, 'the live page at 375 px');
    for (const page of [reader, reporterPage, editorPage, noScript, phone]) await page.context().close();
  });
});
