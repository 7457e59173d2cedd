import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

const SITE = 'https://news.example';
const ENGLISH = 'Harbour reopens after the storm';
const KOREAN = '폭풍 뒤 항구 다시 열려';

/**
 * Authors, tags and series are the publication's; their pages and feeds list the stories of the
 * edition they are asked in (docs/editions.md).
 */
describe('editions: author, tag and series pages and feeds list their edition’s stories', () => {
  let t: TestApp;
  let english: string;
  let korean: string;

  before(async () => {
    t = await createTestApp();
    const ko = await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '오늘의 뉴스', timeZone: 'Asia/Seoul' });
    const f = t.factories;
    const world = await f.section({ slug: 'world', name: 'World' });
    const segye = await f.section({ slug: 'world', name: '세계', editionId: ko.id });
    const jane = await f.author({ slug: 'jane-reporter', name: 'Jane Reporter' });
    const sam = await f.author({ slug: 'sam-writer', name: 'Sam Writer' });
    const coast = await f.series({ slug: 'the-coast', title: 'The Coast', description: 'Life along the coast.' });
    const inland = await f.series({ slug: 'inland', title: 'Inland', description: 'Away from the sea.' });
    const shared = { authorIds: [jane.id], tags: ['Harbour'], seriesId: coast.id, seriesPart: 1 };
    ({ slug: english } = await f.article({ ...shared, section: world, headline: ENGLISH, hoursAgo: 2 }));
    ({ slug: korean } = await f.article({ ...shared, section: segye, editionId: ko.id, headline: KOREAN, hoursAgo: 1 }));
    // Ten more English stories by Jane: two pages in English, one in Korean.
    for (let n = 1; n <= 10; n += 1) await f.article({ section: world, authorIds: [jane.id], headline: `Older story ${n}`, hoursAgo: 10 + n });
    // English only: an author, a tag and a series with nothing in Korean.
    await f.article({ section: world, authorIds: [sam.id], tags: ['Ferries'], seriesId: inland.id, seriesPart: 1, headline: 'Ferry news' });
  });
  after(() => t?.close());

  const page = async (url: string, status = 200) => {
    const response = await t.app.inject(url);
    assert.equal(response.statusCode, status, url);
    return response.body;
  };

  it("lists only the page's edition's stories on an author's, a tag's and a series' page", async () => {
    for (const path of ['/author/jane-reporter', '/tag/harbour', '/series/the-coast']) {
      const en = await page(path);
      assert.match(en, /<html lang="en">/, path);
      assert.match(en, new RegExp(`href="/article/${english}"`), path);
      assert.doesNotMatch(en, new RegExp(`${KOREAN}|/article/${korean}`), path);

      const ko = await page(`/ko${path}`);
      assert.match(ko, /<html lang="ko">/, path);
      assert.match(ko, new RegExp(`<a href="/ko/article/${korean}">${KOREAN}`), path);
      assert.doesNotMatch(ko, new RegExp(`${ENGLISH}|/article/${english}|Older story`), path);
      // Its feed links stay in the edition (a tag has no feed of its own).
      if (!path.startsWith('/tag/')) assert.match(ko, new RegExp(`href="${SITE}/ko${path}/feed\\.xml"`), path);
    }
    // What the pages show besides the list is kept: the author's bio, the series' description and its count in the edition.
    const author = await page('/ko/author/jane-reporter');
    assert.match(author, /covers everything\./);
    assert.match(author, /<h2>Jane Reporter 기자의 기사<\/h2>/);
    const series = await page('/ko/series/the-coast');
    assert.match(series, /Life along the coast\./);
    assert.match(series, /총 1부/);
  });

  it("names an author's page in every edition with hreflang, reciprocally, on the first page only", async () => {
    const expected = [
      `<link rel="alternate" hreflang="en" href="${SITE}/author/jane-reporter"`,
      `<link rel="alternate" hreflang="ko" href="${SITE}/ko/author/jane-reporter"`,
      `<link rel="alternate" hreflang="x-default" href="${SITE}/author/jane-reporter"`,
    ];
    for (const path of ['/author/jane-reporter', '/ko/author/jane-reporter']) {
      const html = await page(path);
      for (const link of expected) assert.ok(html.includes(link), `${path}: ${link}`);
    }
    assert.doesNotMatch(await page('/author/jane-reporter?page=2'), /rel="alternate" hreflang/);
  });

  it('pages and counts within the edition', async () => {
    assert.match(await page('/author/jane-reporter?page=2'), /Older story 10/);
    assert.doesNotMatch(await page('/author/jane-reporter'), /Older story 10/);
    await page('/ko/author/jane-reporter?page=2', 404);
  });

  it('answers for an author, tag or series with nothing in the edition as it does with nothing at all', async () => {
    // An author without stories has an empty page; a tag or a series with nothing visible is not found.
    const sam = await page('/ko/author/sam-writer');
    assert.match(sam, /Sam Writer/);
    assert.doesNotMatch(sam, /Ferry news/);
    await page('/ko/tag/ferries', 404);
    await page('/ko/series/inland', 404);
    await page('/ko/series/inland/feed.xml', 404);
    assert.match(await page('/series/inland'), /Ferry news/);
    assert.match(await page('/tag/ferries'), /Ferry news/);
    assert.doesNotMatch(await page('/ko/author/sam-writer/feed.atom'), /Ferry news/);
  });

  it("serves an author's and a series' feeds per edition, in its language, linking within it", async () => {
    for (const path of ['/author/jane-reporter', '/series/the-coast']) {
      for (const file of ['feed.xml', 'feed.atom']) {
        const en = await page(`${path}/${file}`);
        assert.match(en, new RegExp(`${SITE}/article/${english}`), `${path}/${file}`);
        assert.doesNotMatch(en, new RegExp(KOREAN), `${path}/${file}`);

        const ko = await page(`/ko${path}/${file}`);
        assert.match(ko, new RegExp(`${SITE}/ko/article/${korean}`), `/ko${path}/${file}`);
        // The edition's name and language (RSS names it; Atom has no such element).
        assert.match(ko, /<title>[^<]* \| 더 데이트라인<\/title>/, `/ko${path}/${file}`);
        if (file === 'feed.xml') assert.match(ko, /<language>ko<\/language>/);
        if (path.startsWith('/author/')) assert.match(ko, /Jane Reporter 기자의 기사/);
        assert.doesNotMatch(ko, new RegExp(`${ENGLISH}|${SITE}/article/`), `/ko${path}/${file}`);
      }
    }
  });
});
