import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { xmllint } from '../../testing/xml-schema.js';

const SITE = 'https://news.example';
const GROUP = '22222222-3333-4444-8555-666666666666';

/** Every `<url>` of a sitemap, as its loc and its hreflang links (`hreflang href`). */
function entries(xml: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [, url = ''] of xml.matchAll(/<url>([\s\S]*?)<\/url>/g)) {
    const loc = /<loc>([^<]+)<\/loc>/.exec(url)?.[1] ?? '';
    found.set(
      loc,
      [...url.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((link) => `${link[1]} ${link[2]}`),
    );
  }
  return found;
}

describe('sitemaps with editions', () => {
  let t: TestApp;
  const ids: Record<'english' | 'korean' | 'french' | 'koreanOnly', string> = { english: '', korean: '', french: '', koreanOnly: '' };
  before(async () => {
    t = await createTestApp();
    const korean = await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '뉴스', timeZone: 'Asia/Seoul' });
    const french = await t.deps.editions.create({
      code: 'fr',
      pathPrefix: 'fr',
      name: 'Dateline France',
      tagline: 'Nouvelles',
      timeZone: 'Europe/Paris',
    });
    await t.deps.editions.setEnabled(french.id, false);
    const section = await t.factories.section({ slug: 'world' });
    const koreanSection = await t.factories.section({ slug: 'segye' });
    await t.deps.db.updateTable('sections').set({ edition_id: korean.id }).where('id', '=', koreanSection.id).execute();
    ids.english = (await t.factories.article({ section, slug: 'ferry-resumes', headline: 'Ferry resumes' })).id;
    ids.korean = (await t.factories.article({ section: koreanSection, slug: 'yeogaekseon', headline: '여객선 운항 재개' })).id;
    ids.french = (await t.factories.article({ section, slug: 'le-ferry', headline: 'Le ferry reprend' })).id;
    ids.koreanOnly = (await t.factories.article({ section: koreanSection, slug: 'jeonse', headline: '전세 시장' })).id;
    await t.factories.article({ section, slug: 'harbour-today', headline: 'Harbour today' });
    const { db } = t.deps;
    // The original two months before its translation: a change to one rebuilds the other's month too.
    const earlier = new Date(t.clock.now().getTime() - 60 * 86_400_000).toISOString();
    await db.updateTable('articles').set({ translation_group_id: GROUP, published_at: earlier }).where('id', '=', ids.english).execute();
    await db.updateTable('articles').set({ translation_group_id: GROUP, edition_id: korean.id }).where('id', '=', ids.korean).execute();
    await db.updateTable('articles').set({ translation_group_id: GROUP, edition_id: french.id }).where('id', '=', ids.french).execute();
    await db.updateTable('articles').set({ edition_id: korean.id }).where('id', '=', ids.koreanOnly).execute();
    await t.deps.sitemaps.storiesChanged(Object.values(ids));
  });
  after(() => t.close());

  async function storyEntries(): Promise<Map<string, string[]>> {
    const all = new Map<string, string[]>();
    for (const name of (await t.deps.sitemaps.names()).filter((candidate) => candidate.startsWith('articles-'))) {
      const xml = (await t.deps.sitemaps.sitemap(name))?.body.toString('utf8') ?? '';
      assert.ok(xmllint(xml, 'urlsetWithAlternates').valid, xmllint(xml, 'urlsetWithAlternates').output);
      for (const [loc, links] of entries(xml)) all.set(loc, links);
    }
    return all;
  }

  it('lists each story at its edition address, translations linked both ways with x-default, valid against the schemas', async () => {
    const stories = await storyEntries();
    const set = [`en ${SITE}/article/ferry-resumes`, `ko ${SITE}/ko/article/yeogaekseon`, `x-default ${SITE}/article/ferry-resumes`];
    assert.deepEqual(stories.get(`${SITE}/article/ferry-resumes`), set);
    assert.deepEqual(stories.get(`${SITE}/ko/article/yeogaekseon`), set);
    assert.deepEqual(stories.get(`${SITE}/ko/article/jeonse`), [], 'a story without translations has no links');
    assert.ok(![...stories.keys()].some((loc) => loc.includes('le-ferry')), 'a switched-off edition is left out');
    assert.ok(![...stories.values()].flat().some((link) => link.startsWith('fr ')));
  });

  it("lists each edition's home page with the others, and sections at their edition's address", async () => {
    const pages = (await t.deps.sitemaps.sitemap('pages.xml'))?.body.toString('utf8') ?? '';
    assert.ok(xmllint(pages, 'urlsetWithAlternates').valid, xmllint(pages, 'urlsetWithAlternates').output);
    const homes = [`en ${SITE}/`, `ko ${SITE}/ko/`, `x-default ${SITE}/`];
    assert.deepEqual(entries(pages).get(`${SITE}/`), homes);
    assert.deepEqual(entries(pages).get(`${SITE}/ko/`), homes);
    const sections = [...entries((await t.deps.sitemaps.sitemap('sections.xml'))?.body.toString('utf8') ?? '').keys()];
    assert.ok(sections.includes(`${SITE}/section/world`));
    assert.ok(sections.includes(`${SITE}/ko/section/segye`));
  });

  it('names each story in the news sitemap as its edition, in its language', async () => {
    const news = (await t.deps.sitemaps.sitemap('news.xml'))?.body.toString('utf8') ?? '';
    assert.ok(xmllint(news, 'news').valid, xmllint(news, 'news').output);
    assert.match(
      news,
      /<loc>https:\/\/news\.example\/ko\/article\/jeonse<\/loc><news:news><news:publication><news:name>더 데이트라인<\/news:name><news:language>ko<\/news:language>/,
    );
    assert.match(
      news,
      /<loc>https:\/\/news\.example\/article\/harbour-today<\/loc><news:news><news:publication><news:name>[^<]+<\/news:name><news:language>en<\/news:language>/,
    );
    assert.doesNotMatch(news, /le-ferry/);
  });

  it("lists an author's and a series' page in each edition they have a story in, at its address, with its newest story there", async () => {
    const korean = t.deps.editions.byPrefix('ko');
    assert.ok(korean);
    const { factories: f } = t;
    // Fresh: the segye section was moved to the Korean edition behind the directory's back.
    await t.deps.sections.load();
    const world = t.deps.sections.bySlug('world');
    const segye = t.deps.sections.bySlug('segye', korean.id);
    assert.ok(world && segye);
    const mina = await f.author({ slug: 'mina-park' });
    const soo = await f.author({ slug: 'soo-kim' });
    const coast = await f.series({ slug: 'the-coast' });
    const english = await f.article({ section: world, authorIds: [mina.id], seriesId: coast.id, seriesPart: 1, hoursAgo: 5 });
    const koreanStory = await f.article({
      section: segye,
      editionId: korean.id,
      authorIds: [mina.id, soo.id],
      seriesId: coast.id,
      seriesPart: 2,
      hoursAgo: 3,
    });
    await t.deps.sitemaps.storiesChanged([english.id, koreanStory.id]);
    const listing = async (name: string) => {
      const xml = (await t.deps.sitemaps.sitemap(name))?.body.toString('utf8') ?? '';
      assert.ok(xmllint(xml, 'urlsetWithAlternates').valid, xmllint(xml, 'urlsetWithAlternates').output);
      return xml;
    };
    const lastmod = (hours: number) => new Date(t.clock.now().getTime() - hours * 3_600_000).toISOString();
    const authors = await listing('authors.xml');
    const series = await listing('series.xml');
    for (const [xml, path] of [
      [authors, 'author/mina-park'],
      [series, 'series/the-coast'],
    ] as const) {
      assert.match(xml, new RegExp(`<loc>${SITE}/${path}</loc><lastmod>${lastmod(5).slice(0, 19)}`), path);
      assert.match(xml, new RegExp(`<loc>${SITE}/ko/${path}</loc><lastmod>${lastmod(3).slice(0, 19)}`), path);
    }
    assert.match(authors, new RegExp(`<loc>${SITE}/ko/author/soo-kim</loc>`));
    assert.doesNotMatch(authors, new RegExp(`<loc>${SITE}/author/soo-kim</loc>`), 'no story in the default edition: not listed there');
  });

  it("moves or drops an edition's URLs when it is switched off or moved (editions.changed)", async () => {
    const korean = t.deps.editions.all.find((edition) => edition.code === 'ko');
    assert.ok(korean);
    await t.deps.editions.setEnabled(korean.id, false);
    let stories = await storyEntries();
    assert.ok(![...stories.keys()].some((loc) => loc.includes('/ko/')), 'switched off: gone');
    assert.deepEqual(stories.get(`${SITE}/article/ferry-resumes`), []);
    await t.deps.editions.setEnabled(korean.id, true);
    await t.deps.editions.update(korean.id, { code: 'ko', pathPrefix: 'kr', name: '더 데이트라인', tagline: '뉴스', timeZone: 'Asia/Seoul' });
    stories = await storyEntries();
    assert.ok(stories.has(`${SITE}/kr/article/jeonse`));
    await t.deps.editions.update(korean.id, { code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '뉴스', timeZone: 'Asia/Seoul' });
  });

  it("drops a translation's links from the other story's entry when it is withdrawn (the other's month rebuilt too)", async () => {
    // As the story's own event would (the factories' setStatus rebuilds every file instead).
    await t.deps.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', ids.korean).execute();
    await t.deps.sitemaps.storiesChanged([ids.korean]);
    const stories = await storyEntries();
    assert.deepEqual(stories.get(`${SITE}/article/ferry-resumes`), []);
    assert.equal(stories.has(`${SITE}/ko/article/yeogaekseon`), false);
  });
});
