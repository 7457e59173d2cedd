import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ArticleBody } from '../../shared/article-body.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

const paragraph = (text: string): ArticleBody => [{ type: 'paragraph', content: [{ text }] }];

interface SearchJson {
  query: { q: string };
  terms: string[];
  results: Array<{
    headline: string;
    url: string;
    section: { slug: string };
    authors: Array<{ name: string }>;
    publishedAt: string;
    snippet: Array<{ text: string; match: boolean }>;
    score: number;
  }>;
  pagination: { page: number; totalItems: number; totalPages: number };
  errors?: Array<{ code: string; message: string }>;
}

describe('search page and its JSON', () => {
  let t: TestApp;
  before(async () => {
    // Midday in Seoul (the default time zone is the publication's; dates below are Seoul days).
    t = await createTestApp({ now: '2026-11-20T03:00:00.000Z' });
    const world = await t.factories.section({ slug: 'world', name: 'World' });
    const author = await t.factories.author({ name: 'Grace Park' });
    await t.factories.article({
      section: world,
      authorIds: [author.id],
      headline: 'Ferry service resumes',
      body: paragraph('The ferry left at dawn with 200 passengers.'),
      hoursAgo: 1,
    });
    await t.factories.article({ headline: '서울에서 지하철 파업', body: paragraph('서울 지하철 노조가 파업에 들어갔다.'), hoursAgo: 48 });
  });
  after(() => t.close());

  it('shows ranked results with highlighted snippets, a count and an accessible filter form', async () => {
    const response = await t.app.inject('/search?q=ferries');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400');
    const html = response.body;
    assert.match(html, /Ferry service resumes/);
    assert.match(html, /<mark>ferry<\/mark> left at dawn/);
    assert.match(html, /1 story matched/);
    for (const id of ['search-q', 'search-section', 'search-from', 'search-to']) assert.match(html, new RegExp(`<label for="${id}">`));
    assert.match(html, /<option value="world">World<\/option>/);

    const korean = await t.app.inject(`/search?q=${encodeURIComponent('서울')}`);
    assert.match(korean.body, /<mark>서울<\/mark> 지하철/);
    const none = await t.app.inject('/search?q=volcano');
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /No stories matched/);
    assert.equal((await t.app.inject('/search')).statusCode, 200);
  });

  it('answers the same search as JSON', async () => {
    const response = await t.app.inject('/search.json?q=Grace%20ferry');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    assert.equal(response.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400');
    const body = response.json<SearchJson>();
    assert.deepEqual(body.terms, ['grace', 'ferry']);
    assert.equal(body.results.length, 1);
    const [hit] = body.results;
    assert.equal(hit?.headline, 'Ferry service resumes');
    assert.equal(hit?.url, 'https://news.example/article/' + encodeURIComponent(hit?.url.split('/').pop() ?? ''));
    assert.equal(hit?.section.slug, 'world');
    assert.deepEqual(
      hit?.authors.map((a) => a.name),
      ['Grace Park'],
    );
    assert.ok(hit?.snippet.some((part) => part.match && part.text === 'ferry'));
    assert.equal(typeof hit?.score, 'number');
    assert.deepEqual(body.pagination, { page: 1, pageSize: 10, totalItems: 1, totalPages: 1 });
  });

  it('filters by section and by days in the publication time zone', async () => {
    const json = async (query: string) => (await t.app.inject(`/search.json?${query}`)).json<SearchJson>().results.map((r) => r.headline);
    const seoul = encodeURIComponent('서울');
    assert.deepEqual(await json(`q=${seoul}&section=world`), []);
    assert.deepEqual(await json(`q=${seoul}&from=2026-11-18&to=2026-11-18`), ['서울에서 지하철 파업']);
    assert.deepEqual(await json(`q=${seoul}&from=2026-11-19`), []);
    assert.deepEqual(await json('q=ferry&section=&from=&to='), ['Ferry service resumes']);
    const page = await t.app.inject('/search?q=ferry&section=world&from=2026-11-20&to=2026-11-20');
    assert.match(page.body, /<option value="world" selected>World<\/option>/);
    assert.match(page.body, /value="2026-11-20"/);
  });

  it('treats FTS operators, quotes and lone punctuation as plain text: 200, never an error', async () => {
    for (const q of [
      'AND OR NOT NEAR * " ( ) ^ :',
      '"',
      '"unbalanced',
      'ferry"',
      'NEAR(ferry, dawn)',
      'ferry*',
      "' OR 1=1 --",
      '\\',
      '%',
      '{}[]',
      '\u0000',
      'ferry\u0000',
      '👍🏽',
      '\u0301',
    ]) {
      for (const path of ['/search', '/search.json']) {
        const response = await t.app.inject(`${path}?q=${encodeURIComponent(q)}`);
        assert.equal(response.statusCode, 200, `${path} ${q}`);
      }
    }
  });

  it('refuses bad input with a clear 4xx, as JSON on /search.json', async () => {
    const cases: Array<[string, number, string]> = [
      [`q=${'a'.repeat(201)}`, 400, 'ERR_SEARCH_QUERY_TOO_LONG'],
      [`q=${'a'.repeat(10_000)}`, 400, 'ERR_URL_TOO_LONG'],
      ['q=%C3%28', 400, 'ERR_URL_MALFORMED'],
      ['q=%FF', 400, 'ERR_URL_MALFORMED'],
      ['q=ferry&page=-1', 400, 'ERR_INVALID_PAGE_NUMBER'],
      ['q=ferry&page=0', 400, 'ERR_INVALID_PAGE_NUMBER'],
      ['q=ferry&page=999999999', 400, 'ERR_INVALID_PAGE_NUMBER'],
      ['q=ferry&page=abc', 400, 'ERR_INVALID_PAGE_NUMBER'],
      ['q=ferry&page=1&page=2', 400, 'ERR_INVALID_PAGE_NUMBER'],
      ['q=ferry&page=2', 404, 'ERR_NOT_FOUND'],
      ['q=ferry&section=no-such-section', 400, 'ERR_SEARCH_FILTER_INVALID'],
      ['q=ferry&from=2026-13-01', 400, 'ERR_SEARCH_FILTER_INVALID'],
      ['q=ferry&from=2026-02-30', 400, 'ERR_SEARCH_FILTER_INVALID'],
      ['q=ferry&to=yesterday', 400, 'ERR_SEARCH_FILTER_INVALID'],
      ['q=ferry&to=9999-12-31', 400, 'ERR_SEARCH_FILTER_INVALID'],
      ['q=ferry&from=2026-11-20&to=2026-11-01', 400, 'ERR_SEARCH_FILTER_INVALID'],
      ['q=a&q=b', 400, 'ERR_SEARCH_FILTER_INVALID'],
    ];
    for (const [query, status, code] of cases) {
      const page = await t.app.inject(`/search?${query}`);
      assert.equal(page.statusCode, status, `page ${query.slice(0, 40)}`);
      assert.equal(page.headers['x-error-code'], code, `page ${query.slice(0, 40)}`);
      const json = await t.app.inject(`/search.json?${query}`);
      assert.equal(json.statusCode, status, `json ${query.slice(0, 40)}`);
      assert.equal(json.headers['x-error-code'], code);
      assert.match(String(json.headers['content-type']), /^application\/json/);
      assert.equal(json.json<SearchJson>().errors?.[0]?.code, code);
    }
  });
});
