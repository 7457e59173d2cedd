import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { conflictDiffMarkup } from '../../src/shared/conflict-diff.js';
import { newsroomEditorEn } from '../../src/shared/i18n/areas/newsroom-editor.en.js';
import { newsroomEditorKo } from '../../src/shared/i18n/areas/newsroom-editor.ko.js';
import { translatorFor } from '../../src/shared/i18n/index.js';
import { editorMessagesJson } from '../../src/web/newsroom/components/editor-messages.js';
import { editorLocale, msg, msgParts, readIsland, setEditorMessages, type IslandElement } from './messages.js';
import { conflictDiffWords } from './saving/conflict-panel.js';

/** A stand-in for the page's `<script type="application/json" id="editor-messages">`. */
function island(text: string, attributes: Record<string, string> = {}): IslandElement {
  return { textContent: text, getAttribute: (name) => attributes[name] ?? null };
}

const korean = () => island(editorMessagesJson(translatorFor('ko')), { 'data-language': 'ko', 'data-locale': 'ko' });

describe('the editor’s messages (client/editor/messages.ts)', () => {
  afterEach(() => setEditorMessages(undefined));

  it('speaks English, compiled in, when the page has no island', () => {
    setEditorMessages(readIsland(null));
    assert.equal(msg('nr.editor.toolbar.bold'), 'Bold');
    assert.equal(msg('nr.editor.save.savedAt', { time: '3:04:05 PM' }), 'Saved at 3:04:05 PM.');
    assert.equal(editorLocale(), undefined);
  });

  it('reads the island the server renders: every key, in its language, with its locale', () => {
    const messages = readIsland(korean());
    assert.deepEqual(Object.keys(messages.messages), Object.keys(newsroomEditorEn));
    assert.equal(messages.language, 'ko');
    setEditorMessages(messages);
    assert.equal(msg('nr.editor.toolbar.bold'), newsroomEditorKo['nr.editor.toolbar.bold']);
    assert.equal(editorLocale(), 'ko');
  });

  it('fills {name} placeholders, writes numbers as plain digits, and leaves an unfilled one visible', () => {
    setEditorMessages(readIsland(null));
    assert.equal(msg('nr.editor.guide.length', { length: 1234, min: 30, max: 90, advice: 'long' }), '1234 characters (recommended 30–90): long');
    assert.equal(msg('nr.editor.picker.noMatch', { query: '{count} <b>' }), 'No pictures match “{count} <b>”.');
    assert.equal(msg('nr.editor.hero.picture', {} as { alt: string }), 'Hero picture: {alt}');
  });

  it('picks plural forms with Intl.PluralRules of the island’s language', () => {
    setEditorMessages(readIsland(null));
    assert.equal(msg('nr.editor.counts.words', { count: 1, minutes: 1 }), '1 word · about 1 min read');
    assert.equal(msg('nr.editor.counts.words', { count: 1200, minutes: 5 }), '1200 words · about 5 min read');
    assert.equal(msg('nr.editor.pastedImagesLeftOut', { count: 1 }), 'A pasted image was left out: add pictures with the media library.');
    assert.equal(msg('nr.editor.picker.shownMore', { count: 24 }), '24 pictures shown; more below.');
    setEditorMessages(readIsland(korean()));
    assert.equal(msg('nr.editor.picker.shown', { count: 1 }), '사진 1장을 표시했습니다.');
    assert.equal(msg('nr.editor.counts.words', { count: 1, minutes: 1 }), '1단어 · 읽는 데 약 1분');
  });

  it('falls back to English for a key the island lacks, and to English alone for a damaged island', () => {
    const partial = { 'nr.editor.toolbar.bold': '굵게', 'nr.editor.picker.shown': { other: '사진 {count}장' }, 'nr.editor.toolbar.undo': 42 };
    setEditorMessages(readIsland(island(JSON.stringify(partial), { 'data-language': 'ko' })));
    assert.equal(msg('nr.editor.toolbar.bold'), '굵게');
    assert.equal(msg('nr.editor.picker.shown', { count: 1 }), '사진 1장');
    // Not a message (a number): English.
    assert.equal(msg('nr.editor.toolbar.undo'), 'Undo');
    // Missing: English, with English plural rules (not Korean's single form).
    assert.equal(msg('nr.editor.pastedImagesLeftOut', { count: 1 }), 'A pasted image was left out: add pictures with the media library.');
    for (const damaged of ['', '{not json', '[]', 'null', '"text"']) {
      setEditorMessages(readIsland(island(damaged, { 'data-language': 'ko' })));
      assert.equal(msg('nr.editor.toolbar.redo'), 'Redo', JSON.stringify(damaged));
    }
  });

  it('puts elements inside a sentence as they are (msgParts)', () => {
    setEditorMessages(readIsland(null));
    const name = { element: 'strong' };
    assert.deepEqual(msgParts<'nr.editor.presence.person', typeof name>('nr.editor.presence.person', { name, time: '10:30' }), [
      name,
      ' (since 10:30)',
    ]);
    setEditorMessages(readIsland(korean()));
    assert.deepEqual(msgParts<'nr.editor.presence.person', typeof name>('nr.editor.presence.person', { name, time: '10:30' }), [name, '(10:30부터)']);
  });

  it('translates the shared conflict diff’s own words, never the story’s', () => {
    setEditorMessages(readIsland(korean()));
    const tree = conflictDiffMarkup(
      {
        fields: [{ field: 'headline', label: 'Headline', theirs: 'Yours', yours: 'Theirs' }],
        body: [
          { op: 'removed' as const, text: 'Field' },
          { op: 'added' as const, text: 'Fields that differ' },
        ],
      },
      conflictDiffWords(),
    );
    const text = JSON.stringify(tree);
    for (const word of [
      '다른 항목',
      '"항목"',
      '상대 버전',
      '내 버전',
      '본문: 상대 버전과 내 버전 비교',
      '"내 버전에만 있음: "',
      '"상대 버전에만 있음: "',
    ])
      assert.ok(text.includes(word), word);
    // The story's own text and values stay as they are.
    for (const kept of ['"Yours"', '"Theirs"', '"Field"', '"Fields that differ"', '"Headline"']) assert.ok(text.includes(kept), kept);
  });
});
