import assert from 'node:assert/strict';
import { it } from 'node:test';
import { newsroomDeskForSuite, openStoryFromList, signIn, submit } from './support/newsroom-desk.js';
import { assertNoAxeViolations } from './support/axe.js';
import { browserSuite, VIEWPORTS, visit } from './support/browser.js';
import { bodyEditor, typeInBody } from './support/rich-editor.js';

/** Word-like and Docs-like HTML as a clipboard holds it: styles, classes, a script, an image, an iframe. */
const PASTED_HTML = `<html><head><style>p.MsoNormal{color:red}</style></head><body>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->
<b style="font-weight:normal" id="docs-internal-guid-42"><p class="MsoNormal" style="color:red;font-family:Comic Sans MS">Pasted passage with <span style="font-weight:700">firm</span> words<o:p></o:p></p>
<h1 style="font-size:40px">Pasted heading</h1>
<script>window.pastedScriptRan = true</script><iframe src="https://tracker.example/"></iframe>
<p>Bad <a href="javascript:alert(1)">link</a> and a picture <img src="https://images.example/photo.jpg" onerror="window.pastedScriptRan = true"></p></b>
</body></html>`;

browserSuite('a reporter writes a rich story with the toolbar and shortcuts, an editor publishes it', () => {
  const desk = newsroomDeskForSuite();

  it('writes, pastes, previews beside, submits; the published page shows the same blocks', async () => {
    const { server, page, reporter, editor } = desk;
    await signIn(page, reporter);
    await visit(page, '/newsroom/stories/new');
    // Time to interactive: from navigation start until the editor is editable.
    // A string, not a function: tsx would add a helper (__name) the page does not have.
    const ready = await page.evaluate<number>(`new Promise((resolve) => {
      (function check() {
        if (document.querySelector('.editor[data-ready] [contenteditable="true"]')) resolve(performance.now());
        else requestAnimationFrame(check);
      })();
    })`);
    console.log(`# editor time to interactive: ${Math.round(ready)} ms from navigation start`);
    assert.equal(await page.locator('textarea#body').isVisible(), false, 'the Markdown textarea gives way to the editor');
    await assertNoAxeViolations(page, 'the empty editor at 1280 px');

    await page.getByLabel('Headline').fill('Harbour reopens after the storm at last');
    await page.getByLabel('Section').selectOption({ label: 'World' });
    await page.getByLabel('Authors').selectOption({ label: 'Ana Kim' });

    // Bold and italic by shortcut, a link through the link dialog (Mod-k).
    await typeInBody(page, 'The harbour ', { press: 'Control+b' }, 'reopened', { press: 'Control+b' }, ' on ', { press: 'Control+i' }, 'Friday');
    await typeInBody(page, { press: 'Control+i' }, '. Read the ', { press: 'Control+k' });
    const linkDialog = page.getByRole('dialog', { name: 'Add link' });
    await linkDialog.waitFor();
    await linkDialog.getByLabel('Address').fill('javascript:alert(1)');
    await linkDialog.getByLabel('Words to show').fill('notice');
    await linkDialog.getByRole('button', { name: 'Add link' }).click();
    assert.ok(await linkDialog.getByRole('alert').filter({ hasText: /https/ }).isVisible(), 'an unsafe address is refused in the dialog');
    await assertNoAxeViolations(page, 'the link dialog at 1280 px');
    await linkDialog.getByLabel('Address').fill('https://port.example/notice');
    await linkDialog.getByRole('button', { name: 'Add link' }).click();
    await linkDialog.waitFor({ state: 'detached' });
    assert.equal(await bodyEditor(page).evaluate((node) => node === document.activeElement), true, 'focus is back in the text');

    // Heading with the toolbar; quote and attribution with the shortcut; a list by typing "- ".
    await typeInBody(page, '.', { press: 'Enter' });
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    await toolbar.getByRole('button', { name: 'Sub-heading' }).click();
    assert.equal(await toolbar.getByRole('button', { name: 'Sub-heading' }).getAttribute('aria-pressed'), 'true');
    await typeInBody(page, 'What comes next', { press: 'Enter' }, 'Inspections continue.', { press: 'Enter' });
    await typeInBody(page, { press: 'Control+Shift+9' }, 'We are open again.', { press: 'Enter' }, 'Harbour master', { press: 'Enter' });
    await typeInBody(page, '- Ships', { press: 'Enter' }, 'Ferries', { press: 'Enter' }, { press: 'Enter' });
    await toolbar.getByRole('button', { name: 'Divider' }).click();
    await typeInBody(page, 'After the line.', { press: 'Enter' });

    // The toolbar is one Tab stop with arrow keys (Alt+F10 reaches it from the text, Escape goes back).
    await page.keyboard.press('Alt+F10');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Bold');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Italic');
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Keyboard shortcuts');
    await page.keyboard.press('Escape');

    // A passage pasted from a Word/Docs-like HTML document.
    await bodyEditor(page).evaluate((node, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Pasted passage with firm words');
      node.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, PASTED_HTML);
    await page
      .getByRole('status')
      .filter({ hasText: /pasted (picture|image) was left out/i })
      .waitFor();

    // The shortcuts panel: Mod-/ opens it, Escape closes it, focus returns to the text.
    await page.keyboard.press('Control+/');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await assertNoAxeViolations(page, 'the shortcuts panel at 1280 px');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    assert.equal(await bodyEditor(page).evaluate((node) => node === document.activeElement), true, 'focus is back in the text');

    // The preview beside the editor at 1280 px, with the site's renderer.
    const preview = page.locator('#story-live-preview-body');
    await preview
      .locator('strong', { hasText: 'firm' })
      .waitFor({ timeout: 5000 })
      .catch(async (error: unknown) => {
        console.log(await page.locator('input[name="bodyBlocks"]').inputValue());
        console.log(await preview.innerHTML());
        throw error;
      });
    const [editorBox, previewBox] = await Promise.all([bodyEditor(page).boundingBox(), preview.boundingBox()]);
    assert.ok(editorBox && previewBox && previewBox.x > editorBox.x + editorBox.width - 1, 'the preview stands beside the editor');
    assert.equal(await page.getByRole('button', { name: 'Show preview' }).isVisible(), false);
    await assertNoAxeViolations(page, 'the editor with content at 1280 px');
    assert.equal(await page.evaluate(() => (window as unknown as { pastedScriptRan?: boolean }).pastedScriptRan), undefined);
    assert.match((await page.locator('.editor-meta').textContent()) ?? '', /\d+ words · about 1 min read/);

    // 375 px: the preview hides behind a toggle.
    await page.setViewportSize(VIEWPORTS.phone);
    // The editor hides the preview on the media query's change event, a moment after the resize.
    await preview.waitFor({ state: 'hidden', timeout: 5000 });
    await assertNoAxeViolations(page, 'the editor at 375 px');
    await page.getByRole('button', { name: 'Show preview' }).click();
    await preview.waitFor({ state: 'visible', timeout: 5000 });
    await assertNoAxeViolations(page, 'the editor with the preview shown at 375 px');
    await toolbar.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await help.waitFor();
    await assertNoAxeViolations(page, 'the shortcuts panel at 375 px');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await page.setViewportSize(VIEWPORTS.desktop);

    await submit(page, 'Create draft');
    assert.ok(await page.getByText('Status: Draft').isVisible());
    // The saved body comes back into the editor.
    await bodyEditor(page).locator('hr').waitFor();
    await submit(page, 'Submit for review');
    await submit(page, 'Sign out');

    await signIn(page, editor);
    await openStoryFromList(page, 'Harbour reopens after the storm at last');
    await submit(page, 'Publish now');
    assert.ok(await page.getByText('Status: Published').isVisible());

    const slug = await server.deps.db
      .selectFrom('articles')
      .select('slug')
      .where('headline', '=', 'Harbour reopens after the storm at last')
      .executeTakeFirstOrThrow();
    await visit(page, `/article/${slug.slug}`);
    const body = page.locator('.article .article-body');
    assert.equal(await body.locator('strong', { hasText: 'reopened' }).count(), 1);
    assert.equal(await body.locator('em', { hasText: 'Friday' }).count(), 1);
    assert.equal(await body.getByRole('link', { name: 'notice' }).getAttribute('href'), 'https://port.example/notice');
    assert.ok(await body.getByRole('heading', { level: 2, name: 'What comes next' }).isVisible());
    assert.ok(await body.getByRole('heading', { level: 2, name: 'Pasted heading' }).isVisible());
    assert.match((await body.locator('blockquote').textContent()) ?? '', /We are open again\.\s*— Harbour master/);
    assert.deepEqual(await body.locator('ul li').allTextContents(), ['Ships', 'Ferries']);
    assert.equal(await body.locator('hr').count(), 1);
    assert.equal(await body.locator('strong', { hasText: 'firm' }).count(), 1);
    assert.ok(await body.getByText('Bad link and a picture').isVisible(), 'the javascript: link kept its words only');
    assert.equal(await body.locator('[style], [class^="Mso"], script, iframe, img').count(), 0, 'nothing foreign survived the paste');
  });

  it('turns Markdown habits at the start of a paragraph into blocks', async () => {
    const { page } = desk;
    await visit(page, '/newsroom/stories/new');
    await typeInBody(page, '## Sub', { press: 'Enter' }, '> Quoted words', { press: 'Enter' }, 'Someone', { press: 'Enter' });
    await typeInBody(page, '1. One', { press: 'Enter' }, 'Two', { press: 'Enter' }, { press: 'Enter' }, '---', 'Last');
    const blocks = JSON.parse(await page.locator('input[name="bodyBlocks"]').inputValue()) as unknown;
    assert.deepEqual(blocks, [
      { type: 'heading', text: 'Sub' },
      { type: 'quote', text: 'Quoted words', attribution: 'Someone' },
      { type: 'list', ordered: true, items: [[{ text: 'One' }], [{ text: 'Two' }]] },
      { type: 'divider' },
      { type: 'paragraph', content: [{ text: 'Last' }] },
    ]);
  });

  it('still takes the Markdown textarea without JavaScript', async () => {
    const { server, browser, reporter } = desk;
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: VIEWPORTS.desktop, javaScriptEnabled: false });
    const noScript = await context.newPage();
    await signIn(noScript, reporter);
    await visit(noScript, '/newsroom/stories/new');
    await noScript.getByLabel('Headline').fill('Written without a script');
    await noScript.getByLabel('Body (Markdown)').fill('First *words*.\n\n---\n\n[[embed:https://example.com/page]]');
    await noScript.getByLabel('Section').selectOption({ label: 'World' });
    await noScript.getByLabel('Authors').selectOption({ label: 'Ana Kim' });
    await submit(noScript, 'Create draft');
    assert.ok(await noScript.getByText('Status: Draft').isVisible());
    const row = await server.deps.db
      .selectFrom('articles')
      .select('body')
      .where('headline', '=', 'Written without a script')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(String(row.body)), [
      { type: 'paragraph', content: [{ text: 'First ' }, { text: 'words', marks: ['em'] }, { text: '.' }] },
      { type: 'divider' },
      { type: 'embed', url: 'https://example.com/page' },
    ]);
    await context.close();
  });
});
