import assert from 'node:assert/strict';
import { it } from 'node:test';
import { browserSuite, visit } from './support/browser.js';
import { bodyEditor, typeInBody } from './support/rich-editor.js';
import { storyEditingAppForSuite } from './support/story-editing-app.js';

browserSuite('an editor’s session ends while writing', () => {
  const suite = storyEditingAppForSuite(['Ana Editor']);

  it('keeps the text, asks to sign in again in a new tab, then saves with the new session’s token', async () => {
    const { app, page } = suite;
    assert.equal(await visit(page, `/newsroom/stories/${app.storyId}/edit`), 200);
    await bodyEditor(page).waitFor();
    const context = page.context();
    const baseUrl = new URL(page.url()).origin;

    await context.clearCookies();
    await typeInBody(page, ' Written after the session ended.');
    const status = page.locator('#story-save-status');
    await status.getByText(/^Your session has ended/).waitFor({ timeout: 20_000 });
    const link = status.getByRole('link', { name: /Sign in again/ });
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(
      (await page.evaluate((id) => window.localStorage.getItem(`dateline:story-draft:${id}`), app.storyId)) ?? '',
      /Written after the session ended\./,
    );

    // Signing in again (another tab, here a new session cookie) gives the page a new CSRF token to fetch.
    const user = (await app.deps.users.list()).find((candidate) => candidate.displayName === 'Ana Editor');
    assert.ok(user);
    const session = await app.deps.sessions.create(user.id);
    await context.addCookies([{ name: 'dateline_session', value: session.token, url: baseUrl }]);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await status.getByText(/^Saved at /).waitFor({ timeout: 20_000 });
    assert.match(JSON.stringify((await app.deps.reading.preview(app.storyId)).article.body), /Written after the session ended\./);
  });
});
