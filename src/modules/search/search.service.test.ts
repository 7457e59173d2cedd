import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ArticleBody } from '../../shared/article-body.js';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { HOUR_MS } from '../../shared/clock.js';
import { indexText } from './search-text.js';
import type { SearchQuery } from './search.types.js';
import { SearchService } from './search.service.js';

const paragraph = (text: string): ArticleBody => [{ type: 'paragraph', content: [{ text }] }];

describe('SearchService: relevance, languages, visibility and filters', () => {
  let t: TestApp;
  const search = (text: string, extra: Partial<SearchQuery> = {}) => t.deps.search.search({ text, page: 1, ...extra });
  const headlines = async (text: string, extra: Partial<SearchQuery> = {}) => (await search(text, extra)).hits.map((hit) => hit.story.headline);

  before(async () => {
    t = await createTestApp();
    const world = await t.factories.section({ slug: 'world', name: 'World' });
    const economy = await t.factories.section({ slug: 'economy', name: 'Economy' });
    const minji = await t.factories.author({ name: 'Kim Minji' });
    await t.factories.article({
      section: world,
      headline: 'Turnout climbs in local election',
      standfirst: 'Polls stayed open late.',
      body: paragraph('Officials counted ballots through the night.'),
      hoursAgo: 30,
    });
    await t.factories.article({
      section: world,
      headline: 'Harbour reopens after storm',
      standfirst: 'Ships return.',
      body: paragraph('Dock workers said the storm delayed the election of a new union chair by a week.'),
      tags: ['Shipping'],
      hoursAgo: 2,
    });
    await t.factories.article({
      section: economy,
      authorIds: [minji.id],
      headline: '서울에서 부동산 정책 발표',
      standfirst: '정부가 새 부동산 정책을 내놓았다.',
      body: paragraph('서울시는 주택 공급을 늘리겠다고 밝혔다. 부동산 시장은 조용했다.'),
      tags: ['Housing'],
      hoursAgo: 5,
    });
    await t.factories.article({
      section: economy,
      headline: '부산 항만 물동량 증가',
      standfirst: '정책 변화는 없었다.',
      body: paragraph('부동산 거래는 줄었지만 항만은 붐볐다.'),
      hoursAgo: 6,
    });
    await t.factories.article({
      section: economy,
      headline: 'AI 반도체 수출 늘어',
      standfirst: 'Chip exports rose for the third month.',
      body: paragraph('반도체 업계는 AI 수요가 이어질 것으로 본다.'),
      hoursAgo: 7,
    });
  });
  after(() => t.close());

  it('ranks a story with the word in its headline above one with it only in the body, and stems English', async () => {
    assert.deepEqual(await headlines('election'), ['Turnout climbs in local election', 'Harbour reopens after storm']);
    assert.deepEqual(await headlines('Elections'), ['Turnout climbs in local election', 'Harbour reopens after storm']);
    assert.deepEqual(await headlines('ballot'), ['Turnout climbs in local election']);
    const result = await search('election');
    assert.deepEqual(result.terms, ['election']);
    assert.ok((result.hits[0]?.score ?? 0) > (result.hits[1]?.score ?? 0));
  });

  it("finds stories by an author's name or a tag", async () => {
    assert.deepEqual(await headlines('minji'), ['서울에서 부동산 정책 발표']);
    assert.deepEqual(await headlines('shipping'), ['Harbour reopens after storm']);
  });

  it('finds Korean words inside longer words and ranks the closer story first', async () => {
    assert.deepEqual(await headlines('서울'), ['서울에서 부동산 정책 발표']);
    assert.deepEqual(await headlines('서'), ['서울에서 부동산 정책 발표'], 'one syllable: a prefix');
    const policy = await headlines('부동산 정책');
    assert.equal(policy[0], '서울에서 부동산 정책 발표');
    assert.ok(policy.includes('부산 항만 물동량 증가'), 'a story with both words in other places is found too');
    assert.deepEqual(await headlines('반도체 AI'), ['AI 반도체 수출 늘어']);
    assert.deepEqual(await headlines('chip 반도체'), ['AI 반도체 수출 늘어']);
    assert.deepEqual(await headlines('부동산 없는단어'), [], 'every word must match');
  });

  it('highlights the words in a snippet from the body, in both languages', async () => {
    const [english] = (await search('storm delayed')).hits;
    const marked = english?.snippet.filter((part) => part.match).map((part) => part.text);
    assert.deepEqual(marked, ['storm', 'delayed']);
    assert.equal(
      english?.snippet.map((part) => part.text).join(''),
      'Dock workers said the storm delayed the election of a new union chair by a week.',
    );
    const [korean] = (await search('서울')).hits;
    assert.deepEqual(
      korean?.snippet.filter((part) => part.match).map((part) => part.text),
      ['서울'],
    );
    assert.match(korean?.snippet.map((part) => part.text).join('') ?? '', /^서울시는 주택/);
  });

  it('filters by section and by dates, and pages through results', async () => {
    assert.deepEqual(await headlines('election', { sectionSlug: 'economy' }), []);
    assert.equal((await headlines('election', { sectionSlug: 'world' })).length, 2);
    const now = t.clock.now().getTime();
    assert.deepEqual(await headlines('election', { from: new Date(now - 10 * HOUR_MS) }), ['Harbour reopens after storm']);
    assert.deepEqual(await headlines('election', { to: new Date(now - 10 * HOUR_MS) }), ['Turnout climbs in local election']);
    const first = await search('election', { pageSize: 1 });
    const second = await search('election', { pageSize: 1, page: 2 });
    assert.deepEqual(first.pagination, { page: 1, pageSize: 1, totalItems: 2, totalPages: 2 });
    assert.equal(second.hits[0]?.story.headline, 'Harbour reopens after storm');
    await rejectsWithCode(search('election', { pageSize: 1, page: 3 }), 'ERR_NOT_FOUND');
  });

  it('treats operators, quotes and punctuation as plain words or nothing, never as syntax', async () => {
    for (const text of [
      'AND',
      'OR NOT',
      'NEAR(',
      '*',
      '"',
      '"unbalanced',
      'a" OR "b',
      "( ) ^ : - ! '",
      'title:storm',
      'storm*',
      '-storm',
      "storm' OR '1'='1",
      '%',
      '_',
      '\\',
      '\u0000storm',
      '\u0301',
      'e\u0301',
      '\u200b',
      '👍🏽',
      'ﷺ',
      '①',
      '\uFFFD',
      'ｓｔｏｒｍ',
    ]) {
      const result = await search(text);
      assert.ok(Array.isArray(result.hits), text);
    }
    assert.deepEqual(await headlines('"storm'), ['Harbour reopens after storm']);
    assert.deepEqual(await headlines('(storm) OR'), [], 'OR is a word to find, not an operator');
    assert.deepEqual(await headlines('storm*'), ['Harbour reopens after storm']);
    assert.deepEqual(await headlines('NOT storm'), []);
    assert.deepEqual((await search('" ( ) * ^')).hits, []);
    assert.equal((await search('')).pagination.totalItems, 0);
  });

  it('refuses over-long queries, unknown sections, reversed dates and bad page numbers', async () => {
    await rejectsWithCode(search('a'.repeat(10_000)), 'ERR_SEARCH_QUERY_TOO_LONG');
    await rejectsWithCode(search('storm', { sectionSlug: 'no-such-section' }), 'ERR_SEARCH_FILTER_INVALID');
    const now = t.clock.now();
    await rejectsWithCode(search('storm', { from: now, to: new Date(now.getTime() - HOUR_MS) }), 'ERR_SEARCH_FILTER_INVALID');
    await rejectsWithCode(search('storm', { from: new Date(Number.NaN) }), 'ERR_SEARCH_FILTER_INVALID');
    for (const page of [0, -1, 1.5, 999_999_999]) await rejectsWithCode(search('storm', { page }), 'ERR_INVALID_PAGE_NUMBER');
    await rejectsWithCode(search('storm', { pageSize: 0 }), 'ERR_SEARCH_FILTER_INVALID');
  });
});

describe('SearchService: what readers may see, and keeping the index current', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());
  const headlines = async (text: string) => (await t.deps.search.search({ text, page: 1 })).hits.map((hit) => hit.story.headline);

  it('never finds drafts, scheduled, embargoed or withdrawn stories', async () => {
    const future = new Date(t.clock.now().getTime() + 5 * HOUR_MS);
    await t.factories.article({ headline: 'Zebra draft', status: 'draft' });
    await t.factories.article({ headline: 'Zebra scheduled', status: 'scheduled', publishedAt: future });
    await t.factories.article({ headline: 'Zebra embargoed', embargoUntil: future });
    const withdrawn = await t.factories.article({ headline: 'Zebra withdrawn' });
    await t.factories.article({ headline: 'Zebra published' });
    assert.deepEqual((await headlines('zebra')).sort(), ['Zebra published', 'Zebra withdrawn']);
    await t.factories.setStatus(withdrawn.id, 'unpublished');
    assert.deepEqual(await headlines('zebra'), ['Zebra published']);
  });

  it("updates the index as soon as a published story's headline is edited", async () => {
    const editor = await t.factories.staffUser({ role: 'editor' });
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ headline: 'Orchard harvest begins' }));
    assert.deepEqual(await headlines('orchard'), []);
    await t.deps.editing.publish(editor, id);
    assert.deepEqual(await headlines('orchard'), ['Orchard harvest begins']);
    await t.deps.editing.update(editor, id, await t.factories.articleInput({ headline: 'Vineyard harvest begins' }));
    assert.deepEqual(await headlines('orchard'), []);
    assert.deepEqual(await headlines('vineyard'), ['Vineyard harvest begins']);
  });

  it("follows an author's new name, and a deleted story leaves the index", async () => {
    const author = await t.factories.author({ name: 'Oldname Writer', slug: 'oldname-writer' });
    const story = await t.factories.article({ headline: 'Tide tables', authorIds: [author.id] });
    assert.deepEqual(await headlines('oldname'), ['Tide tables']);
    await t.deps.authors.update(
      author.id,
      { name: 'Newname Writer', slug: 'oldname-writer', email: author.email, jobTitle: 'Reporter', bio: '', photoMediaId: '' },
      null,
    );
    assert.deepEqual(await headlines('oldname'), []);
    assert.deepEqual(await headlines('newname'), ['Tide tables']);
    const editor = await t.factories.staffUser({ role: 'admin' });
    await t.deps.editing.delete(editor, story.id);
    assert.deepEqual(await headlines('tide'), []);
  });

  it("re-indexes only a renamed tag's stories, and nothing for a new author", async () => {
    await t.factories.article({ headline: 'Kelp forests return', tags: ['Ocean'] });
    await t.factories.article({ headline: 'Kelp farming grows' });
    const tag = (await t.deps.tags.listWithCounts()).find((candidate) => candidate.name === 'Ocean');
    assert.ok(tag);
    // With the index emptied, whatever a change re-indexes is exactly what search finds again.
    await t.deps.database.fullText.clear(t.deps.db);
    await t.deps.authors.create(
      { name: 'Brand New', slug: 'brand-new', email: 'new@news.example', jobTitle: 'Reporter', bio: '', photoMediaId: '' },
      null,
    );
    assert.deepEqual(await headlines('kelp'), []);
    await t.deps.tags.rename(tag.id, 'Seas', null);
    assert.deepEqual(await headlines('kelp'), ['Kelp forests return']);
    assert.deepEqual(await headlines('seas'), ['Kelp forests return']);
    await t.deps.search.refreshIndex();
  });

  it('finds the people credited under a quote in the body, and shows the credit in the snippet', async () => {
    await t.factories.article({
      headline: 'Ferry timetable cut for winter',
      body: [
        ...paragraph('The operator will run two sailings a day.'),
        { type: 'quote', text: 'We cannot fill the boats in January.', attribution: 'Oyelaran Batsaikhan, fleet manager' },
      ],
    });
    assert.deepEqual(await headlines('Batsaikhan'), ['Ferry timetable cut for winter']);
    assert.deepEqual(await headlines('oyelaran fleet manager'), ['Ferry timetable cut for winter']);
    const [hit] = (await t.deps.search.search({ text: 'Batsaikhan', page: 1 })).hits;
    assert.match(hit?.snippet.map((part) => part.text).join('') ?? '', /Batsaikhan/);
  });

  it('re-indexes after the upgrade that added quote credits, so stories indexed before are found by them', async () => {
    const story = await t.factories.article({
      headline: 'Pier repairs begin',
      body: [{ type: 'quote', text: 'It will take a year.', attribution: 'Tuyaara Velikova, engineer' }],
    });
    // The document as indexed before credits were: the same words, less the credit line.
    await t.deps.database.fullText.writeDocuments(t.deps.db, [
      {
        articleId: story.id,
        publishedAt: new Date().toISOString(),
        visibleFrom: new Date().toISOString(),
        sectionId: story.section.id,
        editionId: story.section.editionId,
        headline: indexText('Pier repairs begin'),
        standfirst: '',
        people: '',
        body: indexText('It will take a year.'),
      },
    ]);
    assert.deepEqual(await headlines('Velikova'), []);
    // What migration 0008 did to a database indexed before credits were: emptied the index.
    await t.deps.database.fullText.clear(t.deps.db);
    await t.deps.search.refreshIndex();
    assert.deepEqual(await headlines('Velikova'), ['Pier repairs begin']);
  });

  it('rebuilds an empty or stale index at start, so an upgraded database is searchable', async () => {
    await t.factories.article({ headline: 'Lighthouse keeper retires' });
    await t.deps.database.fullText.clear(t.deps.db);
    assert.deepEqual(await headlines('lighthouse'), []);
    await t.deps.search.refreshIndex();
    assert.deepEqual(await headlines('lighthouse'), ['Lighthouse keeper retires']);
  });
});

describe('SearchService: a word in more stories than a search ranks', () => {
  let t: TestApp;
  let capped: SearchService;
  const search = (text: string, extra: Partial<SearchQuery> = {}) => capped.search({ text, page: 1, ...extra });
  const headlines = async (text: string, extra: Partial<SearchQuery> = {}) => (await search(text, extra)).hits.map((hit) => hit.story.headline);

  before(async () => {
    t = await createTestApp();
    // Ranks the newest three matches; the best match of all is the oldest story.
    capped = new SearchService(t.deps.db, t.deps.database.fullText, t.clock, t.deps.sections, 3);
    await t.factories.article({ headline: 'Ferry ferry ferry', hoursAgo: 50 });
    await t.factories.article({ headline: 'Timetables change', body: paragraph('The ferry leaves later.'), hoursAgo: 40 });
    await t.factories.article({ headline: 'Ferry fares rise', hoursAgo: 30 });
    await t.factories.article({ headline: 'Harbour dredged', body: paragraph('A ferry waited.'), hoursAgo: 20 });
    await t.factories.article({ headline: 'Ferry crew honoured', hoursAgo: 10 });
    // Newer, but not visible: they must not take places among the newest three.
    const future = new Date(t.clock.now().getTime() + 5 * HOUR_MS);
    await t.factories.article({ headline: 'Ferry strike (draft)', status: 'draft', publishedAt: null });
    await t.factories.article({ headline: 'Ferry strike (draft, dated)', status: 'draft', hoursAgo: 1 });
    await t.factories.article({ headline: 'Ferry strike (embargoed)', hoursAgo: 1, embargoUntil: future });
    await t.factories.article({ headline: 'Ferry strike (scheduled)', status: 'scheduled', publishedAt: future });
  });
  after(() => t.close());

  it('ranks the newest matches, best first, and says so', async () => {
    const result = await search('ferry');
    assert.equal(result.newestOnly, true);
    assert.deepEqual(result.pagination, { page: 1, pageSize: 10, totalItems: 3, totalPages: 1 });
    assert.deepEqual(
      result.hits.map((hit) => hit.story.headline),
      ['Ferry crew honoured', 'Ferry fares rise', 'Harbour dredged'],
    );
    await rejectsWithCode(search('ferry', { page: 2 }), 'ERR_NOT_FOUND');
  });

  it('reaches older stories through the dates, and ranks all matches when they fit', async () => {
    const now = t.clock.now().getTime();
    const older = await search('ferry', { to: new Date(now - 35 * HOUR_MS) });
    assert.equal(older.newestOnly, false);
    assert.deepEqual(
      older.hits.map((hit) => hit.story.headline),
      ['Ferry ferry ferry', 'Timetables change'],
    );
    assert.deepEqual(await headlines('fares'), ['Ferry fares rise']);
    assert.equal((await search('fares')).newestOnly, false);
  });

  it('pages through the ranked matches without overlap', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => search('ferry', { page, pageSize: 1 })));
    assert.deepEqual(
      pages.map((result) => result.hits[0]?.story.headline),
      ['Ferry crew honoured', 'Ferry fares rise', 'Harbour dredged'],
    );
  });

  it('files stories published in the same second apart, all found', async () => {
    const moment = new Date(t.clock.now().getTime() - 60 * HOUR_MS);
    for (const name of ['Alpha', 'Bravo', 'Charlie']) await t.factories.article({ headline: `Lantern ${name}`, publishedAt: moment });
    const found = await headlines('lantern', { to: new Date(moment.getTime() + 1000) });
    assert.deepEqual([...found].sort(), ['Lantern Alpha', 'Lantern Bravo', 'Lantern Charlie']);
  });
});
