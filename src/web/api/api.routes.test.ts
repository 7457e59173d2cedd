import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { apiGet, body, createApiKey, errorCode } from '../../testing/api-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

type Story = Record<string, unknown> & { slug: string };
/** The fields of a whole story (GET /articles/{slug}) that the tests below read. */
interface FullStory {
  id: string;
  headline: string;
  url: string;
  view_count: number;
  comment_count: number;
  published_at: string;
  section: { slug: string };
  authors: Array<{ slug: string }>;
  tags: Array<{ slug: string }>;
  series: { slug: string; part: number };
  hero: { alt: string; variants: Array<{ url: string; mime_type: string }> };
  body: Array<{ type: string; media_id?: string }>;
  images: Array<{ id: string }>;
  body_html: string;
  corrections: Array<{ kind: string }>;
}
type Page = {
  data: Story[];
  pagination: { page: number; per_page: number; total_items: number; total_pages: number };
  links: { next: string | null; prev: string | null };
};

describe('the Content API: what it serves', () => {
  let t: TestApp;
  let key: string;
  before(async () => {
    t = await createTestApp();
    key = await createApiKey(t);
    const world = await t.factories.section({ slug: 'world', name: 'World' });
    const sport = await t.factories.section({ slug: 'sport', name: 'Sport' });
    const kim = await t.factories.author({ slug: 'kim', name: 'Kim Reporter', email: 'kim@private.example' });
    const lee = await t.factories.author({ slug: 'lee', name: 'Lee Writer' });
    const series = await t.factories.series({ slug: 'harbour-series', title: 'The Harbour' });
    await t.factories.series({ slug: 'draft-series', title: 'Not yet' });
    const hero = await t.factories.media({ alt: 'The harbour at dawn' });
    const figure = await t.factories.media({ alt: 'A crane' });
    await t.factories.article({
      slug: 'harbour-reopens',
      headline: 'Harbour reopens after storm',
      section: world,
      authorIds: [kim.id],
      tags: ['Harbour', 'Weather'],
      seriesId: series.id,
      seriesPart: 1,
      heroMediaId: hero,
      viewCount: 42,
      hoursAgo: 2,
      corrections: [{ kind: 'correction', text: 'An earlier version misnamed the harbour.' }],
      body: [
        { type: 'paragraph', content: [{ text: 'Ships <came> back.', marks: ['em'] }] },
        { type: 'figure', mediaId: figure },
      ],
    });
    await t.factories.article({ slug: 'cup-final', section: sport, authorIds: [lee.id], hoursAgo: 30, tags: ['Football'] });
    await t.factories.article({
      slug: 'harbour-part-two',
      section: world,
      authorIds: [kim.id, lee.id],
      seriesId: series.id,
      seriesPart: 2,
      hoursAgo: 5,
    });
    // What readers may not see, and the API must never show.
    await t.factories.article({ slug: 'secret-draft', section: world, status: 'draft', tags: ['Secret'], seriesId: series.id, seriesPart: 3 });
    await t.factories.article({ slug: 'in-review', section: world, status: 'in_review' });
    await t.factories.article({ slug: 'tomorrow', section: world, status: 'scheduled', publishedAt: new Date(t.clock.now().getTime() + HOUR_MS) });
    await t.factories.article({ slug: 'embargoed', section: world, embargoUntil: new Date(t.clock.now().getTime() + HOUR_MS) });
    await t.factories.article({ slug: 'withdrawn', section: world, status: 'unpublished' });
  });
  after(() => t.close());

  const HIDDEN = ['secret-draft', 'in-review', 'tomorrow', 'embargoed', 'withdrawn'];

  it('lists published stories only, newest first, with pagination and links', async () => {
    const response = await apiGet(t, '/api/v1/articles', key);
    assert.equal(response.statusCode, 200);
    const page = body<Page>(response);
    assert.deepEqual(
      page.data.map((story) => story.slug),
      ['harbour-reopens', 'harbour-part-two', 'cup-final'],
    );
    assert.deepEqual(page.pagination, { page: 1, per_page: 20, total_items: 3, total_pages: 1 });
    assert.deepEqual(page.links, { next: null, prev: null });
    assert.ok(!HIDDEN.some((slug) => response.body.includes(slug)));
    assert.ok(!response.body.includes('kim@private.example'), 'no author e-mail addresses');

    const first = body<Page>(await apiGet(t, '/api/v1/articles?per_page=2&section=world', key));
    assert.deepEqual(
      first.data.map((story) => story.slug),
      ['harbour-reopens', 'harbour-part-two'],
    );
    const second = body<Page>(await apiGet(t, '/api/v1/articles?per_page=1&page=2', key));
    assert.deepEqual(
      second.data.map((story) => story.slug),
      ['harbour-part-two'],
    );
    assert.equal(second.links.next, 'https://news.example/api/v1/articles?per_page=1&page=3');
    assert.equal(second.links.prev, 'https://news.example/api/v1/articles?per_page=1&page=1');
    const past = body<Page>(await apiGet(t, '/api/v1/articles?page=9', key));
    assert.deepEqual(past.data, [], 'a page past the end is empty');
  });

  it('filters by section, author, tag, series and publication time', async () => {
    const slugs = async (query: string) => body<Page>(await apiGet(t, `/api/v1/articles?${query}`, key)).data.map((story) => story.slug);
    assert.deepEqual(await slugs('section=sport'), ['cup-final']);
    assert.deepEqual(await slugs('author=lee'), ['harbour-part-two', 'cup-final']);
    assert.deepEqual(await slugs('tag=harbour'), ['harbour-reopens']);
    assert.deepEqual(await slugs('tag=secret'), []);
    assert.deepEqual(await slugs('series=harbour-series'), ['harbour-reopens', 'harbour-part-two']);
    const tenHoursAgo = new Date(t.clock.now().getTime() - 10 * HOUR_MS).toISOString();
    assert.deepEqual(await slugs(`published_after=${tenHoursAgo}`), ['harbour-reopens', 'harbour-part-two']);
    assert.deepEqual(await slugs(`published_before=${encodeURIComponent(tenHoursAgo)}`), ['cup-final']);
    assert.deepEqual(await slugs('published_before=2026-11-19T12:00:00%2B09:00&sort=latest'), ['cup-final']);
    assert.deepEqual(await slugs('published_after=2030-01-01'), []);
    assert.deepEqual(await slugs('section=sport&author=kim'), []);
  });

  it('selects fields; id always comes along', async () => {
    const page = body<Page>(await apiGet(t, '/api/v1/articles?fields=headline,view_count', key));
    assert.deepEqual(Object.keys(page.data[0] ?? {}), ['id', 'headline', 'view_count']);
    const one = body<{ data: Story }>(await apiGet(t, '/api/v1/articles/harbour-reopens?fields=body_html', key));
    assert.deepEqual(Object.keys(one.data), ['id', 'body_html']);
    const sections = body<{ data: Story[] }>(await apiGet(t, '/api/v1/sections?fields=slug', key));
    assert.deepEqual(
      sections.data.map((section) => Object.keys(section)),
      [
        ['id', 'slug'],
        ['id', 'slug'],
      ],
    );
  });

  it('serves a whole story: body as blocks and HTML, hero, tags, series, corrections, counts, dates with offset', async () => {
    const response = await apiGet(t, '/api/v1/articles/harbour-reopens', key);
    assert.equal(response.statusCode, 200);
    const story = body<{ data: FullStory }>(response).data;
    assert.equal(story.headline, 'Harbour reopens after storm');
    assert.equal(story.url, 'https://news.example/article/harbour-reopens');
    assert.equal(story.view_count, 42);
    assert.equal(story.comment_count, 0);
    assert.match(story.published_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    assert.equal(story.section.slug, 'world');
    assert.deepEqual(
      story.authors.map((author) => author.slug),
      ['kim'],
    );
    assert.deepEqual(
      story.tags.map((tag) => tag.slug),
      ['harbour', 'weather'],
    );
    assert.deepEqual({ slug: story.series.slug, part: story.series.part }, { slug: 'harbour-series', part: 1 });
    assert.equal(story.hero.alt, 'The harbour at dawn');
    assert.match(story.hero.variants[0]?.url ?? '', /^https:\/\/news\.example\/media\/.+-480\.webp$/);
    assert.equal(story.hero.variants[0]?.mime_type, 'image/webp');
    assert.equal(story.body[0]?.type, 'paragraph');
    assert.equal(story.body[1]?.type, 'figure');
    const [image] = story.images;
    assert.ok(image);
    assert.equal(image.id, story.body[1]?.media_id);
    assert.match(story.body_html, /<em>Ships &lt;came> back\.<\/em>/);
    assert.match(story.body_html, /<img src="https:\/\/news\.example\/media\//, 'image URLs are absolute');
    assert.equal(story.corrections[0]?.kind, 'correction');
    const views = body<{ data: Record<string, unknown> }>(await apiGet(t, '/api/v1/articles/harbour-reopens/views', key));
    assert.deepEqual(views.data, { id: story.id, slug: 'harbour-reopens', view_count: 42, comment_count: 0 });
  });

  it('never serves drafts, scheduled or embargoed stories (404) and says withdrawn ones are gone (410)', async () => {
    for (const slug of ['secret-draft', 'in-review', 'tomorrow', 'embargoed', 'no-such-story']) {
      const response = await apiGet(t, `/api/v1/articles/${slug}`, key);
      assert.equal(response.statusCode, 404, slug);
      assert.equal(errorCode(response), 'ERR_ARTICLE_NOT_FOUND');
    }
    const gone = await apiGet(t, '/api/v1/articles/withdrawn', key);
    assert.equal(gone.statusCode, 410);
    assert.equal(errorCode(gone), 'ERR_ARTICLE_GONE');
    assert.equal((await apiGet(t, '/api/v1/articles/withdrawn/views', key)).statusCode, 410);
  });

  it('serves sections, authors, series and tags, counting only published stories', async () => {
    const sections = body<{ data: Story[] }>(await apiGet(t, '/api/v1/sections', key)).data;
    assert.deepEqual(
      sections.map((section) => [section.slug, section.story_count]),
      [
        ['world', 2],
        ['sport', 1],
      ],
    );
    assert.equal(body<{ data: Story }>(await apiGet(t, '/api/v1/sections/sport', key)).data.name, 'Sport');
    assert.equal((await apiGet(t, '/api/v1/sections/nowhere', key)).statusCode, 404);

    const authors = await apiGet(t, '/api/v1/authors', key);
    assert.ok(!authors.body.includes('@'), 'no e-mail addresses');
    const kim = body<{ data: Story }>(await apiGet(t, '/api/v1/authors/kim', key)).data;
    assert.deepEqual([kim.name, kim.story_count, kim.url], ['Kim Reporter', 2, 'https://news.example/author/kim']);
    assert.equal(errorCode(await apiGet(t, '/api/v1/authors/nobody', key)), 'ERR_AUTHOR_NOT_FOUND');

    const series = body<{ data: Story[] }>(await apiGet(t, '/api/v1/series', key)).data;
    assert.deepEqual(
      series.map((item) => [item.slug, item.story_count]),
      [['harbour-series', 2]],
      'a series of drafts is not listed',
    );
    const parts = body<{ data: { parts: Story[] } }>(await apiGet(t, '/api/v1/series/harbour-series', key)).data.parts;
    assert.deepEqual(
      parts.map((part) => part.slug),
      ['harbour-reopens', 'harbour-part-two'],
    );
    assert.equal((await apiGet(t, '/api/v1/series/draft-series', key)).statusCode, 404);

    const tags = body<{ data: Story[] }>(await apiGet(t, '/api/v1/tags', key)).data;
    assert.deepEqual(
      tags.map((tag) => [tag.slug, tag.story_count]),
      [
        ['football', 1],
        ['harbour', 1],
        ['weather', 1],
      ],
      'no tag only drafts carry',
    );
  });

  it('serves the ranked lists from memory', async () => {
    const [first] = body<Page>(await apiGet(t, '/api/v1/articles?section=sport', key)).data;
    await t.factories.pick(String(first?.id), 1);
    const mustReads = body<{ data: Story[]; computed_at: string }>(await apiGet(t, '/api/v1/lists/must-reads', key));
    assert.deepEqual(
      mustReads.data.map((story) => story.slug),
      ['cup-final'],
    );
    for (const list of ['popular-now', 'weekly-best']) {
      const response = await apiGet(t, `/api/v1/lists/${list}?fields=headline`, key);
      assert.equal(response.statusCode, 200);
      assert.ok(!HIDDEN.some((slug) => response.body.includes(slug)));
    }
  });

  it('searches published stories', async () => {
    const response = await apiGet(t, '/api/v1/search?q=harbour&per_page=5', key);
    assert.equal(response.statusCode, 200);
    const result = body<Page & { terms: string[] }>(response);
    assert.ok(result.data.length >= 1);
    assert.ok(result.data.every((hit) => !HIDDEN.includes(hit.slug)));
    assert.equal(result.pagination.per_page, 5);
    const none = body<Page>(await apiGet(t, '/api/v1/search?q=zzzqqq', key));
    assert.deepEqual(none.data, []);
    assert.equal((await apiGet(t, '/api/v1/search?q=harbour&section=nowhere', key)).statusCode, 400);
    assert.equal((await apiGet(t, `/api/v1/search?q=${'x'.repeat(201)}`, key)).statusCode, 400);
  });

  it('answers with an ETag, 304 when it matches, private caching and Vary', async () => {
    const response = await apiGet(t, '/api/v1/articles/harbour-reopens', key);
    const etag = String(response.headers.etag);
    assert.match(etag, /^"[^"]+"$/);
    assert.equal(response.headers['cache-control'], 'private, max-age=60');
    assert.match(String(response.headers.vary), /Authorization, X-Api-Key/);
    const again = await apiGet(t, '/api/v1/articles/harbour-reopens', key, { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal((await apiGet(t, '/api/v1/articles/harbour-reopens', key, { 'if-none-match': '"stale"' })).statusCode, 200);
    const openapi = await apiGet(t, '/api/v1/openapi.json', null);
    assert.equal((await apiGet(t, '/api/v1/openapi.json', null, { 'if-none-match': String(openapi.headers.etag) })).statusCode, 304);
  });
});
