import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/axe.js';
import { VIEWPORTS, browserSuite, visit } from './support/browser.js';
import { typeInBody } from './support/rich-editor.js';
import { startStoryEditingApp, type StoryEditingApp } from './support/story-editing-app.js';

browserSuite('two editors edit one story', () => {
  let app: StoryEditingApp;
  let ana: Page;
  let ben: Page;

  before(async () => {
    app = await startStoryEditingApp(['Ana Editor', 'Ben Editor']);
    [ana, ben] = app.pages as [Page, Page];
  });
  after(() => app?.close());

  it('shows each the other, refuses the second save with a diff, and loses neither', async () => {
    const editUrl = `/newsroom/stories/${app.storyId}/edit`;
    assert.equal(await visit(ana, editUrl), 200);
    assert.equal(await visit(ben, editUrl), 200);
    // Ben opened second: the page says Ana is in; Ana's next heartbeat (or reload) says Ben is.
    await ben.locator('#story-presence', { hasText: 'Also open by Ana Editor' }).waitFor();
    await visit(ana, editUrl);
    await ana.locator('#story-presence', { hasText: 'Also open by Ben Editor' }).waitFor();

    // Ana saves first.
    await ana.getByLabel('Headline').fill('Harbour reopens after strike');
    await typeInBody(ana, ' Ana adds the union’s statement.');
    await Promise.all([ana.waitForURL(/done=saved/), ana.getByRole('button', { name: 'Save', exact: true }).click()]);

    // Ben, still on the version he opened, types: his autosave is refused and he sees the diff.
    await ben.getByLabel('Headline').fill('Harbour reopens to cheers');
    await typeInBody(ben, ' Ben adds the mayor’s quote.');
    const region = ben.getByRole('region', { name: 'Someone else saved this story' });
    await region.waitFor({ timeout: 20_000 });
    assert.ok(await region.evaluate((node) => node === document.activeElement || node.contains(document.activeElement)), 'focus moves to it');
    assert.match(await region.innerText(), /Ana Editor/);
    assert.match(await region.innerText(), /Harbour reopens after strike/, 'their headline in the diff');
    assert.match(await region.innerText(), /Harbour reopens to cheers/, 'his headline in the diff');
    assert.match(await region.locator('del').first().innerText(), /Ana adds the union’s statement/);
    assert.equal((await app.deps.reading.preview(app.storyId)).article.headline, 'Harbour reopens after strike', 'nothing of his written');

    for (const [name, viewport] of [
      ['1280 px', VIEWPORTS.desktop],
      ['375 px', VIEWPORTS.phone],
    ] as const) {
      await ben.setViewportSize(viewport);
      await assertNoAxeViolations(ben, `the conflict in the story editor at ${name}`);
    }
    await ben.setViewportSize(VIEWPORTS.desktop);

    // Ben keeps his: saved over hers, hers stays in the revisions.
    await region.getByRole('button', { name: 'Keep mine' }).click();
    await ben.getByText(/^Saved at /).waitFor({ timeout: 20_000 });
    const { article } = await app.deps.reading.preview(app.storyId);
    assert.equal(article.headline, 'Harbour reopens to cheers');
    assert.match(JSON.stringify(article.body), /Ben adds the mayor’s quote/);
    const headlines = (await app.deps.revisions.listRevisions(app.storyId)).map((revision) => revision.snapshot.headline);
    assert.ok(headlines.includes('Harbour reopens after strike'), 'Ana’s save is in the revisions');
  });
});
