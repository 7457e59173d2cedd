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
    assert.equal(response.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400');
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

describe('story visibility', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('shows drafts, stories scheduled for later and embargoed stories to nobody', async () => {
    const section = await t.factories.section();
    const draft = await t.factories.article({ section, status: 'draft' });
    const future = await t.factories.article({ section, publishedAt: new Date(t.clock.now().getTime() + 3_600_000) });
    const embargoed = await t.factories.article({ section, embargoUntil: new Date(t.clock.now().getTime() + 3_600_000) });
    for (const story of [draft, future, embargoed]) {
      const response = await t.app.inject(`/article/${story.slug}`);
      assert.equal(response.statusCode, 404, story.slug);
    }
    const sectionPage = await t.app.inject(`/section/${section.slug}`);
    assert.doesNotMatch(sectionPage.body, new RegExp(`/article/(${draft.slug}|${future.slug}|${embargoed.slug})"`));

    t.clock.advance(2 * 3_600_000);
    for (const story of [future, embargoed]) {
      assert.equal((await t.app.inject(`/article/${story.slug}`)).statusCode, 200, story.slug);
    }
  });

  it('answers 410 Gone, with a readable page, for a withdrawn story', async () => {
    const story = await t.factories.article();
    assert.equal((await t.app.inject(`/article/${story.slug}`)).statusCode, 200);
    await t.factories.setStatus(story.id, 'unpublished');
    const response = await t.app.inject(`/article/${story.slug}`);
    assert.equal(response.statusCode, 410);
    assert.equal(response.headers['x-error-code'], 'ERR_ARTICLE_GONE');
    assert.equal(response.headers['cache-control'], 'public, max-age=3600, s-maxage=86400');
    assert.match(response.body, /withdrawn/);
  });
});

describe('list pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('paginates a section ten stories a page, newest first, and refuses bad page numbers', async () => {
    const section = await t.factories.section({ slug: 'business', name: 'Business' });
    for (let hoursAgo = 1; hoursAgo <= 12; hoursAgo++) {
      await t.factories.article({ section, slug: `business-story-${hoursAgo}`, hoursAgo });
    }
    const first = await t.app.inject('/section/business');
    assert.equal(first.statusCode, 200);
    const order = [...first.body.matchAll(/href="\/article\/business-story-(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual([...new Set(order)], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.match(first.body, /rel="next"/);

    const second = await t.app.inject('/section/business?page=2');
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /business-story-11/);
    assert.match(second.body, /<link rel="canonical" href="https:\/\/news.example\/section\/business\?page=2"/);

    assert.equal((await t.app.inject('/section/business?page=3')).statusCode, 404);
    for (const page of ['abc', '-1', '0', '1.5', '99999999', '', '%20']) {
      const response = await t.app.inject(`/section/business?page=${page}`);
      assert.equal(response.statusCode, 400, `page=${page}`);
      assert.equal(response.headers['x-error-code'], 'ERR_INVALID_PAGE_NUMBER');
    }
    assert.equal((await t.app.inject('/section/no-such-section')).statusCode, 404);
  });

  it('lists an author’s stories with their bio and e-mail, a tag’s stories, and a series in part order', async () => {
    const author = await t.factories.author({ slug: 'mina-cho', name: 'Mina Cho', email: 'mina@news.example', bio: 'Mina covers courts.' });
    const series = await t.factories.series({ slug: 'river-towns', title: 'River Towns' });
    await t.factories.article({
      authorIds: [author.id],
      headline: 'Part two story',
      seriesId: series.id,
      seriesPart: 2,
      hoursAgo: 1,
      tags: ['Courts'],
    });
    await t.factories.article({
      authorIds: [author.id],
      headline: 'Part one story',
      seriesId: series.id,
      seriesPart: 1,
      hoursAgo: 30,
      tags: ['Courts'],
    });

    const authorPage = await t.app.inject('/author/mina-cho');
    assert.equal(authorPage.statusCode, 200);
    assert.match(authorPage.body, /Mina covers courts\./);
    assert.match(authorPage.body, /mailto:mina@news.example/);
    assert.match(authorPage.body, /Part two story/);

    const tagPage = await t.app.inject('/tag/courts');
    assert.equal(tagPage.statusCode, 200);
    assert.match(tagPage.body, /Part one story/);
    assert.equal((await t.app.inject('/tag/no-such-tag')).statusCode, 404);

    const seriesPage = await t.app.inject('/series/river-towns');
    assert.equal(seriesPage.statusCode, 200);
    assert.ok(seriesPage.body.indexOf('Part one story') < seriesPage.body.indexOf('Part two story'));
  });

  it('shows series navigation on a part: the previous part, the next and all parts', async () => {
    const series = await t.factories.series({ slug: 'long-road', title: 'The Long Road' });
    const one = await t.factories.article({ headline: 'Road one', seriesId: series.id, seriesPart: 1, hoursAgo: 50 });
    const two = await t.factories.article({ headline: 'Road two', seriesId: series.id, seriesPart: 2, hoursAgo: 2 });
    const partTwo = await t.app.inject(`/article/${two.slug}`);
    assert.match(partTwo.body, /Road two<span class="series-part"> \(Part 2\)/);
    assert.match(partTwo.body, new RegExp(`To read Part 1, <a href="/article/${one.slug}">Road one`));
    const partOne = await t.app.inject(`/article/${one.slug}`);
    assert.match(partOne.body, new RegExp(`Next: Part 2, <a href="/article/${two.slug}">Road two`));
  });

  it('serves static pages that exist and 404s the rest', async () => {
    assert.equal((await t.app.inject('/privacy')).statusCode, 404);
    await t.factories.staticPage('privacy', 'Privacy');
    const response = await t.app.inject('/privacy');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1 id="static-page-title">Privacy<\/h1>/);
    const home = await t.app.inject('/');
    assert.match(home.body, /href="\/privacy">Privacy</);
  });

  it('serves a free-standing page at /pages/<slug>, purged when it changes, and 404s an unknown one', async () => {
    assert.equal((await t.app.inject('/pages/harbour-history')).statusCode, 404);
    await t.factories.staticPage('harbour-history', 'Harbour history');
    const response = await t.app.inject('/pages/harbour-history');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1 id="static-page-title">Harbour history<\/h1>/);
    assert.match(response.body, /<link rel="canonical" href="[^"]*\/pages\/harbour-history"/);
    await t.factories.staticPage('harbour-history', 'Harbour history, 1921 on');
    assert.match((await t.app.inject('/pages/harbour-history')).body, /Harbour history, 1921 on/, 'the cached page was purged');
    assert.equal((await t.app.inject('/pages/about')).statusCode, 404, 'a fixed page has one address');
    assert.equal((await t.app.inject('/pages/Not%20A%20Slug')).statusCode, 404);
    assert.doesNotMatch((await t.app.inject('/')).body, /href="\/pages\//, 'the footer links the fixed pages only');
  });

  it('searches stories, treating % and _ as punctuation, and refuses over-long queries', async () => {
    await t.factories.article({ headline: 'Typhoon Mawar nears Okinawa', standfirst: 'Rain and 100% humidity.' });
    await t.factories.article({ headline: 'Chip exports rise', standfirst: 'Memory leads.' });
    const found = await t.app.inject('/search?q=typhoon%20okinawa');
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /Typhoon Mawar nears Okinawa/);
    assert.doesNotMatch(found.body, /Chip exports rise/);
    const percent = await t.app.inject('/search?q=100%25');
    assert.match(percent.body, /Typhoon Mawar/);
    // Not a word and not a wildcard: nothing to search for, an empty page.
    const wildcard = await t.app.inject('/search?q=%25');
    assert.equal(wildcard.statusCode, 200);
    assert.doesNotMatch(wildcard.body, /Typhoon Mawar|Chip exports rise/);
    const tooLong = await t.app.inject(`/search?q=${'a'.repeat(201)}`);
    assert.equal(tooLong.statusCode, 400);
    assert.equal(tooLong.headers['x-error-code'], 'ERR_SEARCH_QUERY_TOO_LONG');
  });

  it('renders hostile text as text', async () => {
    const { slug } = await t.factories.article({
      headline: '<script>alert("x")</script> & friends',
      standfirst: '"><img src=x onerror=alert(1)>',
    });
    const response = await t.app.inject(`/article/${slug}`);
    assert.equal(response.statusCode, 200);
    assert.doesNotMatch(response.body, /<script>alert/);
    assert.doesNotMatch(response.body, /<img src=x/);
    assert.match(response.body, /&lt;script>alert\(&quot;x&quot;\)&lt;\/script> &amp; friends/);
  });
});
