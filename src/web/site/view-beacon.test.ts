import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PageCache } from '../http/page-cache.js';
import { StoredDocument } from '../http/stored-document.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('the view beacon on article pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('sends an inline beacon the CSP allows by hash, and a pixel for readers without JavaScript', async () => {
    const story = await t.factories.article({ headline: 'Beacon story' });
    const page = await t.app.inject(`/article/${story.slug}`);
    const script = new RegExp(`<script data-article="${story.id}">([^<]+)</script>`).exec(page.body)?.[1];
    assert.ok(script, 'the beacon names the story');
    const hash = createHash('sha256').update(script).digest('base64');
    assert.ok(String(page.headers['content-security-policy']).includes(`'sha256-${hash}'`), 'the CSP allows exactly this script');
    assert.match(page.body, new RegExp(`<noscript><img class="view-pixel" src="/views/pixel.gif\\?article=${story.id}" alt[ >]`));
    // Other pages do not count views.
    assert.doesNotMatch((await t.app.inject('/')).body, /data-article=/);
  });

  it('marks links in the ranked lists, and a marked link is served the same cached page', async () => {
    const section = await t.factories.section();
    const picked = await t.factories.article({ section, headline: 'Picked story' });
    await t.factories.pick(picked.id, 0);
    const home = await t.app.inject('/');
    assert.match(home.body, new RegExp(`href="/article/${picked.slug}\\?via=must-reads"`));
    const plain = await t.app.inject(`/article/${picked.slug}`);
    const marked = await t.app.inject(`/article/${picked.slug}?via=must-reads`);
    assert.equal(marked.headers['x-page-cache'], 'hit');
    assert.equal(marked.headers.etag, plain.headers.etag);
  });

  it('keeps a cached page at most a minute, so the view count it shows stays fresh', () => {
    let now = 1_000_000;
    const cache = new PageCache(10, 60_000, () => now);
    const page = new StoredDocument({ status: 200, body: Buffer.from('x'), contentType: 'text/html', cacheControl: 'public', compress: 'document' });
    cache.set('/article/a', page, ['article-a']);
    now += 59_999;
    assert.equal(cache.get('/article/a'), page);
    now += 1;
    assert.equal(cache.get('/article/a'), undefined);
    assert.equal(cache.size, 0);
  });
});
