import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArticleBodySchema, type ArticleBody } from '../../shared/article-body.js';
import { bodyToMarkdown, markdownToBody } from './markdown-body.js';

describe('Markdown ⇄ article body', () => {
  it('reads paragraphs with marks and links, headings, quotes with attribution, lists and figures', () => {
    const body = markdownToBody(
      [
        'The port *reopened* on **Monday**, [the ministry](https://gov.example/a?b=1) said.',
        '## What comes next',
        '> We are ready.\n> — Kim Min-ji, harbour master',
        '- cranes\n- ships',
        '1. first\n2. second',
        '[[figure:media-1]]',
      ].join('\n\n'),
    );
    assert.deepEqual(body, [
      {
        type: 'paragraph',
        content: [
          { text: 'The port ' },
          { text: 'reopened', marks: ['em'] },
          { text: ' on ' },
          { text: 'Monday', marks: ['strong'] },
          { text: ', ' },
          { text: 'the ministry', href: 'https://gov.example/a?b=1' },
          { text: ' said.' },
        ],
      },
      { type: 'heading', text: 'What comes next' },
      { type: 'quote', text: 'We are ready.', attribution: 'Kim Min-ji, harbour master' },
      { type: 'list', ordered: false, items: [[{ text: 'cranes' }], [{ text: 'ships' }]] },
      { type: 'list', ordered: true, items: [[{ text: 'first' }], [{ text: 'second' }]] },
      { type: 'figure', mediaId: 'media-1' },
    ]);
    assert.ok(ArticleBodySchema.safeParse(body).success);
  });

  it('round-trips a body through Markdown, characters that look like syntax included', () => {
    const body: ArticleBody = [
      { type: 'paragraph', content: [{ text: 'Prices rose 3* and 5_000 [sic] <b> & #1 ~ | ` \\ !' }] },
      { type: 'paragraph', content: [{ text: '1. Not a list, - nor this' }] },
      {
        type: 'paragraph',
        content: [{ text: '- or this ' }, { text: 'bold', marks: ['strong'] }, { text: ' ' }, { text: 'both', marks: ['em', 'strong'] }],
      },
      {
        type: 'paragraph',
        content: [
          { text: 'see ' },
          { text: 'the site', href: '/section/world' },
          { text: ' or ' },
          { text: 'mail', href: 'mailto:desk@news.example' },
        ],
      },
      { type: 'heading', text: '# Hashes and *stars*' },
      { type: 'quote', text: 'A quote without a source.' },
      { type: 'quote', text: 'With one.', attribution: 'A. Person' },
      { type: 'list', ordered: true, items: [[{ text: 'a ' }, { text: 'link', href: 'https://x.example/(paren)' }], [{ text: 'b' }]] },
      { type: 'figure', mediaId: '0b7f3f4e-2c1a-4d7e-9a55-0a1b2c3d4e5f' },
      { type: 'paragraph', content: [{ text: '[[figure:not-a-figure]] stays text' }] },
    ];
    assert.deepEqual(markdownToBody(bodyToMarkdown(body)), body);
  });

  it('moves spaces at the edge of a marked run outside it (the one normalisation)', () => {
    const body: ArticleBody = [{ type: 'paragraph', content: [{ text: 'a' }, { text: ' b ', marks: ['em'] }, { text: 'c' }] }];
    assert.deepEqual(markdownToBody(bodyToMarkdown(body)), [
      { type: 'paragraph', content: [{ text: 'a ' }, { text: 'b', marks: ['em'] }, { text: ' c' }] },
    ]);
  });

  it('keeps raw HTML and scripts as text, never as markup', () => {
    const body = markdownToBody('<script>alert(1)</script>\n\nHello <img src=x onerror=alert(1)> there\n\n<div>\nblock\n</div>');
    assert.equal(JSON.stringify(body).includes('"href"'), false);
    assert.deepEqual(body[0], { type: 'paragraph', content: [{ text: '<script>alert(1)</script>' }] });
    assert.deepEqual(body[1], { type: 'paragraph', content: [{ text: 'Hello <img src=x onerror=alert(1)> there' }] });
    assert.ok(ArticleBodySchema.safeParse(body).success);
  });

  it('drops links with unsafe schemes but keeps their words', () => {
    const body = markdownToBody(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) [d](ftp://x.example) [e](//evil.example) [f](vbscript:x)',
    );
    assert.equal(JSON.stringify(body).includes('"href"'), false, JSON.stringify(body));
    assert.ok(ArticleBodySchema.safeParse(body).success);
  });

  it('turns code and empty input into plain paragraphs or nothing', () => {
    assert.deepEqual(markdownToBody(''), []);
    assert.deepEqual(markdownToBody('   \n\n  '), []);
    assert.deepEqual(markdownToBody('```\nx < y\n```'), [{ type: 'paragraph', content: [{ text: 'x < y' }] }]);
  });
});
