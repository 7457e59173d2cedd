import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { ArticleBody } from '../../../shared/article-body.js';
import { ArticleBody as ArticleBodyView } from './article-body.js';

describe('the article body component with divider and embed blocks', () => {
  const body: ArticleBody = [
    { type: 'paragraph', content: [{ text: 'Before.' }] },
    { type: 'divider' },
    { type: 'embed', url: 'https://www.example.com/page?a=1&b=2' },
    { type: 'paragraph', content: [{ text: 'After.' }] },
  ];

  it('renders them as <hr> and as an accessible link card, with no frame or script', () => {
    const html = renderToString(h(ArticleBodyView, { body, figures: new Map() }));
    assert.match(html, /Before.<\/span><\/p><hr\/?>/);
    assert.match(
      html,
      /<p class="embed-card"><a href="https:\/\/www.example.com\/page\?a=1&amp;b=2" rel="noopener nofollow"><span class="embed-card-host">example.com<\/span><span class="embed-card-url">https:\/\/www.example.com\/page\?a=1&amp;b=2<\/span><\/a><\/p>/,
    );
    assert.doesNotMatch(html, /<iframe|<script/);
  });
});
