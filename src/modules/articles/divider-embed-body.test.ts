import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { h } from 'preact';
import { ArticleBodySchema, bodyPlainText, type ArticleBody } from '../../shared/article-body.js';
import { ArticleBody as ArticleBodyView } from '../../web/site/components/article-body.js';
import { bodyLines } from '../revisions/revision-diff.js';
import { bodyToMarkdown, markdownToBody } from './markdown-body.js';

describe('divider and embed blocks', () => {
  const body: ArticleBody = [
    { type: 'paragraph', content: [{ text: 'Before.' }] },
    { type: 'divider' },
    { type: 'embed', url: 'https://www.example.com/page?a=1&b=2' },
    { type: 'paragraph', content: [{ text: 'After.' }] },
  ];

  it('are accepted by the schema, with only http(s) addresses for an embed', () => {
    assert.ok(ArticleBodySchema.safeParse(body).success);
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://example.com',
      '//example.com',
      'https://',
      'https://exa mple.com',
      `https://example.com/${'a'.repeat(2000)}`,
    ])
      assert.equal(ArticleBodySchema.safeParse([{ type: 'embed', url }]).success, false, url);
    assert.equal(ArticleBodySchema.safeParse([{ type: 'divider', extra: 1 }]).success, true, 'unknown keys are dropped, as for other blocks');
  });

  it('round-trip through Markdown: --- and [[embed:URL]] on a line of its own', () => {
    const markdown = bodyToMarkdown(body);
    assert.equal(markdown, 'Before.\n\n---\n\n[[embed:https://www.example.com/page?a=1&b=2]]\n\nAfter.');
    assert.deepEqual(markdownToBody(markdown), body);
    assert.deepEqual(markdownToBody('***\n\n___'), [{ type: 'divider' }, { type: 'divider' }]);
    // Not on a line of its own, or not http(s): the words stay words.
    assert.deepEqual(markdownToBody('See [[embed:javascript:alert(1)]]'), [
      { type: 'paragraph', content: [{ text: 'See [[embed:javascript:alert(1)]]' }] },
    ]);
  });

  it('render as <hr> and as an accessible link card, with no frame or script', () => {
    const html = renderToString(h(ArticleBodyView, { body, figures: new Map() }));
    assert.match(html, /Before.<\/span><\/p><hr\/?>/);
    assert.match(
      html,
      /<p class="embed-card"><a href="https:\/\/www.example.com\/page\?a=1&amp;b=2" rel="noopener nofollow"><span class="embed-card-host">example.com<\/span><span class="embed-card-url">https:\/\/www.example.com\/page\?a=1&amp;b=2<\/span><\/a><\/p>/,
    );
    assert.doesNotMatch(html, /<iframe|<script/);
  });

  it('add no words to the plain text, and show in revision diffs', () => {
    assert.equal(bodyPlainText(body), 'Before.\n\nAfter.');
    assert.deepEqual(bodyLines(body), ['Before.', '---', '[embed https://www.example.com/page?a=1&b=2]', 'After.']);
  });
});
