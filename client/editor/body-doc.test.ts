import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EditorState, type Command } from 'prosemirror-state';
import type { ArticleBody } from '../../src/shared/article-body.js';
import { ArticleBodySchema } from '../../src/shared/article-body.js';
import { blocksToDoc, docToBlocks } from './body-doc.js';
import { insertBlock, toggleList, toggleQuote } from './commands.js';
import { schema } from './schema.js';

describe('the editor document ⇄ the article body', () => {
  const body: ArticleBody = [
    { type: 'paragraph', content: [{ text: 'The port ' }, { text: 'reopened', marks: ['em', 'strong'] }, { text: ' today', href: '/article/port' }] },
    { type: 'heading', text: 'Next' },
    { type: 'quote', text: 'Open again.', attribution: 'Harbour master' },
    { type: 'quote', text: 'No credit.' },
    { type: 'list', ordered: false, items: [[{ text: 'Ships' }], [{ text: 'Ferries' }]] },
    { type: 'list', ordered: true, items: [[{ text: 'One' }]] },
    { type: 'figure', mediaId: 'a1b2' },
    { type: 'divider' },
    { type: 'embed', url: 'https://example.com/x' },
  ];

  it('gives back every block type unchanged, and the schema accepts the result', () => {
    const doc = blocksToDoc(schema, body);
    doc.check();
    assert.deepEqual(docToBlocks(doc), body);
    assert.ok(ArticleBodySchema.safeParse(docToBlocks(doc)).success);
  });

  it('starts an empty body with one empty paragraph, saved as no blocks', () => {
    const doc = blocksToDoc(schema, []);
    assert.equal(doc.childCount, 1);
    assert.deepEqual(docToBlocks(doc), []);
  });

  it('never saves a figure that is uploading or failed, an empty quote or empty paragraphs', () => {
    const { nodes } = schema;
    const doc = nodes['doc']!.create(null, [
      nodes['paragraph']!.create(null, schema.text('   ')),
      nodes['figure']!.create({ uploadId: 'u1' }),
      nodes['figure']!.create({ mediaId: 'm1', error: 'Upload failed' }),
      nodes['quote']!.create(null, [nodes['quote_text']!.create(), nodes['quote_attribution']!.create(null, schema.text('Nobody'))]),
    ]);
    assert.deepEqual(docToBlocks(doc), []);
  });

  it('toggles a paragraph into a quote and back, into a list, and inserts a divider after it', () => {
    let state = EditorState.create({ doc: blocksToDoc(schema, [{ type: 'paragraph', content: [{ text: 'Said' }] }]) });
    const run = (command: Command) => command(state, (tr) => (state = state.apply(tr)));
    assert.ok(run(toggleQuote(schema)));
    assert.deepEqual(docToBlocks(state.doc), [{ type: 'quote', text: 'Said' }]);
    assert.ok(run(toggleQuote(schema)));
    assert.deepEqual(docToBlocks(state.doc), [{ type: 'paragraph', content: [{ text: 'Said' }] }]);
    assert.ok(run(toggleList(schema, 'bullet_list')));
    assert.deepEqual(docToBlocks(state.doc), [{ type: 'list', ordered: false, items: [[{ text: 'Said' }]] }]);
    assert.ok(run(toggleList(schema, 'ordered_list')));
    assert.deepEqual(docToBlocks(state.doc), [{ type: 'list', ordered: true, items: [[{ text: 'Said' }]] }]);
    assert.ok(run(toggleList(schema, 'ordered_list')));
    assert.ok(run(insertBlock(schema.nodes['divider']!)));
    assert.deepEqual(docToBlocks(state.doc), [{ type: 'paragraph', content: [{ text: 'Said' }] }, { type: 'divider' }]);
  });
});
