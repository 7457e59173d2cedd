import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addViewCounts } from '../../modules/audience/view-count.repository.js';
import { ROLES } from '../../modules/users/permissions.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/** TEST_NOW is 2026-11-20 03:00 UTC, 22:00 on 19 November in New York, the publication's zone here. */
describe('the Audience dashboard in the newsroom', () => {
  let t: TestApp;
  let cookie: string;
  let articles: { harbour: string; markets: string };

  before(async () => {
    t = await createTestApp();
    await t.deps.settings.updatePublication({ timeZone: 'America/New_York', language: 'en' });
    const world = await t.factories.section({ slug: 'world', name: 'World' });
    const business = await t.factories.section({ slug: 'business', name: 'Business' });
    const min = await t.factories.author({ slug: 'min-ji', name: 'Min-ji Park' });
    const dae = await t.factories.author({ slug: 'dae-ho', name: 'Dae-ho Lee' });
    const harbour = await t.factories.article({
      headline: 'Harbour <reopens>',
      slug: 'harbour-reopens',
      section: world,
      authorIds: [min.id],
      hoursAgo: 24 * 40,
    });
    const markets = await t.factories.article({ headline: 'Markets rally', section: business, authorIds: [min.id, dae.id], hoursAgo: 24 * 40 });
    articles = { harbour: harbour.id, markets: markets.id };
    const views = (articleId: string, hourStart: string, count: number) => ({
      articleId,
      hourStart: new Date(hourStart),
      views: count,
      viaPopularNow: 0,
      viaWeeklyBest: 0,
    });
    await addViewCounts(t.deps.db, [
      views(harbour.id, '2026-11-19T05:00:00Z', 1200), // today's first hour in New York
      views(harbour.id, '2026-11-19T03:00:00Z', 300), // 22:00 the evening before, locally
      views(markets.id, '2026-11-19T04:00:00Z', 45), // 23:00 the evening before, locally
      views(markets.id, '2026-11-01T12:00:00Z', 5000), // within 30 days only
    ]);
    const editor = await t.factories.staffUser({ role: 'editor' });
    cookie = await t.factories.sessionCookie(editor.id);
  });
  after(() => t.close());

  const get = (query = '', as = cookie) => t.app.inject({ url: `/newsroom/audience${query}`, headers: { cookie: as } });
  const topHeadlines = (html: string) =>
    [...html.matchAll(/<th scope="row"><a href="\/newsroom\/stories\/[^"]+\/edit">([^<]+)<\/a>/g)].map((match) => match[1]);

  it('draws the hourly and daily charts as labelled SVG images with every figure in a table', async () => {
    const response = await get();
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    const html = response.body;
    assert.match(
      html,
      /<svg class="bar-chart-svg" role="img" aria-label="Views per hour, last 48 hours: 1,545 in all; highest 1,200 \(Thu, Nov 19, 00:00\)\."/,
    );
    assert.match(
      html,
      /<svg class="bar-chart-svg" role="img" aria-label="Views per day, last 30 days: 6,545 in all; highest 5,000 \(Sun, Nov 1\)\."/,
    );
    assert.equal(html.match(/<summary>Show the figures/g)?.length, 2);
    // 03:00 and 04:00 UTC on the 19th are the evening of the 18th in New York.
    assert.match(html, /<th scope="row">Wed, Nov 18<\/th><td class="numeric">345<\/td>/);
    assert.match(html, /<th scope="row">Thu, Nov 19<\/th><td class="numeric">1,200<\/td>/);
    assert.match(html, /<th scope="row">Wed, Nov 18, 22:00<\/th><td class="numeric">300<\/td>/);
    assert.match(html, /America\/New_York/, 'the lead names the time zone');
    assert.doesNotMatch(html, /\sstyle=/, 'no inline styles: the CSP forbids them');
    assert.match(html, /<a href="\/newsroom\/audience" aria-current="page">Audience<\/a>/);
  });

  it('lists the top stories for today, 7 days and 30 days, with links to the editor and the site', async () => {
    const today = (await get('?period=today')).body;
    assert.deepEqual(topHeadlines(today), ['Harbour &lt;reopens>']);
    assert.match(
      today,
      new RegExp(
        `href="/newsroom/stories/${articles.harbour}/edit">Harbour &lt;reopens></a> <a class="audience-site-link" href="/article/harbour-reopens">`,
      ),
    );
    assert.match(today, /<td>World<\/td><td>Min-ji Park<\/td><td class="numeric">1,200<\/td><td class="numeric">1,500<\/td>/);
    assert.deepEqual(topHeadlines((await get('?period=7d')).body), ['Harbour &lt;reopens>', 'Markets rally']);
    const month = (await get('?period=30d')).body;
    assert.deepEqual(topHeadlines(month), ['Markets rally', 'Harbour &lt;reopens>']);
    assert.match(month, /<td>Business<\/td><td>Min-ji Park, Dae-ho Lee<\/td><td class="numeric">5,045<\/td>/);
    assert.match(month, /<a href="\/newsroom\/audience\?period=30d" aria-current="true">30 days<\/a>/);
  });

  it('groups the period by section and by author, a two-author story counting for both', async () => {
    const html = (await get('?period=7d')).body;
    assert.match(html, /<a href="\/newsroom\/audience\?period=7d&amp;section=world">World<\/a><\/th><td class="numeric">1,500<\/td>/);
    assert.match(html, /<a href="\/newsroom\/audience\?period=7d&amp;section=business">Business<\/a><\/th><td class="numeric">45<\/td>/);
    assert.match(html, /<a href="\/newsroom\/audience\?period=7d&amp;author=min-ji">Min-ji Park<\/a><\/th><td class="numeric">1,545<\/td>/);
    assert.match(html, /<a href="\/newsroom\/audience\?period=7d&amp;author=dae-ho">Dae-ho Lee<\/a><\/th><td class="numeric">45<\/td>/);
  });

  it('narrows the charts and top stories to a section or an author', async () => {
    const business = (await get('?period=30d&section=business')).body;
    assert.deepEqual(topHeadlines(business), ['Markets rally']);
    assert.match(business, /aria-label="Views per day, last 30 days \(Business\): 5,045 in all;/);
    assert.match(business, /<option value="business" selected>Business<\/option>/);
    const dae = (await get('?period=30d&author=dae-ho')).body;
    assert.deepEqual(topHeadlines(dae), ['Markets rally']);
    const min = (await get('?period=7d&author=min-ji&section=')).body;
    assert.deepEqual(topHeadlines(min), ['Harbour &lt;reopens>', 'Markets rally']);
  });

  it('answers a bad period with 400 and an unknown section or author with 404, never a 500', async () => {
    for (const [query, status, code] of [
      ['?period=week', 400, 'ERR_AUDIENCE_PERIOD_INVALID'],
      ['?period=today&period=7d', 400, 'ERR_AUDIENCE_PERIOD_INVALID'],
      ['?period=%F0%9F%93%88', 400, 'ERR_AUDIENCE_PERIOD_INVALID'],
      ['?section=world&section=business', 400, 'ERR_BAD_REQUEST'],
      ['?section=no-such-section', 404, 'ERR_SECTION_NOT_FOUND'],
      ['?author=no-such-author', 404, 'ERR_AUTHOR_NOT_FOUND'],
      [`?author=${'x'.repeat(500)}`, 404, 'ERR_AUTHOR_NOT_FOUND'],
    ] as const) {
      const response = await get(query);
      assert.equal(response.statusCode, status, query.slice(0, 40));
      assert.equal(response.headers['x-error-code'], code, query.slice(0, 40));
      assert.equal(response.headers['cache-control'], 'no-store');
    }
  });

  it('is for reporters, editors and admins: contributors get 403, and only holders see the link', async () => {
    for (const role of ROLES) {
      const user = await t.factories.staffUser({ role });
      const as = await t.factories.sessionCookie(user.id);
      const response = await get('', as);
      assert.equal(response.statusCode, role === 'contributor' ? 403 : 200, role);
      const home = await t.app.inject({ url: '/newsroom', headers: { cookie: as } });
      assert.equal(/href="\/newsroom\/audience"/.test(home.body), role !== 'contributor', `${role} sees the Audience link`);
    }
    assert.equal(
      (await get('', await t.factories.sessionCookie((await t.factories.staffUser({ role: 'contributor' })).id))).headers['x-error-code'],
      'ERR_FORBIDDEN',
    );
  });

  it('sends a signed-out visitor to sign in, and back here afterwards', async () => {
    const response = await t.app.inject({ url: '/newsroom/audience?period=today' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/newsroom/sign-in?next=%2Fnewsroom%2Faudience%3Fperiod%3Dtoday');
  });
});
