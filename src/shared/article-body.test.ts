import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArticleBodySchema, bodyPlainText, parseStoredBody, serializeBody } from './article-body.js';

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

  it('refuses control characters and lone surrogates in any text of a body coming in, keeps edge spaces, stores NFC', () => {
    for (const bad of ['\u0000', '\u0007', '\u0085', '\u009B', '\uD800']) {
      for (const body of [
        [{ type: 'paragraph', content: [{ text: `a${bad}b` }] }],
        [{ type: 'heading', text: `a${bad}b` }],
        [{ type: 'quote', text: 'q', attribution: `a${bad}b` }],
        [{ type: 'list', ordered: false, items: [[{ text: `a${bad}b` }]] }],
      ]) {
        assert.equal(ArticleBodySchema.safeParse(body).success, false, JSON.stringify(body));
      }
    }
    const parsed = ArticleBodySchema.parse([{ type: 'paragraph', content: [{ text: 'Cafe\u0301 ' }, { text: 'crème', marks: ['em'] }] }]);
    assert.deepEqual(parsed, [{ type: 'paragraph', content: [{ text: 'Caf\u00e9 ' }, { text: 'crème', marks: ['em'] }] }]);
    assert.throws(() => serializeBody([{ type: 'heading', text: 'a\u0000' }]));
  });

  it('still reads a body stored before that rule, rather than failing its page', () => {
    const legacy = JSON.stringify([{ type: 'paragraph', content: [{ text: 'old\u0007text' }] }]);
    assert.deepEqual(parseStoredBody(legacy), [{ type: 'paragraph', content: [{ text: 'old\u0007text' }] }]);
  });

  it('gives the plain text of every block', () => {
    const text = bodyPlainText([
      { type: 'heading', text: 'Head' },
      { type: 'paragraph', content: [{ text: 'One ' }, { text: 'two', marks: ['em'] }] },
      { type: 'list', ordered: false, items: [[{ text: 'item' }]] },
      { type: 'figure', mediaId: 'm1' },
      { type: 'quote', text: 'Said.', attribution: 'Ana Ruiz, harbourmaster' },
      { type: 'quote', text: 'Unsigned.' },
    ]);
    assert.equal(text, 'Head\n\nOne two\n\nitem\n\nSaid.\n— Ana Ruiz, harbourmaster\n\nUnsigned.');
  });
});
