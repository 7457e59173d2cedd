import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ArticleBody } from '../../shared/article-body.js';
import { translatorFor } from '../../shared/i18n/index.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

const paragraph = (text: string): ArticleBody => [{ type: 'paragraph', content: [{ text }] }];

interface SearchJson {
  results: Array<{ headline: string; url: string; section: { slug: string } }>;
  pagination: { totalItems: number };
  errors?: Array<{ code: string }>;
}

/**
 * Each edition's search finds its own stories only: an English and a Korean story share a word
 * ("Seoul", and a Hangul one), and a section slug is used by both editions.
 */
describe('search per edition', () => {
  let t: TestApp;
  before(async () => {
    // Midday in Seoul, late evening of the day before in New York.
    t = await createTestApp({ now: '2026-11-20T03:00:00.000Z' });
    const ko = await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '오늘의 뉴스', timeZone: 'Asia/Seoul' });
    const world = await t.factories.section({ slug: 'world', name: 'World' });
    const segye = await t.factories.section({ slug: 'world', name: '세계', editionId: ko.id });
    await t.factories.article({
      section: world,
      headline: 'Seoul subway strike ends',
      body: paragraph('Trains ran again in Seoul (서울) on Friday.'),
      hoursAgo: 1,
    });
    for (const [index, headline] of ['서울 지하철 파업 끝나', '서울 시민들 출근길 정상화', '서울시 버스 증차'].entries()) {
      await t.factories.article({
        section: segye,
        editionId: ko.id,
        headline,
        body: paragraph(`Seoul 서울 시민들이 ${index + 1}번째 소식을 들었다.`),
        hoursAgo: 2 + index,
      });
    }
  });
  after(() => t.close());

  const json = async (url: string) => (await t.app.inject(url)).json<SearchJson>();

  it('/search finds the default edition’s stories only, /ko/search the Korean edition’s', async () => {
    const english = await t.app.inject(`/search?q=seoul`);
    assert.equal(english.statusCode, 200);
    assert.match(english.body, /Seoul subway strike ends/);
    assert.match(english.body, /1 story matched/);
    assert.doesNotMatch(english.body, /지하철 파업 끝나|시민들 출근길/);
    assert.match(english.body, /<option value="world">World<\/option>/);

    const korean = await t.app.inject(`/ko/search?q=${encodeURIComponent('서울')}`);
    assert.equal(korean.statusCode, 200);
    assert.match(korean.body, /<html lang="ko">/);
    assert.doesNotMatch(korean.body, /Seoul subway strike ends/);
    assert.match(korean.body, /<a href="\/ko\/article\/[^"]+">[^<]*서울 지하철 파업 끝나/);
    assert.match(korean.body, /<option value="world">세계<\/option>/);
    assert.doesNotMatch(korean.body, /<option value="world">World<\/option>/);

    const koreanJson = await json(`/ko/search.json?q=seoul`);
    assert.equal(koreanJson.pagination.totalItems, 3);
    assert.ok(koreanJson.results.every((hit) => hit.url.startsWith('https://news.example/ko/article/')));
    const englishJson = await json(`/search.json?q=${encodeURIComponent('서울')}`);
    assert.deepEqual(
      englishJson.results.map((hit) => hit.headline),
      ['Seoul subway strike ends'],
    );
    assert.equal(englishJson.results[0]?.url.startsWith('https://news.example/article/'), true);
  });

  it('pages, filters by section and by days in the edition’s time zone, within the edition', async () => {
    const seoul = encodeURIComponent('서울');
    // Paging links stay in the edition (three stories, one page: page 2 is past the end).
    assert.equal((await t.app.inject(`/ko/search?q=${seoul}&page=2`)).statusCode, 404);
    const paged = await json(`/ko/search.json?q=${seoul}&section=world`);
    assert.equal(paged.pagination.totalItems, 3);
    assert.ok(paged.results.every((hit) => hit.section.slug === 'world'));
    // The section slug names the English section under /: the Korean stories are not in it.
    assert.deepEqual(
      (await json(`/search.json?q=${seoul}&section=world`)).results.map((hit) => hit.headline),
      ['Seoul subway strike ends'],
    );
    // 2026-11-20 in Seoul holds all three Korean stories (published 02:00–04:00 UTC less hours ago).
    assert.equal((await json(`/ko/search.json?q=${seoul}&from=2026-11-20&to=2026-11-20`)).pagination.totalItems, 3);
    assert.equal((await json(`/ko/search.json?q=${seoul}&from=2026-11-21`)).pagination.totalItems, 0);
    const unknown = await t.app.inject(`/ko/search.json?q=${seoul}&section=no-such-section`);
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.headers['x-error-code'], 'ERR_SEARCH_FILTER_INVALID');
    // The refusal speaks the edition's language, as its page would.
    const message = unknown.json<{ errors: Array<{ message: string }> }>().errors[0]?.message;
    assert.equal(message, translatorFor('ko').error('ERR_SEARCH_FILTER_INVALID'));
    assert.notEqual(message, translatorFor('en').error('ERR_SEARCH_FILTER_INVALID'));
  });

  it('a switched-off edition’s search is not found, and its stories are in no other edition’s', async () => {
    const ko = t.deps.editions.byPrefix('ko');
    assert.ok(ko);
    await t.deps.editions.setEnabled(ko.id, false);
    try {
      assert.equal((await t.app.inject(`/ko/search?q=seoul`)).statusCode, 404);
      assert.equal((await json(`/search.json?q=seoul`)).pagination.totalItems, 1);
    } finally {
      await t.deps.editions.setEnabled(ko.id, true);
    }
  });
});
