import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('reading site pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('serves a published article with its anatomy, and a 404 for an unknown slug', async () => {
    const section = await t.factories.section({ slug: 'world', name: 'World' });
    const author = await t.factories.author({ name: 'Jane Reporter', email: 'jane@news.example', slug: 'jane-reporter' });
    const second = await t.factories.author({ name: 'Sam Writer', slug: 'sam-writer' });
    const { slug } = await t.factories.article({
      section,
      authorIds: [author.id, second.id],
      headline: 'Harbour reopens after storm',
      standfirst: 'Ships return to the port.',
      viewCount: 1234,
      tags: ['Shipping'],
      corrections: [{ kind: 'correction', text: 'An earlier version misstated the date.' }],
    });
    const response = await t.app.inject(`/article/${slug}`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'public, max-age=60, must-revalidate');
    const html = response.body;
    assert.match(html, /<h1 id="article-headline">Harbour reopens after storm/);
    assert.match(html, /href="\/section\/world">WORLD</);
    assert.match(html, /href="\/author\/jane-reporter">Jane Reporter</);
    assert.match(html, /href="\/author\/sam-writer">Sam Writer</);
    assert.match(html, /href="mailto:jane@news.example"/);
    assert.match(html, /Views 1,234/);
    assert.match(html, /An earlier version misstated the date/);
    assert.match(html, /href="#main-content">Skip to main content/);
    assert.match(html, /Back to the main page \(bottom\)/);

    const missing = await t.app.inject('/article/no-such-story');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['x-error-code'], 'ERR_ARTICLE_NOT_FOUND');
  });
});
