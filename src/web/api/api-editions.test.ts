import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiGet, body, createApiKey, errorCode } from '../../testing/api-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

interface Story {
  slug: string;
  headline: string;
  url: string;
  language: string;
  section: { slug: string; url: string };
  translations?: Array<{ language: string; slug: string; headline: string; url: string; api_url: string }>;
}
type Page = { data: Story[]; pagination: { total_items: number } };
type Sections = { data: Array<{ slug: string; name: string; url: string; language: string }> };

/** `?edition=` on the Content API's lists, each story's language and translations, and the 400. */
describe('the Content API per edition', () => {
  let t: TestApp;
  let key: string;
  before(async () => {
    t = await createTestApp();
    key = await createApiKey(t);
    const ko = await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '오늘의 뉴스', timeZone: 'Asia/Seoul' });
    const fr = await t.deps.editions.create({
      code: 'fr',
      pathPrefix: 'fr',
      name: 'Dateline France',
      tagline: 'Les nouvelles',
      timeZone: 'Europe/Paris',
    });
    await t.deps.editions.setEnabled(fr.id, false);
    const world = await t.factories.section({ slug: 'world', name: 'World' });
    const segye = await t.factories.section({ slug: 'world', name: '세계', editionId: ko.id });
    const english = await t.factories.article({ section: world, slug: 'ferry-resumes', headline: 'Ferry service resumes', hoursAgo: 2 });
    const korean = await t.factories.article({
      section: segye,
      editionId: ko.id,
      slug: 'ferry-resumes-ko',
      headline: '여객선 운항 재개 ferry',
      hoursAgo: 1,
    });
    const french = await t.factories.article({ slug: 'ferry-fr', headline: 'Le ferry reprend', hoursAgo: 3 });
    const group = '11111111-2222-4333-8444-555555555555';
    await t.deps.db.updateTable('articles').set({ translation_group_id: group }).where('id', '=', english.id).execute();
    await t.deps.db.updateTable('articles').set({ translation_group_id: group }).where('id', '=', korean.id).execute();
    await t.deps.db.updateTable('articles').set({ translation_group_id: group, edition_id: fr.id }).where('id', '=', french.id).execute();
    t.deps.pageCache.purge(['site']);
  });
  after(() => t.close());

  const get = async <T>(url: string) => {
    const response = await apiGet(t, url, key);
    assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
    return body<T>(response);
  };

  it('lists the default edition’s stories by default, and an edition’s with ?edition=', async () => {
    const english = await get<Page>('/api/v1/articles');
    assert.deepEqual(
      english.data.map((story) => story.slug),
      ['ferry-resumes'],
    );
    assert.equal(english.pagination.total_items, 1);
    assert.equal(english.data[0]?.language, 'en');
    assert.equal(english.data[0]?.url, 'https://news.example/article/ferry-resumes');

    for (const edition of ['ko', 'KO']) {
      const korean = await get<Page>(`/api/v1/articles?edition=${edition}`);
      assert.deepEqual(
        korean.data.map((story) => story.slug),
        ['ferry-resumes-ko'],
      );
      assert.equal(korean.data[0]?.language, 'ko');
      assert.equal(korean.data[0]?.url, 'https://news.example/ko/article/ferry-resumes-ko');
      assert.equal(korean.data[0]?.section.url, 'https://news.example/ko/section/world');
    }
    assert.deepEqual(
      (await get<Page>('/api/v1/articles?edition=en')).data.map((story) => story.slug),
      ['ferry-resumes'],
    );
    // A section slug is looked up within the edition.
    assert.deepEqual(
      (await get<Page>('/api/v1/articles?edition=ko&section=world')).data.map((story) => story.slug),
      ['ferry-resumes-ko'],
    );
    assert.deepEqual(
      (await get<Page>('/api/v1/articles?section=world')).data.map((story) => story.slug),
      ['ferry-resumes'],
    );
  });

  it('searches and lists sections within an edition', async () => {
    assert.deepEqual(
      (await get<Page>('/api/v1/search?q=ferry')).data.map((story) => story.slug),
      ['ferry-resumes'],
    );
    assert.deepEqual(
      (await get<Page>('/api/v1/search?q=ferry&edition=ko')).data.map((story) => story.slug),
      ['ferry-resumes-ko'],
    );
    const sections = await get<Sections>('/api/v1/sections?edition=ko');
    assert.deepEqual(
      sections.data.map((section) => [section.slug, section.name, section.language, section.url]),
      [['world', '세계', 'ko', 'https://news.example/ko/section/world']],
    );
    assert.ok((await get<Sections>('/api/v1/sections')).data.every((section) => section.language === 'en'));
    const one = await get<{ data: { name: string } }>('/api/v1/sections/world?edition=ko');
    assert.equal(one.data.name, '세계');
    const lists = await get<{ data: Story[] }>('/api/v1/lists/weekly-best?edition=ko');
    assert.ok(lists.data.every((story) => story.language === 'ko'));
  });

  it('gives a story its language and its translations in switched-on editions', async () => {
    const english = await get<{ data: Story }>('/api/v1/articles/ferry-resumes');
    assert.equal(english.data.language, 'en');
    assert.deepEqual(english.data.translations, [
      {
        language: 'ko',
        slug: 'ferry-resumes-ko',
        headline: '여객선 운항 재개 ferry',
        url: 'https://news.example/ko/article/ferry-resumes-ko',
        api_url: 'https://news.example/api/v1/articles/ferry-resumes-ko',
      },
    ]);
    const korean = await get<{ data: Story }>('/api/v1/articles/ferry-resumes-ko');
    assert.equal(korean.data.url, 'https://news.example/ko/article/ferry-resumes-ko');
    assert.deepEqual(
      korean.data.translations?.map((translation) => translation.language),
      ['en'],
    );
    // The switched-off edition's story is off the API as it is off the site.
    const french = await apiGet(t, '/api/v1/articles/ferry-fr', key);
    assert.equal(french.statusCode, 404);
  });

  it('refuses an unknown or switched-off edition with a coded 400 naming the editions there are', async () => {
    for (const url of [
      '/api/v1/articles?edition=fr',
      '/api/v1/articles?edition=xx',
      '/api/v1/articles?edition=',
      '/api/v1/search?q=ferry&edition=de',
      '/api/v1/sections?edition=fr',
      '/api/v1/sections/world?edition=zz',
      '/api/v1/lists/popular-now?edition=fr',
    ]) {
      const response = await apiGet(t, url, key);
      assert.equal(response.statusCode, 400, url);
      assert.equal(errorCode(response), 'ERR_API_EDITION_UNKNOWN', url);
      assert.equal(response.headers['x-error-code'], 'ERR_API_EDITION_UNKNOWN');
      assert.match(body<{ errors: Array<{ message: string }> }>(response).errors[0]?.message ?? '', /the editions are: en, ko\.$/);
    }
    const twice = await apiGet(t, '/api/v1/articles?edition=ko&edition=en', key);
    assert.equal(errorCode(twice), 'ERR_API_PARAMETER_INVALID');
  });

  it('keeps each edition’s answer apart in the cache, with its own ETag', async () => {
    const english = await apiGet(t, '/api/v1/articles', key);
    const korean = await apiGet(t, '/api/v1/articles?edition=ko', key);
    assert.notEqual(english.headers.etag, korean.headers.etag);
    const again = await apiGet(t, '/api/v1/articles?edition=ko', key, { 'if-none-match': String(korean.headers.etag) });
    assert.equal(again.statusCode, 304);
  });
});
