import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArticleBodySchema, bodyPlainText } from './article-body.js';

const paragraphWithLink = (href: string) => [{ type: 'paragraph', content: [{ text: 'a link', href }] }];

describe('article body', () => {
  it('accepts http(s), mailto and site-relative links', () => {
    for (const href of ['https://example.org/a', 'http://example.org', 'mailto:desk@news.example', '/section/world']) {
      assert.equal(ArticleBodySchema.safeParse(paragraphWithLink(href)).success, true, href);
    }
  });

  it('refuses script, data and protocol-relative links', () => {
    for (const href of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', '//evil.example/x', 'vbscript:x']) {
      assert.equal(ArticleBodySchema.safeParse(paragraphWithLink(href)).success, false, href);
    }
  });

  it('refuses unknown block types and raw HTML blocks', () => {
    assert.equal(ArticleBodySchema.safeParse([{ type: 'html', html: '<script>x</script>' }]).success, false);
  });

  it('gives the plain text of every block', () => {
    const text = bodyPlainText([
      { type: 'heading', text: 'Head' },
      { type: 'paragraph', content: [{ text: 'One ' }, { text: 'two', marks: ['em'] }] },
      { type: 'list', ordered: false, items: [[{ text: 'item' }]] },
      { type: 'figure', mediaId: 'm1' },
    ]);
    assert.equal(text, 'Head\n\nOne two\n\nitem');
  });
});
