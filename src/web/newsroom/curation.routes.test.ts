import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { csrfTokenIn, postForm } from '../../testing/newsroom-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/** The Must-Reads list of a public page, as the headlines in order. */
function mustReads(html: string): string[] {
  const list = /data-list="must-reads"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return [...list.matchAll(/>(Headline [^<]+)</g)].map((match) => match[1] ?? '');
}

function leadHeadline(html: string): string | undefined {
  return /id="lead-story-headline"><a [^>]*>([^<]+)</.exec(html)?.[1];
}

describe('newsroom curation: Must-Reads, lead story and breaking-news banner', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  const post = (url: string, fields: Record<string, string>) => postForm(t.app, url, { _csrf: csrf, ...fields }, { cookie });

  before(async () => {
    t = await createTestApp();
    // Not UTC, so wall-clock times in the forms must be converted (TEST_NOW is 12:00 in Seoul).
    await t.deps.settings.updatePublication({ timeZone: 'Asia/Seoul' });
    const { user } = await t.factories.staff({ role: 'editor' });
    cookie = await t.factories.sessionCookie(user.id);
    const page = await t.app.inject({ url: '/newsroom/curation', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    csrf = csrfTokenIn(page.body);
  });
  after(() => t.close());

  it('refuses reporters (403) and posts without a CSRF token (403)', async () => {
    const { user } = await t.factories.staff({ role: 'reporter' });
    const reporter = await t.factories.sessionCookie(user.id);
    const page = await t.app.inject({ url: '/newsroom/curation', headers: { cookie: reporter } });
    assert.equal(page.statusCode, 403);
    assert.equal(page.headers['x-error-code'], 'ERR_FORBIDDEN');
    const story = await t.factories.article();
    const reporterCsrf = csrfTokenIn((await t.app.inject({ url: '/newsroom/media', headers: { cookie: reporter } })).body);
    const add = await postForm(
      t.app,
      '/newsroom/curation/picks',
      { _csrf: reporterCsrf, 'pick-story': story.id, 'pick-expires': '' },
      { cookie: reporter },
    );
    assert.equal(add.statusCode, 403);
    const noToken = await postForm(t.app, '/newsroom/curation/picks', { 'pick-story': story.id, 'pick-expires': '' }, { cookie });
    assert.equal(noToken.statusCode, 403);
    assert.equal(noToken.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    assert.equal((await t.deps.curation.listPicks()).length, 0);
  });

  it('adds, reorders, expires and removes picks; the home page follows at once', async () => {
    const first = await t.factories.article({ headline: 'Headline pick one' });
    const second = await t.factories.article({ headline: 'Headline pick two' });
    assert.equal((await post('/newsroom/curation/picks', { 'pick-story': first.id, 'pick-expires': '' })).statusCode, 303);
    // 13:00 in Seoul is an hour after TEST_NOW.
    const added = await post('/newsroom/curation/picks', { 'pick-story': second.id, 'pick-expires': '2026-11-20T13:00' });
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, '/newsroom/curation?saved=picks');
    const picks = await t.deps.curation.listPicks();
    assert.equal(picks[1]?.expiresAt?.toISOString(), '2026-11-20T04:00:00.000Z');
    assert.deepEqual(mustReads((await t.app.inject('/')).body), ['Headline pick one', 'Headline pick two']);

    const duplicate = await post('/newsroom/curation/picks', { 'pick-story': first.id, 'pick-expires': '' });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.headers['x-error-code'], 'ERR_PICK_DUPLICATE');
    const draft = await t.factories.article({ status: 'draft' });
    assert.equal(
      (await post('/newsroom/curation/picks', { 'pick-story': draft.id, 'pick-expires': '' })).headers['x-error-code'],
      'ERR_PICK_STORY_INVALID',
    );
    const past = await post('/newsroom/curation/picks', { 'pick-story': draft.id, 'pick-expires': '2026-11-20T11:00' });
    assert.equal(past.statusCode, 400);
    assert.equal(past.headers['x-error-code'], 'ERR_PICK_EXPIRY_INVALID');

    const secondPick = picks[1]?.id ?? '';
    assert.equal((await post(`/newsroom/curation/picks/${secondPick}/move`, { direction: 'up' })).statusCode, 303);
    assert.deepEqual(mustReads((await t.app.inject('/')).body), ['Headline pick two', 'Headline pick one']);
    const page = await t.app.inject({ url: '/newsroom/curation', headers: { cookie } });
    assert.match(page.body, /value="2026-11-20T13:00"/, 'the expiry is shown in the publication’s time zone');

    t.clock.advance(2 * HOUR_MS);
    await t.deps.lists.refresh();
    assert.deepEqual(mustReads((await t.app.inject('/')).body), ['Headline pick one'], 'the expired pick left the home page');

    // A new expiry brings it back; clearing it keeps it for good.
    assert.equal((await post(`/newsroom/curation/picks/${secondPick}/expiry`, { 'expires-at': '2026-11-21T09:00' })).statusCode, 303);
    assert.deepEqual(mustReads((await t.app.inject('/')).body), ['Headline pick two', 'Headline pick one']);
    assert.equal((await post(`/newsroom/curation/picks/${secondPick}/expiry`, { 'expires-at': '' })).statusCode, 303);
    assert.equal((await t.deps.curation.listPicks())[0]?.expiresAt, null);

    assert.equal((await post(`/newsroom/curation/picks/${secondPick}/remove`, {})).statusCode, 303);
    assert.deepEqual(mustReads((await t.app.inject('/')).body), ['Headline pick one']);
    assert.equal((await post(`/newsroom/curation/picks/${secondPick}/remove`, {})).statusCode, 404);
  });

  it('puts the chosen lead story first on the home page while it is published', async () => {
    const older = await t.factories.article({ headline: 'Headline older lead', hoursAgo: 30 });
    await t.factories.article({ headline: 'Headline newest story', hoursAgo: 0.1 });
    assert.equal(leadHeadline((await t.app.inject('/')).body), 'Headline newest story');

    assert.equal((await post('/newsroom/curation/lead', { 'lead-story': older.id })).statusCode, 303);
    const home = await t.app.inject('/');
    assert.equal(leadHeadline(home.body), 'Headline older lead');
    const latest = /<section class="home-latest"[\s\S]*?<\/section>/.exec(home.body)?.[0] ?? '';
    assert.match(latest, /Headline newest story/);
    assert.doesNotMatch(latest, /Headline older lead/, 'the lead is not repeated under Latest');

    await t.factories.setStatus(older.id, 'unpublished');
    assert.equal(leadHeadline((await t.app.inject('/')).body), 'Headline newest story');

    const invalid = await post('/newsroom/curation/lead', { 'lead-story': older.id });
    assert.equal(invalid.statusCode, 400);
    assert.equal(invalid.headers['x-error-code'], 'ERR_LEAD_STORY_INVALID');
    assert.equal((await post('/newsroom/curation/lead', { 'lead-story': '' })).statusCode, 303);
    assert.equal(t.deps.curation.leadChoice(), null);
  });

  it('shows the breaking-news banner on every public page until its end time, then drops it from cached pages', async () => {
    const story = await t.factories.article();
    const now = t.clock.now();
    // One hour ahead, as wall-clock time in Seoul (UTC+9).
    const end = new Date(now.getTime() + HOUR_MS + 9 * HOUR_MS).toISOString().slice(0, 16);
    const saved = await post('/newsroom/curation/banner', {
      'banner-text': 'Polls close early',
      'banner-link': '/section/politics',
      'banner-ends': end,
    });
    assert.equal(saved.statusCode, 303);

    const home = await t.app.inject('/');
    assert.match(home.body, /<aside class="breaking-banner" aria-label="Breaking news">/);
    assert.match(home.body, /<a href="\/section\/politics">Polls close early<\/a>/);
    const article = await t.app.inject(`/article/${story.slug}`);
    assert.match(article.body, /Polls close early/);
    assert.match((await t.app.inject('/')).body, /Polls close early/, 'still there from the cache');

    t.clock.advance(HOUR_MS + 1000);
    // What the banner's own timer does at the end time: the page cache is cleared.
    await t.deps.curation.endBannerIfDue();
    assert.doesNotMatch((await t.app.inject('/')).body, /breaking-banner/);
    assert.doesNotMatch((await t.app.inject(`/article/${story.slug}`)).body, /Polls close early/);
  });

  it('refuses a javascript: link, an empty or long text and an end time in the past, storing nothing', async () => {
    const future = new Date(t.clock.now().getTime() + 10 * HOUR_MS).toISOString().slice(0, 16);
    const cases: Array<[Record<string, string>, string]> = [
      [{ 'banner-text': 'Bad link', 'banner-link': 'javascript:alert(1)', 'banner-ends': future }, 'ERR_BANNER_LINK_INVALID'],
      [{ 'banner-text': 'Bad link', 'banner-link': ' JavaScript:alert(1)', 'banner-ends': future }, 'ERR_BANNER_LINK_INVALID'],
      [{ 'banner-text': 'Bad link', 'banner-link': '//evil.example/', 'banner-ends': future }, 'ERR_BANNER_LINK_INVALID'],
      [{ 'banner-text': 'Bad link', 'banner-link': 'data:text/html,x', 'banner-ends': future }, 'ERR_BANNER_LINK_INVALID'],
      [{ 'banner-text': '  ', 'banner-link': '', 'banner-ends': future }, 'ERR_BANNER_TEXT_INVALID'],
      [{ 'banner-text': 'x'.repeat(201), 'banner-link': '', 'banner-ends': future }, 'ERR_BANNER_TEXT_INVALID'],
      [{ 'banner-text': 'Past', 'banner-link': '', 'banner-ends': '2020-01-01T00:00' }, 'ERR_BANNER_END_INVALID'],
      [{ 'banner-text': 'No end', 'banner-link': '', 'banner-ends': '' }, 'ERR_BANNER_END_INVALID'],
    ];
    for (const [fields, code] of cases) {
      const response = await post('/newsroom/curation/banner', fields);
      assert.equal(response.statusCode, 400, code);
      assert.equal(response.headers['x-error-code'], code);
      assert.match(response.body, /class="error-summary"/);
    }
    assert.equal(t.deps.curation.activeBanner(), undefined);
    assert.doesNotMatch((await t.app.inject('/')).body, /breaking-banner/);

    const https = await post('/newsroom/curation/banner', { 'banner-text': 'Live', 'banner-link': 'https://live.example/x', 'banner-ends': future });
    assert.equal(https.statusCode, 303);
    assert.match((await t.app.inject('/')).body, /href="https:\/\/live.example\/x"/);
    assert.equal((await post('/newsroom/curation/banner/remove', {})).statusCode, 303);
    assert.doesNotMatch((await t.app.inject('/')).body, /breaking-banner/);
  });

  it('takes a sixth Must-Read but warns that only five show, naming the pick that waits until one above it goes', async () => {
    for (const pick of await t.deps.curation.listPicks()) await t.deps.curation.removePick(pick.id, null);
    const standings = (html: string) => [...html.matchAll(/<li data-standing="([a-z]+)"/g)].map((match) => match[1]);
    const curationPage = async (query = '') => (await t.app.inject({ url: `/newsroom/curation${query}`, headers: { cookie } })).body;
    // An hour ahead, as wall-clock time in Seoul (UTC+9).
    const inAnHour = new Date(t.clock.now().getTime() + HOUR_MS + 9 * HOUR_MS).toISOString().slice(0, 16);
    const stories: Array<{ id: string }> = [];
    for (let n = 1; n <= 6; n++) stories.push(await t.factories.article({ headline: `Headline queued ${n}` }));

    for (const [index, story] of stories.entries()) {
      assert.equal((await curationPage()).includes('The site already shows 5 Must-Reads'), index === 5, 'the add form warns once five show');
      const added = await post('/newsroom/curation/picks', { 'pick-story': story.id, 'pick-expires': index === 0 ? inAnHour : '' });
      assert.equal(added.statusCode, 303, 'a sixth pick is taken, not refused');
      assert.equal(added.headers.location, index < 5 ? '/newsroom/curation?saved=picks' : '/newsroom/curation?saved=pick-waiting');
    }
    const headlines = (from: number, to: number) => stories.slice(from, to).map((_, i) => `Headline queued ${from + i + 1}`);
    assert.deepEqual(mustReads((await t.app.inject('/')).body), headlines(0, 5));

    const afterAdding = await curationPage('?saved=pick-waiting');
    assert.match(afterAdding, /<p class="newsroom-notice curation-warning" role="status">/, 'the editor is warned after adding');
    assert.deepEqual(standings(afterAdding), ['showing', 'showing', 'showing', 'showing', 'showing', 'waiting']);
    const warning = /<p class="curation-warning" id="picks-waiting">([\s\S]*?)<\/p>/.exec(afterAdding)?.[1] ?? '';
    assert.match(warning, /Headline queued 6/, 'the list names the pick that will not show');
    assert.doesNotMatch(warning, /Headline queued [1-5]/);
    assert.deepEqual(
      (await t.deps.curation.listPicks()).map((pick) => [pick.standing, pick.place]),
      [...[1, 2, 3, 4, 5].map((place) => ['showing', place]), ['waiting', 6]],
    );

    // A story readers cannot see takes no place: the waiting pick moves up, as on the site.
    await t.factories.setStatus(stories[1]?.id ?? '', 'unpublished');
    await t.deps.lists.refresh();
    assert.deepEqual(standings(await curationPage()), ['showing', 'unpublished', 'showing', 'showing', 'showing', 'showing']);
    assert.deepEqual(
      mustReads((await t.app.inject('/')).body),
      [1, 3, 4, 5, 6].map((n) => `Headline queued ${n}`),
    );
    await t.factories.setStatus(stories[1]?.id ?? '', 'published');
    await t.deps.lists.refresh();
    assert.deepEqual(standings(await curationPage()), ['showing', 'showing', 'showing', 'showing', 'showing', 'waiting']);

    // The first pick expires: the sixth shows, and the warning goes.
    t.clock.advance(HOUR_MS + 1000);
    await t.deps.lists.refresh();
    assert.deepEqual(mustReads((await t.app.inject('/')).body), headlines(1, 6));
    const afterExpiry = await curationPage();
    assert.deepEqual(standings(afterExpiry), ['expired', 'showing', 'showing', 'showing', 'showing', 'showing']);
    assert.doesNotMatch(afterExpiry, /id="picks-waiting"/);
  });
});
