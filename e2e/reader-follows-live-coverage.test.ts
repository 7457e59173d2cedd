import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { LiveActor, LiveUpdate } from '../src/modules/live/index.js';
import { renderLiveEndedNote, renderLiveUpdateItem } from '../src/web/site/components/live-update.js';
import { browserSuite, launchBrowser, openPage, visit, VIEWPORTS } from './support/browser.js';
import { startAppServer, type AppServer } from './support/app-server.js';
import { runAxe } from './support/axe.js';

/**
 * The reader's side of live coverage in a browser: site.js on a live story's page. The stream
 * itself is the hub's (its own tests); here the browser is handed the protocol's frames, so what is
 * checked is the page's behaviour: new updates wait behind the button, edits and deletions above
 * the reader apply without moving what they are reading, the button inserts and focuses, `end` ends.
 */
browserSuite('a reader follows live coverage', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let actor: LiveActor;
  let storyId: string;
  /** What the next connection to the stream is sent (then nothing new, so a reconnect replays nothing). */
  let nextFrames = '';

  const context = () => ({ publication: server.deps.site.current().publication, figures: new Map() });
  const frame = (event: string, id: number, data: unknown) => `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
  const updateFrame = (update: LiveUpdate) =>
    frame('update', update.sequence, {
      id: update.id,
      pinned: update.pinned,
      keyEvent: update.keyEvent,
      html: renderLiveUpdateItem(update, context()),
    });
  const long = (label: string) =>
    Array.from({ length: 6 }, (_, n) => `${label}, paragraph ${n + 1}: the storm moves north along the coast.`).join('\n\n');

  before(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    const author = await server.factories.author({ name: 'Jane Reporter' });
    const user = await server.factories.staffUser({ role: 'editor', authorId: author.id });
    actor = { userId: user.id, displayName: user.displayName, authorId: author.id, authorName: 'Jane Reporter', canManage: true };
    const story = await server.factories.article({ slug: 'storm-live', headline: 'Storm: live', typeLabel: 'Live' });
    storyId = story.id;
    for (let n = 1; n <= 8; n += 1) {
      server.clock.advance(60_000);
      await server.deps.live.post(actor, storyId, { text: long(`Update ${n}`) });
    }
    // bypassCSP: only so the test may add the style below (the site's CSP allows no inline style).
    page = await openPage(browser, server.baseUrl, { bypassCSP: true });
    // The test's own scrolling at once (the site scrolls smoothly otherwise), so positions are settled when read.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.route('**/live/*/events*', async (route) => {
      const body = `retry: 200\n\n${nextFrames}`;
      nextFrames = '';
      await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' }, body });
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('holds new updates behind the button, applies edits and deletions in place without moving the reader, and ends', async () => {
    assert.equal(await visit(page, '/article/storm-live'), 200);
    // Safari has no scroll anchoring: without Chromium's, only the script keeps the reader's place.
    await page.addStyleTag({ content: '* { overflow-anchor: none !important; }' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).overflowAnchor), 'none');
    const items = page.locator('.live-updates > li.live-update');
    assert.equal(await items.count(), 8);
    const [newest, second] = await server.deps.live.page(storyId).then((livePage) => livePage.updates);
    assert.ok(newest && second);

    // The reader scrolls down to the fifth update.
    const reading = items.nth(4);
    await reading.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy({ top: -50, behavior: 'instant' }));
    const readingId = await reading.getAttribute('id');
    const topBefore = await reading.evaluate((el) => el.getBoundingClientRect().top);

    server.clock.advance(60_000);
    const fresh = await server.deps.live.post(actor, storyId, { text: 'Breaking: the bridge is closed.' });
    server.clock.advance(60_000);
    const edited = await server.deps.live.edit(actor, storyId, newest.id, {
      text: [long('Corrected'), long('More'), long('Still more')].join('\n\n'),
    });
    // An edit of an update on an older page (older than any shown) is not news to this page.
    const olderPageEdit = { ...edited, id: '00000000-0000-4000-8000-000000000001', createdAt: new Date(0), editedAt: server.clock.now() };
    nextFrames = updateFrame(fresh) + updateFrame(edited) + updateFrame(olderPageEdit);
    const readingTop = () => page.locator(`#${readingId}`).evaluate((el) => el.getBoundingClientRect().top);

    const button = page.getByRole('button', { name: '1 new update' });
    await button.waitFor({ state: 'visible' });
    await page.locator(`#update-${newest.id}`, { hasText: 'Corrected' }).waitFor();
    assert.equal(await page.locator(`#update-${fresh.id}`).count(), 0, 'the new update waits for the button');
    const afterEdit = await readingTop();
    assert.ok(Math.abs(afterEdit - topBefore) <= 2, `an edit above does not move the update being read (${topBefore} → ${afterEdit})`);
    assert.equal(await page.locator('.live-status').textContent(), '1 new update');
    const axe = await runAxe(page);
    assert.deepEqual(
      axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
      [],
      'the live page with its button passes WCAG 2.2 AA and best practice',
    );

    await server.deps.live.remove(actor, storyId, second.id);
    const changes = await server.deps.live.changesSince(storyId, edited.sequence);
    const deleted = changes.kind === 'changes' ? changes.updates.find((update) => update.id === second.id) : undefined;
    assert.ok(deleted);
    nextFrames = frame('delete', deleted.sequence, { id: second.id });
    await page.locator(`#update-${second.id}`).waitFor({ state: 'detached' });
    const afterDelete = await readingTop();
    assert.ok(Math.abs(afterDelete - topBefore) <= 2, `nor does a deletion above (${topBefore} → ${afterDelete})`);

    await button.click();
    const inserted = page.locator('.live-updates > li.live-update').first();
    assert.equal(await inserted.getAttribute('id'), `update-${fresh.id}`);
    assert.equal(await inserted.evaluate((el) => document.activeElement === el), true, 'focus moves to the first new update');
    assert.equal(await page.locator('.live-new').isHidden(), true);
    assert.equal(await page.locator(`#update-${olderPageEdit.id}`).count(), 0, 'the older page’s edit was not inserted');

    // A stream that cannot replay exactly (`reset`): the script takes the page as it is now.
    server.clock.advance(60_000);
    const missed = await server.deps.live.post(actor, storyId, { text: 'Missed while away: schools close.' });
    nextFrames = frame('reset', missed.sequence, {});
    await page.locator(`.live-updates > #update-${missed.id}`).waitFor();
    assert.equal(await page.locator(`#update-${second.id}`).count(), 0);
    assert.equal(await page.locator('.live-update').count(), 9, 'the page as it is now: 8 posted, 1 deleted, 2 new');

    server.clock.advance(60_000);
    const coverage = await server.deps.live.end(actor, storyId);
    assert.ok(coverage.endedAt);
    nextFrames = frame('end', coverage.endedSequence, { html: renderLiveEndedNote(coverage.endedAt, context()) });
    await page.locator('.live-ended', { hasText: 'Live coverage ended' }).waitFor();
    assert.equal(await page.locator('.live-status').textContent(), 'Live coverage has ended.');
    assert.equal(await page.locator('[data-live-stream]').count(), 0, 'the page stops following');
  });

  it('fits a 375px phone: the LIVE badge, the marks and the updates without sideways scrolling', async () => {
    const phone = await openPage(browser, server.baseUrl, { viewport: VIEWPORTS.phone });
    const story = await server.factories.article({ slug: 'phone-live', headline: 'Typhoon: live', typeLabel: 'Live' });
    await server.deps.live.post(actor, story.id, {
      text: `${long('Pinned advice')} https://example.com/a-very-long-address-that-would-not-wrap-on-its-own`,
      pinned: true,
      keyEvent: true,
    });
    await server.deps.live.setSummary(actor, story.id, 'A very long key point about the storm that keeps going and going along the coast');
    assert.equal(await visit(phone, '/article/phone-live'), 200);
    assert.ok(await phone.locator('.live-update.is-pinned .live-mark-key').isVisible());
    assert.ok(await phone.locator('.live-summary').isVisible());
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
    await phone.context().close();
  });
});
