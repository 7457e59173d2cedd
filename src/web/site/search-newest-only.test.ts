import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_RANKED_MATCHES, SEARCH_PAGE_SIZE } from '../../modules/search/index.js';
import { apiGet, createApiKey } from '../../testing/api-client.js';
import { seedReadingArchive } from '../../testing/reading-archive.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

interface SearchJson {
  results: Array<{ publishedAt: string }>;
  pagination: { page: number; totalItems: number; totalPages: number };
  newestOnly: boolean;
}

/**
 * A word in more stories than search ranks (MAX_RANKED_MATCHES): the page, its JSON and the
 * Content API say that only the newest were ranked, and a date range reaches the older ones.
 */
describe('a search matching more stories than are ranked', () => {
  const STORIES = MAX_RANKED_MATCHES + 50;
  let t: TestApp;
  let apiKey: string;
  let word: string;
  before(async () => {
    // The archive's stories are an hour apart, the newest an hour ago; the publication's days are UTC's.
    t = await createTestApp({ now: '2026-11-20T03:00:00.000Z' });
    word = (await seedReadingArchive(t.deps, STORIES)).commonWord;
    apiKey = await createApiKey(t);
  });
  after(() => t.close());

  it('ranks the newest ones, says so on the page, in its JSON and in the Content API, and pages through them', async () => {
    const json = (await t.app.inject(`/search.json?q=${word}`)).json<SearchJson>();
    assert.equal(json.newestOnly, true);
    assert.equal(json.pagination.totalItems, MAX_RANKED_MATCHES);
    assert.equal(json.pagination.totalPages, Math.ceil(MAX_RANKED_MATCHES / SEARCH_PAGE_SIZE));

    const page = await t.app.inject(`/search?q=${word}`);
    assert.equal(page.statusCode, 200);
    const status = /<p role="status">([^<]*)<\/p>/.exec(page.body)?.[1] ?? '';
    assert.match(status, new RegExp(`\\b${MAX_RANKED_MATCHES}\\b`));
    assert.doesNotMatch(status, new RegExp(`\\b${STORIES}\\b`), 'the page does not claim a count it did not make');

    const api = await apiGet(t, `/api/v1/search?q=${word}`, apiKey);
    assert.equal(api.statusCode, 200);
    assert.equal(api.json<{ newest_only: boolean }>().newest_only, true);

    const last = await t.app.inject(`/search.json?q=${word}&page=${json.pagination.totalPages}`);
    assert.equal(last.statusCode, 200);
    assert.equal((await t.app.inject(`/search.json?q=${word}&page=${json.pagination.totalPages + 1}`)).statusCode, 404);
  });

  it('reaches the older stories with a date range, counted in full', async () => {
    // Up to the end of 12 November: the stories from over 7 days back, fewer than the cap.
    const json = (await t.app.inject(`/search.json?q=${word}&to=2026-11-12`)).json<SearchJson>();
    assert.equal(json.newestOnly, false);
    assert.ok(json.pagination.totalItems > 0 && json.pagination.totalItems < MAX_RANKED_MATCHES, `${json.pagination.totalItems} stories`);
    for (const result of json.results) assert.ok(Date.parse(result.publishedAt) < Date.parse('2026-11-13T00:00:00Z'), result.publishedAt);
    const api = await apiGet(t, `/api/v1/search?q=${word}&published_before=2026-11-13T00:00:00Z`, apiKey);
    assert.equal(api.json<{ newest_only: boolean }>().newest_only, false);
  });
});
