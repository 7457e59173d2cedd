import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiGet, createApiKey, errorCode } from '../../testing/api-client.js';
import type { Section } from '../../modules/sections/index.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { csrfTokenFor } from './csrf.js';
import { PurgeKeys } from '../../modules/cdn/index.js';
import { PageCache } from './page-cache.js';
import { pageCacheReaction } from './page-cache.reaction.js';
import { StoredDocument } from './stored-document.js';

const doc = (text: string) =>
  new StoredDocument({ status: 200, body: Buffer.from(text), contentType: 'text/html', cacheControl: 'public', compress: 'document' });

describe('PageCache: entries filed under surrogate keys', () => {
  it('purges the entries under a key and no others; `site` purges all', () => {
    const cache = new PageCache(10);
    cache.set('/article/a', doc('a'), ['site', 'article-a', 'lists']);
    cache.set('/article/b', doc('b'), ['site', 'article-b', 'lists', 'article-a']);
    cache.set('/section/x', doc('x'), ['site', 'section-x', 'article-b']);
    cache.set('/feed.xml', doc('f'), ['site', 'feeds']);
    assert.equal(cache.purge(['article-a']), 2);
    assert.deepEqual([cache.get('/article/a'), cache.get('/article/b')], [undefined, undefined]);
    assert.ok(cache.get('/section/x') && cache.get('/feed.xml'));
    assert.equal(cache.purge(['lists', 'no-such-key']), 0);
    assert.equal(cache.purge(['site']), 2);
    assert.equal(cache.size, 0);
  });

  it('forgets the keys of entries it evicts, expires or replaces', () => {
    let now = 0;
    const cache = new PageCache(2, 1_000, () => now);
    cache.set('/a', doc('a'), ['article-a']);
    cache.set('/b', doc('b'), ['article-b']);
    cache.set('/c', doc('c'), ['article-c']); // evicts /a, the oldest and not asked for since
    assert.equal(cache.get('/a'), undefined);
    assert.equal(cache.purge(['article-a']), 0);
    cache.set('/b', doc('b2'), ['article-b2']); // replaced: no longer under article-b
    assert.equal(cache.purge(['article-b']), 0);
    assert.deepEqual(cache.keysOf('/b'), ['article-b2']);
    now = 1_000;
    assert.equal(cache.get('/c'), undefined, 'expired after max age');
    assert.equal(cache.purge(['article-c']), 0);
  });

  it('keeps the documents asked for, evicting the oldest of the others', () => {
    const cache = new PageCache(2);
    cache.set('/a', doc('a'), []);
    cache.set('/b', doc('b'), []);
    assert.ok(cache.get('/a'));
    cache.set('/c', doc('c'), []);
    assert.ok(cache.get('/a'), 'asked for: kept');
    assert.equal(cache.get('/b'), undefined);
    assert.ok(cache.get('/c'));
  });

  it('drops everything when the stories of a change cannot be looked up', async () => {
    const cache = new PageCache(10);
    cache.set('/feed.xml', doc('f'), ['feeds']);
    const reaction = pageCacheReaction(cache, new PurgeKeys(() => Promise.reject(new Error('database away'))));
    await assert.rejects(Promise.resolve(reaction.handle({ name: 'story.updated', articleIds: ['s1'] })), /database away/);
    assert.equal(cache.size, 0);
  });

  it('does not store a document rendered while a purge ran', () => {
    const cache = new PageCache(10);
    const generation = cache.generation;
    cache.purge(['article-a']);
    cache.set('/article/a', doc('old'), ['article-a'], generation);
    assert.equal(cache.get('/article/a'), undefined);
    cache.set('/article/a', doc('new'), ['article-a'], cache.generation);
    assert.ok(cache.get('/article/a'));
  });
});

describe('the page cache purges exactly what a change made stale', () => {
  let t: TestApp;
  let sectionA: Section;
  let sectionB: Section;
  let storyA: { id: string; slug: string };
  let storyB: { id: string; slug: string };

  const get = (url: string) => t.app.inject(url);
  /** Fetched twice, so the second answer shows whether the page is now cached. */
  const warm = async (...urls: string[]) => {
    for (const url of urls) {
      await get(url);
      assert.equal((await get(url)).headers['x-page-cache'], 'hit', url);
    }
  };
  const cacheState = async (url: string) => (await get(url)).headers['x-page-cache'];

  before(async () => {
    t = await createTestApp();
    await t.deps.settings.updatePublication({ commentsMode: 'open' });
    sectionA = await t.factories.section({ slug: 'harbour', name: 'Harbour' });
    sectionB = await t.factories.section({ slug: 'orchestra', name: 'Orchestra' });
    // Words of their own, so neither story is related to the other (You May Also Like).
    storyA = await t.factories.article({
      slug: 'ferry-timetable',
      headline: 'Ferry timetable doubles crossings',
      standfirst: 'Boats leave the quay hourly.',
      body: [{ type: 'paragraph', content: [{ text: 'Captains welcomed the busier schedule at the pier.' }] }],
      section: sectionA,
      hoursAgo: 3,
    });
    storyB = await t.factories.article({
      slug: 'violin-prize',
      headline: 'Violinist wins composition prize',
      standfirst: 'A sonata judged unanimously.',
      body: [{ type: 'paragraph', content: [{ text: 'Jurors praised the cadenza and its quiet finale.' }] }],
      section: sectionB,
      hoursAgo: 2,
    });
    await t.factories.article({
      slug: 'cello-recital',
      headline: 'Cellist fills the concert hall',
      body: [{ type: 'paragraph', content: [{ text: 'Encores followed the suite.' }] }],
      section: sectionB,
      hoursAgo: 4,
    });
  });
  after(() => t.close());

  it("keeps other stories' pages, the home page and other sections cached when a comment is posted", async () => {
    const pageOfB = `/article/${storyB.slug}`;
    const home = '/';
    const otherSection = `/section/${sectionB.slug}`;
    await warm(`/article/${storyA.slug}`, pageOfB, home, otherSection);
    // What the test relies on: none of the three shows story A's comment count.
    assert.doesNotMatch((await get(pageOfB)).body, /ferry-timetable/);
    assert.doesNotMatch((await get(otherSection)).body, /ferry-timetable/);
    assert.doesNotMatch((await get(home)).body, /list-comment-count/);

    const reader = await t.factories.reader();
    const posted = await t.app.inject({
      method: 'POST',
      url: `/article/${storyA.slug}/comments`,
      remoteAddress: '203.0.113.21',
      headers: { cookie: reader.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfTokenFor(reader.cookie.split('=')[1] ?? ''), body: 'Hourly boats at last.' }).toString(),
    });
    assert.equal(posted.statusCode, 201, posted.body);

    assert.equal(await cacheState(pageOfB), 'hit');
    assert.equal(await cacheState(home), 'hit');
    assert.equal(await cacheState(otherSection), 'hit');
    const pageOfA = await get(`/article/${storyA.slug}`);
    assert.equal(pageOfA.headers['x-page-cache'], 'miss', "the commented story's page is rendered again");
    assert.match(pageOfA.body, /Hourly boats at last\./);
  });

  it('purges the home page and the section, author and tag pages of a story being published, not other sections', async () => {
    const editor = await t.factories.staffUser({ role: 'editor' });
    const author = await t.factories.author({ slug: 'dana-reed', name: 'Dana Reed' });
    const section = await t.factories.section({ slug: 'weather', name: 'Weather' });
    // Already published there, so the author and tag pages exist before the new story appears.
    await t.factories.article({ slug: 'fog-warning', section, authorIds: [author.id], tags: ['Fog'], hoursAgo: 5 });
    const draft = await t.deps.editing.createDraft(
      editor,
      await t.factories.articleInput({ headline: 'Sea fog closes the bridge', sectionId: section.id, authorIds: [author.id], tags: ['Fog'] }),
    );
    const pages = ['/', `/section/${section.slug}`, `/author/${author.slug}`, '/tag/fog', '/feed.xml'];
    const unrelated = `/section/${sectionB.slug}`;
    await warm(...pages, unrelated);

    await t.deps.editing.publish(editor, draft);
    for (const url of pages) {
      const page = await get(url);
      assert.equal(page.headers['x-page-cache'], 'miss', url);
      assert.match(page.body, /Sea fog closes the bridge/, url);
    }
    assert.equal(await cacheState(unrelated), 'hit', 'a section the story is not in stays cached');
  });

  it('purges everything when the settings change', async () => {
    const urls = ['/', `/article/${storyB.slug}`, `/section/${sectionA.slug}`, '/feed.xml', '/search?q=violin'];
    await warm(...urls);
    await t.deps.settings.updatePublication({ name: 'The Orchestra Gazette' });
    for (const url of urls) {
      const page = await get(url);
      assert.equal(page.headers['x-page-cache'], 'miss', url);
      assert.match(page.body, /The Orchestra Gazette/, url);
    }
  });

  it('caches Content API answers, purges them with their stories, and checks the key before a cached answer', async () => {
    const key = await createApiKey(t);
    const url = `/api/v1/articles/${storyB.slug}`;
    assert.equal((await apiGet(t, url, key)).headers['x-page-cache'], 'miss');
    const cached = await apiGet(t, url, key);
    assert.equal(cached.headers['x-page-cache'], 'hit');
    assert.equal(cached.headers['cache-control'], 'private, max-age=60');
    assert.equal(cached.headers['surrogate-key'], undefined, 'private answers name no keys to a CDN');
    assert.match(String(cached.headers.vary), /Authorization/);
    // Parameters are part of the key, and checked before the cache is asked.
    assert.equal((await apiGet(t, `${url}?fields=id,headline`, key)).headers['x-page-cache'], 'miss');
    assert.equal(errorCode(await apiGet(t, `${url}?nope=1`, key)), 'ERR_API_PARAMETER_UNKNOWN');
    // No key, or a revoked one: refused even though the answer is cached.
    assert.equal((await apiGet(t, url, null)).statusCode, 401);
    const { user } = await t.factories.staff({ role: 'admin' });
    const revoked = await t.deps.apiKeys.create('Leaving partner', user.id);
    assert.equal((await apiGet(t, url, revoked.key)).headers['x-page-cache'], 'hit');
    await t.deps.apiKeys.revoke(revoked.apiKey.id, user.id);
    assert.equal((await apiGet(t, url, revoked.key)).statusCode, 401);

    const list = '/api/v1/articles?section=orchestra';
    await apiGet(t, list, key);
    assert.equal((await apiGet(t, list, key)).headers['x-page-cache'], 'hit');
    await t.factories.setStatus(storyB.id, 'unpublished');
    await t.deps.events.emit({ name: 'story.unpublished', articleIds: [storyB.id] });
    assert.equal((await apiGet(t, url, key)).statusCode, 410);
    const relisted = await apiGet(t, list, key);
    assert.equal(relisted.headers['x-page-cache'], 'miss');
    assert.doesNotMatch(relisted.body, /violin-prize/);
  });
});
