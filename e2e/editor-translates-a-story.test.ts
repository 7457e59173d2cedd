import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { newsroomDeskForSuite, signIn, submit } from './support/newsroom-desk.js';
import { browserSuite, visit } from './support/browser.js';
import { bodyEditor } from './support/rich-editor.js';

/** docs/editions.md, "Translating a story": from the English story to its Korean translation on the site. */
browserSuite('an editor translates a story into Korean and publishes it', () => {
  const desk = newsroomDeskForSuite();
  let sourceId: string;

  before(async () => {
    const { server } = desk;
    const korean = await server.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '', timeZone: 'Asia/Seoul' });
    await server.factories.section({ slug: 'segye', name: '세계', editionId: korean.id });
    sourceId = (
      await server.factories.article({
        slug: 'harbour-reopens',
        headline: 'Harbour reopens after the storm',
        standfirst: 'Ships are back in port.',
        body: [{ type: 'paragraph', content: [{ text: 'The harbour reopened on Friday.' }] }],
      })
    ).id;
  });

  it('writes the Korean beside the English source, publishes, and the two link to each other', async () => {
    const { page, editor } = desk;
    await signIn(page, editor);
    await visit(page, `/newsroom/stories/${sourceId}/edit`);
    await submit(page, 'Translate into 한국어');
    assert.match(new URL(page.url()).pathname, /\/newsroom\/stories\/[^/]+\/edit$/);
    const source = page.locator('.story-source-text[lang="en"]');
    assert.ok(await source.getByText('The harbour reopened on Friday.').isVisible());

    await page.getByLabel('Headline').fill('폭풍 뒤 항구 다시 열려');
    await page.getByLabel('Standfirst (optional)').fill('배들이 항구로 돌아왔다.');
    const body = bodyEditor(page);
    await body.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('항구는 금요일에 다시 열렸다.');
    assert.equal(
      await page.getByLabel('Section').inputValue(),
      (await page.getByLabel('Section').locator('option', { hasText: '세계' }).getAttribute('value')) ?? '',
    );
    await submit(page, 'Save');
    await submit(page, 'Publish now');
    assert.ok(await page.getByText('Status: Published').isVisible());

    assert.equal(await visit(page, '/ko/article/harbour-reopens-ko'), 200);
    assert.ok(await page.getByRole('heading', { level: 1, name: '폭풍 뒤 항구 다시 열려' }).isVisible());
    assert.ok(await page.getByText('항구는 금요일에 다시 열렸다.').isVisible());
    const back = page.locator('a[hreflang="en"][href="/article/harbour-reopens"]');
    assert.equal(await back.count(), 1, 'the Korean page links to the English one');
    assert.equal(await visit(page, '/article/harbour-reopens'), 200);
    assert.equal(await page.locator('a[hreflang="ko"][href="/ko/article/harbour-reopens-ko"]').count(), 1);
  });
});
