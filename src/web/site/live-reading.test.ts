import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { LIVE_PAGE_SIZE, type LiveActor } from '../../modules/live/index.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { untranslatedText } from '../../testing/untranslated-text.js';
import { assertWellFormedXml } from '../../testing/well-formed-xml.js';

/** The `data-update-id`s of one list of the live section, in page order. */
function idsIn(html: string, list: 'live-pinned' | 'live-updates'): string[] {
  const inner = new RegExp(`<ol class="${list}">([\\s\\S]*?)</ol>`).exec(html)?.[1] ?? '';
  return [...inner.matchAll(/<li class="live-update[^"]*" id="update-([^"]+)" data-update-id="\1"/g)].map((match) => match[1] ?? '');
}

/** The page's JSON-LD objects. */
function jsonLd(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? '{}') as Record<string, unknown>,
  );
}

describe('a live story as readers see it (page, older pages, end, JSON-LD, feed, LIVE badge)', () => {
  let t: TestApp;
  let actor: LiveActor;
  const get = (url: string) => t.app.inject(url);
  const post = async (articleId: string, text: string, options: { keyEvent?: boolean; pinned?: boolean } = {}) => {
    t.clock.advance(60_000);
    return t.deps.live.post(actor, articleId, { text, ...options });
  };

  before(async () => {
    t = await createTestApp();
    const author = await t.factories.author({ name: 'Jane Reporter', slug: 'jane' });
    const user = await t.factories.staffUser({ role: 'editor', displayName: 'Jane R.', authorId: author.id });
    actor = { userId: user.id, displayName: user.displayName, authorId: author.id, authorName: 'Jane Reporter', canManage: true };
    await t.factories.section({ slug: 'world', name: 'World' });
  });
  after(() => t.close());

  it('lists the pinned update on top, then the others newest first, with the stream, key points and LiveBlogPosting', async () => {
    const section = await t.factories.section({ slug: 'live-desk', name: 'Live desk' });
    const story = await t.factories.article({ section, slug: 'storm-live', headline: 'Storm: live', typeLabel: 'Live' });
    const first = await post(story.id, 'Winds reach **100 km/h**.');
    const pinned = await post(story.id, 'Stay indoors: advice from the city.', { pinned: true });
    const key = await post(story.id, 'The port is closed <for now>.', { keyEvent: true });
    const latest = await post(story.id, 'Power is back in the old town.');
    await t.deps.live.setSummary(actor, story.id, 'The port is closed\nNo injuries reported');

    const response = await get('/article/storm-live');
    assert.equal(response.statusCode, 200);
    const html = response.body;
    const coverage = await t.deps.live.coverage(story.id);
    assert.ok(coverage);
    assert.match(
      html,
      new RegExp(
        `<section class="live-coverage" id="live" aria-labelledby="live-heading" data-live-stream="/live/${story.id}/events" data-live-sequence="${coverage.lastSequence}"`,
      ),
    );
    assert.deepEqual(idsIn(html, 'live-pinned'), [pinned.id]);
    assert.deepEqual(idsIn(html, 'live-updates'), [latest.id, key.id, first.id]);
    assert.match(
      html,
      /<li class="live-update is-pinned" id="update-[^"]+" data-update-id="[^"]+">[\s\S]*?<span class="live-mark live-mark-pinned">Pinned<\/span>/,
    );
    assert.match(html, /The port is closed &lt;for now>\./, 'update text is escaped');
    assert.match(html, /<ul class="live-summary-points"><li>The port is closed<\/li><li>No injuries reported<\/li><\/ul>/);
    assert.match(html, new RegExp(`<a href="#update-${key.id}">`), 'the key event links to its update');
    assert.ok(html.indexOf('class="live-summary"') < html.indexOf('class="live-coverage"'), 'the key points come first');
    assert.match(html, /<span class="live-badge">LIVE<\/span>/);
    assert.doesNotMatch(html, /live-ended|rel="next"/);
    assert.match(
      html,
      /<link rel="alternate" type="application\/atom\+xml" title="Storm: live: live updates" href="[^"]*\/article\/storm-live\/updates\.xml"/,
    );

    const posting = jsonLd(html).find((item) => item['@type'] === 'LiveBlogPosting');
    assert.ok(posting, 'the story is a LiveBlogPosting');
    assert.equal(
      jsonLd(html).some((item) => item['@type'] === 'NewsArticle'),
      false,
    );
    assert.ok(typeof posting.coverageStartTime === 'string');
    assert.equal(posting.coverageEndTime, undefined);
    const updates = posting.liveBlogUpdate as Array<Record<string, unknown>>;
    assert.equal(updates.length, 4);
    assert.deepEqual(
      updates.map((item) => item.url),
      [pinned, latest, key, first].map((update) => `${t.config.siteUrl}/article/storm-live#update-${update.id}`),
    );
    assert.equal(updates[3]?.articleBody, 'Winds reach 100 km/h.');

    // A new update purges the page (live.changed → the story's key): the next reader sees it.
    const newer = await post(story.id, 'Trains are running again.');
    assert.deepEqual(idsIn((await get('/article/storm-live')).body, 'live-updates'), [newer.id, latest.id, key.id, first.id]);
  });

  it('pages older updates with ?before= (in the cache key), refusing made-up cursors', async () => {
    const story = await t.factories.article({ slug: 'long-live', headline: 'A long day', typeLabel: 'Live' });
    const posted = [];
    for (let n = 1; n <= LIVE_PAGE_SIZE + 3; n += 1) posted.push(await post(story.id, `Update number ${n}.`));
    const newestFirst = posted.map((update) => update.id).reverse();

    const firstPage = (await get('/article/long-live')).body;
    assert.deepEqual(idsIn(firstPage, 'live-updates'), newestFirst.slice(0, LIVE_PAGE_SIZE));
    const older = /<a rel="next" href="(\/article\/long-live\?before=[^"#]+)#live">Older updates<\/a>/.exec(firstPage)?.[1];
    assert.ok(older, 'an Older updates link');

    const olderPage = await get(older.replace(/&amp;/g, '&'));
    assert.equal(olderPage.statusCode, 200);
    assert.deepEqual(idsIn(olderPage.body, 'live-updates'), newestFirst.slice(LIVE_PAGE_SIZE));
    assert.doesNotMatch(olderPage.body, /data-live-stream|rel="next"/, 'an older page neither streams nor links further');
    assert.match(olderPage.body, /<a href="\/article\/long-live#live">Back to the newest updates<\/a>/);
    assert.notEqual((await get(older.replace(/&amp;/g, '&'))).headers['x-page-cache'], 'miss', 'the older page is cached under its own key');

    assert.equal((await get('/article/long-live?before=%3Cscript%3E')).statusCode, 400);
    assert.equal((await get(`/article/long-live?before=${'a'.repeat(37)}`)).statusCode, 400);
    assert.equal((await get('/article/long-live?before=00000000-0000-4000-8000-000000000000')).statusCode, 404, 'not one of its updates');
    await t.factories.article({ slug: 'plain-story' });
    assert.equal((await get('/article/plain-story?before=abc')).statusCode, 400, 'no cursor on a story that never was live');
    const plainPage = (await get(`/article/plain-story`)).body;
    assert.doesNotMatch(plainPage, /live-coverage|live-summary|LiveBlogPosting|updates\.xml/);
    assert.equal((await get(`/article/plain-story/updates.xml`)).statusCode, 404);
  });

  it('after the coverage ended: every update still listed, the ended note, no stream, coverageEndTime', async () => {
    const story = await t.factories.article({ slug: 'ended-live', headline: 'Election night', typeLabel: 'Live' });
    const one = await post(story.id, 'Polls close.');
    const two = await post(story.id, 'First results are in.', { pinned: true });
    t.clock.advance(60_000);
    await t.deps.live.end(actor, story.id);

    const html = (await get('/article/ended-live')).body;
    assert.doesNotMatch(html, /data-live-stream/);
    assert.match(html, /<p class="live-ended">Live coverage ended <time datetime="[^"]+">[^<]+<\/time><\/p>/);
    assert.deepEqual([...idsIn(html, 'live-pinned'), ...idsIn(html, 'live-updates')], [two.id, one.id]);
    assert.doesNotMatch(html, /class="live-badge"/, 'no LIVE mark once ended');
    const posting = jsonLd(html).find((item) => item['@type'] === 'LiveBlogPosting');
    assert.ok(posting && typeof posting.coverageEndTime === 'string');
    // Its feed stays for those who follow it.
    assert.equal((await get('/article/ended-live/updates.xml')).statusCode, 200);
  });

  it('serves the 20 newest updates as Atom, filed under the story (purged by the next update)', async () => {
    const story = await t.factories.article({ slug: 'feed-live', headline: 'Floods & rescue', typeLabel: 'Live' });
    const posted = [];
    for (let n = 1; n <= 22; n += 1) posted.push(await post(story.id, `Rescue update ${n} <b>.`));
    const response = await get('/article/feed-live/updates.xml');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/atom+xml; charset=utf-8');
    assertWellFormedXml(response.body);
    const feed = parseFeed(response.body);
    assert.equal(feed.title, 'Floods & rescue: live updates');
    assert.equal(feed.items.length, 20);
    assert.equal(feed.items[0]?.url, `${t.config.siteUrl}/article/feed-live#update-${posted[21]?.id}`);
    assert.equal(feed.items[0]?.title, 'Rescue update 22 <b>.');

    // live.changed purges only the story's key: the feed shows the next update, so it is filed there.
    const newer = await post(story.id, 'All rescued.');
    const again = parseFeed((await get('/article/feed-live/updates.xml')).body);
    assert.equal(again.items[0]?.url, `${t.config.siteUrl}/article/feed-live#update-${newer.id}`);
  });

  it('marks live stories LIVE in the home page and section lists', async () => {
    const section = await t.factories.section({ slug: 'badges', name: 'Badges' });
    await t.factories.article({ section, slug: 'badge-live', headline: 'Live badge story', typeLabel: 'Live', hoursAgo: 0 });
    await t.factories.article({ section, slug: 'badge-analysis', headline: 'Analysis story', typeLabel: 'Analysis', hoursAgo: 0 });
    const badge = /<span class="live-badge">LIVE<\/span>/;
    const list = (await get('/section/badges')).body;
    // A section's own list leaves the section label out: the badge stands on its own there.
    assert.match(
      list,
      /<p class="story-card-badges"><span class="live-badge">LIVE<\/span><\/p><h2 class="story-card-headline"><a href="\/article\/badge-live">/,
    );
    assert.doesNotMatch(list, /badge-analysis[\s\S]{0,200}live-badge/);
    const home = (await get('/')).body;
    assert.match(home, badge);
    const search = (await get('/search?q=badge')).body;
    assert.match(search, /<a href="\/section\/badges">Badges<\/a> <span class="live-badge">LIVE<\/span>/, 'in search results');
    // Lists that name the section (search results, tag and author pages) carry it after the section.
    const author = (await get(`/author/${(await t.deps.reading.article('badge-live')).article.authors[0]?.slug}`)).body;
    assert.match(author, /<p class="section-label"><a href="\/section\/badges">Badges<\/a> <span class="live-badge">LIVE<\/span><\/p>/);
  });
});

describe('a live story in a Korean edition', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('has no English left on its page, its LIVE mark is 라이브, and its feed is under /ko/', async () => {
    const ko = await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '오늘의 뉴스', timeZone: 'Asia/Seoul' });
    const section = await t.factories.section({ slug: 'segye', name: '세계', editionId: ko.id });
    const author = await t.factories.author({ name: '김기자', slug: 'kim', email: 'kim@news.example', jobTitle: '기자', bio: '국제부 기자입니다.' });
    const story = await t.factories.article({
      section,
      editionId: ko.id,
      authorIds: [author.id],
      slug: 'taepung-live',
      headline: '태풍 실시간',
      standfirst: '태풍 소식을 전합니다.',
      body: [{ type: 'paragraph', content: [{ text: '태풍이 북상하고 있습니다.' }] }],
      typeLabel: 'Live',
    });
    const user = await t.factories.staffUser({ role: 'editor', displayName: '김기자', authorId: author.id });
    const actor: LiveActor = { userId: user.id, displayName: '김기자', authorId: author.id, authorName: '김기자', canManage: true };
    t.clock.advance(60_000);
    await t.deps.live.post(actor, story.id, { text: '항구가 폐쇄되었습니다.', keyEvent: true, pinned: true });
    t.clock.advance(60_000);
    const edited = await t.deps.live.post(actor, story.id, { text: '정전이 시작되었습니다.' });
    t.clock.advance(60_000);
    await t.deps.live.edit(actor, story.id, edited.id, { text: '정전이 복구되었습니다.' });
    await t.deps.live.setSummary(actor, story.id, '항구 폐쇄\n부상자 없음');

    const response = await t.app.inject('/ko/article/taepung-live');
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.match(html, /<h2 id="live-heading">실시간 업데이트<\/h2>/);
    assert.match(html, /<span class="live-badge">라이브<\/span>/);
    assert.match(html, />고정됨</);
    assert.match(html, />주요 사건</);
    assert.match(html, /수정 <time/);
    assert.match(html, /data-msg-new-other="새 업데이트 \{count\}건"/);
    assert.match(html, /href="[^"]*\/ko\/article\/taepung-live\/updates\.xml"/);
    // What stays as written: the fixtures' author and the newsletters' own names (not yet per edition), brand names.
    const newsletters = (await t.deps.subscribers.catalog.list()).flatMap((info) => [info.name, info.description]);
    const fixtures = [
      'kim@news.example',
      'Facebook',
      'LinkedIn',
      'weekly',
      'The week’s best from',
      'An independent news publication.',
      'newsroom@example.com',
    ];
    assert.deepEqual(untranslatedText(html, [...newsletters, ...fixtures]), []);

    const feed = await t.app.inject('/ko/article/taepung-live/updates.xml');
    assert.equal(feed.statusCode, 200);
    assert.match(feed.body, /태풍 실시간: 실시간 업데이트/);
    assert.equal((await t.app.inject('/article/taepung-live/updates.xml')).statusCode, 404, 'not in the default edition');

    const list = await t.app.inject('/ko/section/segye');
    assert.match(list.body, /<span class="live-badge">라이브<\/span>/);
  });
});
