import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/** Every `href="/…"` on a page (site-relative links only). */
function siteLinks(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('editions: a request under an edition prefix', () => {
  let t: TestApp;
  let articleSlug: string;
  before(async () => {
    t = await createTestApp();
    await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '오늘의 뉴스', timeZone: 'Asia/Seoul' });
    await t.deps.editions.create({ code: 'fr', pathPrefix: 'fr', name: 'Dateline France', tagline: 'Les nouvelles', timeZone: 'Europe/Paris' });
    const fr = t.deps.editions.all.find((edition) => edition.code === 'fr');
    assert.ok(fr);
    await t.deps.editions.setEnabled(fr.id, false);
    const section = await t.factories.section({ slug: 'world', name: 'World' });
    ({ slug: articleSlug } = await t.factories.article({ section, headline: 'Harbour reopens after the storm' }));
  });
  after(() => t.close());

  it("serves the edition's home page in its language, name and time zone, linking within the edition", async () => {
    for (const url of ['/ko/', '/ko']) {
      const home = await t.app.inject(url);
      assert.equal(home.statusCode, 200, url);
      assert.match(home.body, /<html lang="ko">/);
      assert.match(home.body, /더 데이트라인/);
      assert.match(home.body, /본문 바로가기/);
      assert.match(home.body, /action="\/ko\/search"/);
      const reading = siteLinks(home.body).filter((href) => /^\/(article|section|author|tag|series|about|search)\b/.test(href));
      assert.deepEqual(reading, [], 'reading links on a /ko/ page stay in the edition');
      assert.ok(siteLinks(home.body).includes('/ko/'), 'the masthead names the edition home');
    }
  });

  it('leaves the default edition as it was, and keeps the two apart in the page cache', async () => {
    const korean = await t.app.inject('/ko/');
    const english = await t.app.inject('/');
    const again = await t.app.inject('/ko/');
    assert.equal(english.statusCode, 200);
    assert.match(english.body, /<html lang="en">/);
    // Only the switcher and the hreflang links name the other edition.
    assert.doesNotMatch(english.body, /더 데이트라인|"\/ko\/[a-z]/);
    assert.ok(siteLinks(english.body).some((href) => href.startsWith('/article/')));
    assert.equal(again.headers['x-page-cache'], 'hit');
    assert.equal(again.body, korean.body);
  });

  it("serves the edition's reading pages under its prefix, and each story and section in its own edition only", async () => {
    const korean = t.deps.editions.byPrefix('ko');
    assert.ok(korean);
    const section = await t.factories.section({ slug: 'world', name: '세계', editionId: korean.id });
    const story = await t.factories.article({ section, editionId: korean.id, headline: '항구 다시 열려' });
    for (const url of [`/ko/article/${story.slug}`, '/ko/section/world', '/ko/search?q=harbour']) {
      const page = await t.app.inject(url);
      assert.equal(page.statusCode, 200, url);
      assert.match(page.body, /<html lang="ko">/, url);
    }
    // The same slug names the English section at /section/world, and the Korean one under /ko/.
    assert.match((await t.app.inject('/section/world')).body, /<h1[^>]*>World<\/h1>/);
    assert.match((await t.app.inject('/ko/section/world')).body, /<h1[^>]*>세계<\/h1>/);
    assert.match((await t.app.inject('/ko/')).body, /<a href="\/ko\/section\/world">세계<\/a>/);
    // Each home page lists its own edition's stories (ranked lists per edition).
    assert.doesNotMatch((await t.app.inject('/')).body, /세계|항구 다시 열려/);
    assert.match((await t.app.inject('/ko/')).body, /<a href="\/ko\/article\/[^"]+">항구 다시 열려<\/a>/);
    // Each edition's feeds carry its own stories, in its language, linking within it.
    const koreanFeed = await t.app.inject('/ko/feed.xml');
    assert.equal(koreanFeed.statusCode, 200);
    assert.match(koreanFeed.body, /<language>ko<\/language>/);
    // The feed and the home page describe the edition in its words, not the publication's English.
    assert.match(koreanFeed.body, /<description>오늘의 뉴스<\/description>/);
    assert.doesNotMatch(koreanFeed.body, /An independent news publication/);
    assert.match((await t.app.inject('/ko/')).body, /<meta name="description" content="오늘의 뉴스"/);
    assert.match(koreanFeed.body, new RegExp(`<link>https://news.example/ko/article/${story.slug}</link>`));
    assert.doesNotMatch(koreanFeed.body, /Harbour reopens/);
    assert.doesNotMatch((await t.app.inject('/feed.xml')).body, /항구 다시 열려/);
    assert.match((await t.app.inject('/ko/section/world/feed.atom')).body, /항구 다시 열려/);
    assert.match((await t.app.inject('/ko/')).body, /href="https:\/\/news\.example\/ko\/feed\.xml"/);
    for (const url of [`/article/${story.slug}`, `/ko/article/${articleSlug}`]) {
      assert.equal((await t.app.inject(url)).statusCode, 404, `${url}: a story of another edition`);
    }
    // A static page of the edition is routed too: the test publication has no About page, so both
    // addresses answer the same 404, the edition's in Korean.
    const about = await t.app.inject('/ko/about');
    assert.equal(about.statusCode, (await t.app.inject('/about')).statusCode);
    assert.match(about.body, /<html lang="ko">/);
  });

  it('shows an edition switcher naming each switched-on edition in its own language, on every edition', async () => {
    for (const [url, current] of [
      ['/', '/'],
      ['/ko/', '/ko/'],
    ] as const) {
      const page = await t.app.inject(url);
      const switcher = /<nav class="edition-switcher"[^>]*>([\s\S]*?)<\/nav>/.exec(page.body)?.[1] ?? '';
      assert.match(switcher, /<a href="\/" lang="en" hreflang="en"[^>]*>English<\/a>/);
      assert.match(switcher, /<a href="\/ko\/" lang="ko" hreflang="ko"[^>]*>한국어<\/a>/);
      assert.doesNotMatch(switcher, /fr/, 'a switched-off edition is not offered');
      assert.match(switcher, new RegExp(`href="${current.replace(/\//g, '\\/')}"[^>]*aria-current="true"`));
    }
  });

  it("links every edition's home page to the others with hreflang, reciprocally, with x-default and og:locale", async () => {
    const hreflangs = (html: string) =>
      [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((match) => `${match[1]} ${match[2]}`);
    const expected = ['en https://news.example/', 'ko https://news.example/ko/', 'x-default https://news.example/'];
    const english = (await t.app.inject('/')).body;
    const korean = (await t.app.inject('/ko/')).body;
    assert.deepEqual(hreflangs(english), expected);
    assert.deepEqual(hreflangs(korean), expected);
    assert.match(english, /<meta property="og:locale" content="en_US"\/><meta property="og:locale:alternate" content="ko_KR"\/>/);
    assert.match(korean, /<meta property="og:locale" content="ko_KR"\/><meta property="og:locale:alternate" content="en_US"\/>/);
    assert.match(korean, /"inLanguage":"ko"/);
  });

  it('links a story and its translation both ways, with reciprocal hreflang, and hides one in a switched-off edition', async () => {
    const korean = t.deps.editions.all.find((edition) => edition.code === 'ko');
    const french = t.deps.editions.all.find((edition) => edition.code === 'fr');
    assert.ok(korean && french);
    const section = await t.factories.section({ slug: 'segye', name: '세계' });
    const english = await t.factories.article({ section, headline: 'Ferry service resumes' });
    const translated = await t.factories.article({ section, headline: '여객선 운항 재개' });
    const hidden = await t.factories.article({ section, headline: 'Le ferry reprend du service' });
    const group = '11111111-2222-4333-8444-555555555555';
    await t.deps.db.updateTable('articles').set({ translation_group_id: group }).where('id', '=', english.id).execute();
    await t.deps.db.updateTable('articles').set({ translation_group_id: group, edition_id: korean.id }).where('id', '=', translated.id).execute();
    await t.deps.db.updateTable('articles').set({ translation_group_id: group, edition_id: french.id }).where('id', '=', hidden.id).execute();
    t.deps.pageCache.purge(['site']);

    const hreflangs = (html: string) =>
      [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((match) => `${match[1]} ${match[2]}`);
    const expected = [
      `en https://news.example/article/${english.slug}`,
      `ko https://news.example/ko/article/${translated.slug}`,
      `x-default https://news.example/article/${english.slug}`,
    ];
    const englishPage = (await t.app.inject(`/article/${english.slug}`)).body;
    const koreanPage = (await t.app.inject(`/ko/article/${translated.slug}`)).body;
    assert.deepEqual(hreflangs(englishPage), expected);
    assert.deepEqual(hreflangs(koreanPage), expected);
    assert.match(
      englishPage,
      new RegExp(
        `<a href="/ko/article/${translated.slug}" hreflang="ko" lang="ko"><span class="story-translation-language">한국어</span> 여객선 운항 재개</a>`,
      ),
    );
    assert.match(
      koreanPage,
      new RegExp(
        `<a href="/article/${english.slug}" hreflang="en" lang="en"><span class="story-translation-language">English</span> Ferry service resumes</a>`,
      ),
    );
    assert.match(koreanPage, /<meta property="og:locale:alternate" content="en_US"\/>/);
    const translationsNav = (html: string) => /<nav class="story-translations"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    assert.doesNotMatch(translationsNav(englishPage) + translationsNav(koreanPage), /Le ferry|hreflang="fr"/);
    assert.doesNotMatch(englishPage + koreanPage, /hreflang="fr"|fr_FR/);
  });

  it("answers 404 in the default edition's language for an unknown or switched-off prefix", async () => {
    for (const url of ['/xx/', '/xx/article/' + articleSlug, '/fr/', '/fr/section/world', '/KO/']) {
      const page = await t.app.inject(url);
      assert.equal(page.statusCode, 404, url);
      assert.equal(page.headers['x-error-code'], 'ERR_NOT_FOUND', url);
      assert.match(page.body, /<html lang="en">/, url);
    }
  });

  it("answers 404 for what is not a reading page under the edition's prefix", async () => {
    // The reader's account and newsletter pages are the edition's (reader-korean.test.ts); these are not.
    for (const url of ['/ko/newsroom', '/ko/api/v1/articles', '/ko/views', '/ko/sitemap.xml']) {
      const page = await t.app.inject(url);
      assert.equal(page.statusCode, 404, url);
    }
  });

  it("answers a missing page in the edition with the edition's 404, in its language", async () => {
    const page = await t.app.inject('/ko/article/no-such-story');
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /<html lang="ko">/);
  });
});
