import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newsroomEditorEn } from '../../shared/i18n/areas/newsroom-editor.en.js';
import { newsroomEditorKo } from '../../shared/i18n/areas/newsroom-editor.ko.js';
import { newsroomTestAppForSuite } from '../../testing/newsroom-client.js';
import { jsonForScript } from './components/editor-messages.js';

/** The island the story editor's script reads its words from (components/editor-messages.tsx, client/editor/messages.ts). */
function islandOf(html: string): { attributes: string; text: string } {
  const match = /<script type="application\/json" id="editor-messages"([^>]*)>([\s\S]*?)<\/script>/.exec(html);
  assert.ok(match, 'the page carries the editor-messages island');
  return { attributes: match[1] ?? '', text: match[2] ?? '' };
}

describe('the story editor script’s words on the edit page', () => {
  const suite = newsroomTestAppForSuite('editor');

  it('are the Korean nr.editor messages for a Korean staff member: valid JSON that cannot close its script', async () => {
    const { t, staff } = suite;
    // A headline that would close a script element if anything copied it into the island raw.
    const story = await t.factories.article({ status: 'draft', headline: 'Port </script><script>alert(1)</script> reopens' });
    await t.deps.users.setLanguage(staff.user.id, 'ko');
    const page = await t.app.inject({ url: `/newsroom/stories/${story.id}/edit`, headers: { cookie: staff.cookie } });
    assert.equal(page.statusCode, 200);
    const island = islandOf(page.body);
    assert.match(island.attributes, / data-language="ko"/);
    assert.doesNotMatch(island.text, /<\/script|<!--|</i, 'no raw < in the island');
    const messages = JSON.parse(island.text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(messages), Object.keys(newsroomEditorEn));
    assert.deepEqual(messages, JSON.parse(JSON.stringify(newsroomEditorKo)));
    assert.equal(messages['nr.editor.toolbar.bold'], '굵게');
    // The island comes before the script that reads it.
    assert.ok(page.body.indexOf('id="editor-messages"') < page.body.indexOf('newsroom-editor.js'));
  });

  it('are English, byte for byte the English area, for a staff member who uses English (the new story page too)', async () => {
    const { t, staff } = suite;
    await t.deps.users.setLanguage(staff.user.id, 'en');
    const page = await t.app.inject({ url: '/newsroom/stories/new', headers: { cookie: staff.cookie } });
    const island = islandOf(page.body);
    assert.match(island.attributes, / data-language="en"/);
    assert.deepEqual(JSON.parse(island.text), JSON.parse(JSON.stringify(newsroomEditorEn)));
    // The English words hold a `>` (the Markdown habits) and no `<`; JSON's escape keeps them intact.
    assert.match(String((JSON.parse(island.text) as Record<string, unknown>)['nr.editor.help.markdown']), /> quote/);
  });

  it('escapes every < of a message, so a translation holding </script> or <!-- stays data', () => {
    const tricky = { 'nr.editor.x': '</script><script>alert(1)</script> <!-- « »' };
    const json = jsonForScript(tricky);
    assert.doesNotMatch(json, /</);
    assert.deepEqual(JSON.parse(json), tricky);
  });
});
