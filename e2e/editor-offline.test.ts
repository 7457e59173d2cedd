import assert from 'node:assert/strict';
import { it } from 'node:test';
import { browserSuite, visit } from './support/browser.js';
import { bodyEditor, typeInBody } from './support/rich-editor.js';
import { storyEditingAppForSuite } from './support/story-editing-app.js';

browserSuite('an editor keeps typing while offline', () => {
  const suite = storyEditingAppForSuite(['Ana Editor']);

  it('keeps the text on the device while the network is cut, saves it when the network is back, and the reload shows it', async () => {
    const { app, page } = suite;
    const editUrl = `/newsroom/stories/${app.storyId}/edit`;
    assert.equal(await visit(page, editUrl), 200);
    await bodyEditor(page).waitFor();

    await page.context().setOffline(true);
    await typeInBody(page, ' Typed while offline.');
    await page.getByText(/^Offline — your changes are kept on this device/).waitFor();
    const kept = await page.evaluate((id) => window.localStorage.getItem(`dateline:story-draft:${id}`), app.storyId);
    assert.match(kept ?? '', /Typed while offline\./, 'the unsaved text is in localStorage');
    assert.doesNotMatch(JSON.stringify((await app.deps.reading.preview(app.storyId)).article.body), /Typed while offline/);

    await page.context().setOffline(false);
    await page.getByText(/^Saved at /).waitFor({ timeout: 20_000 });
    assert.match(JSON.stringify((await app.deps.reading.preview(app.storyId)).article.body), /Typed while offline\./);
    assert.equal(await page.evaluate((id) => window.localStorage.getItem(`dateline:story-draft:${id}`), app.storyId), null, 'cleared once saved');

    await visit(page, editUrl);
    await bodyEditor(page).getByText('Typed while offline.', { exact: false }).waitFor();
    assert.equal(await page.locator('.story-restored').count(), 0, 'nothing left to restore');
  });

  it('restores unsaved work kept on the device when the editor opens again, with an undo', async () => {
    const { app, page } = suite;
    const editUrl = `/newsroom/stories/${app.storyId}/edit`;
    // The server cannot be reached for saving: the work stays on the device only.
    await page.route('**/autosave', (route) => route.abort('internetdisconnected'));
    await typeInBody(page, ' Never sent.');
    await page.getByText(/^Not saved: the connection failed/).waitFor({ timeout: 20_000 });
    await page.unroute('**/autosave');

    await visit(page, editUrl);
    await page.locator('.story-restored').waitFor();
    await bodyEditor(page).getByText('Never sent.', { exact: false }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Undo: show the saved version' }).isVisible());
    // Restored work is saved like any change (version-checked): nothing was lost.
    await page.getByText(/^Saved at /).waitFor({ timeout: 20_000 });
    assert.match(JSON.stringify((await app.deps.reading.preview(app.storyId)).article.body), /Never sent\./);
  });
});
