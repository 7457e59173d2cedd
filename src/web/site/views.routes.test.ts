import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DAY_MS } from '../../shared/clock.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('counting views: the beacon and the pixel', () => {
  let t: TestApp;
  let story: { id: string; slug: string };
  let reader = 0;

  /** A reader's browser, unless `userAgent` says otherwise: each call is a new reader. */
  const report = (body: unknown, headers: Record<string, string> = {}, remoteAddress = '198.51.100.7') =>
    t.app.inject({
      method: 'POST',
      url: '/views',
      remoteAddress,
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': `${CHROME} reader/${(reader += 1)}`, ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const storedViews = async (articleId: string) => {
    await t.deps.views.flush();
    const row = await t.deps.db.selectFrom('articles').select('view_count').where('id', '=', articleId).executeTakeFirstOrThrow();
    const buckets = await t.deps.db
      .selectFrom('article_view_hours')
      .select(['views', 'via_popular_now', 'via_weekly_best'])
      .where('article_id', '=', articleId)
      .execute();
    const sum = (key: 'views' | 'via_popular_now' | 'via_weekly_best') => buckets.reduce((total, bucket) => total + Number(bucket[key]), 0);
    return { total: Number(row.view_count), buckets: sum('views'), viaPopularNow: sum('via_popular_now'), viaWeeklyBest: sum('via_weekly_best') };
  };

  before(async () => {
    t = await createTestApp();
    story = await t.factories.article({ headline: 'Counted story' });
  });
  after(() => t.close());

  it('counts a reader once a day, in an hourly bucket and the running total', async () => {
    const before = await storedViews(story.id);
    const headers = { 'user-agent': `${CHROME} same-reader` };
    const first = await report({ article: story.id }, headers);
    assert.equal(first.statusCode, 204);
    assert.equal(first.headers['x-view'], 'counted');
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.equal((await report({ article: story.id }, headers)).headers['x-view'], 'repeat');
    assert.equal((await report({ article: story.id }, { ...headers, 'content-type': 'application/json' })).headers['x-view'], 'repeat');
    const after = await storedViews(story.id);
    assert.equal(after.total - before.total, 1);
    assert.equal(after.buckets - before.buckets, 1);
  });

  it('counts the same reader again on the next day in the publication’s time zone', async () => {
    await t.deps.settings.updatePublication({ timeZone: 'America/New_York' });
    const headers = { 'user-agent': `${CHROME} night-owl` };
    // TEST_NOW is 22:00 in New York; one hour on is 23:00 the same day, three hours on is the next day.
    assert.equal((await report({ article: story.id }, headers)).headers['x-view'], 'counted');
    t.clock.advance(DAY_MS / 24);
    assert.equal((await report({ article: story.id }, headers)).headers['x-view'], 'repeat');
    t.clock.advance((2 * DAY_MS) / 24);
    assert.equal((await report({ article: story.id }, headers)).headers['x-view'], 'counted');
  });

  it('does not count bots, prefetches, prerenders or signed-in staff', async () => {
    const before = await storedViews(story.id);
    const notCounted: Array<[Record<string, string>, string]> = [
      [{ 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }, 'bot'],
      [{ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36' }, 'bot'],
      [{ 'user-agent': '' }, 'bot'],
      [{ 'sec-purpose': 'prefetch' }, 'prefetch'],
      [{ 'sec-purpose': 'prefetch;prerender' }, 'prefetch'],
      [{ purpose: 'prefetch' }, 'prefetch'],
      [{ 'x-moz': 'prefetch' }, 'prefetch'],
    ];
    for (const [headers, outcome] of notCounted) {
      const response = await report({ article: story.id }, headers);
      assert.equal(response.statusCode, 204);
      assert.equal(response.headers['x-view'], outcome, JSON.stringify(headers));
    }
    const { user } = await t.factories.staff({ role: 'contributor' });
    const cookie = await t.factories.sessionCookie(user.id);
    assert.equal((await report({ article: story.id }, { cookie })).headers['x-view'], 'staff');
    assert.equal(
      (await report({ article: story.id }, { cookie: 'dateline_session=forged-token' })).headers['x-view'],
      'counted',
      'a forged cookie is just a reader',
    );
    assert.equal((await storedViews(story.id)).total - before.total, 1);
  });

  it('keeps views from a list click apart for that list; a forged marker changes only the attribution', async () => {
    const before = await storedViews(story.id);
    assert.equal((await report({ article: story.id, via: 'popular-now' })).headers['x-view'], 'counted');
    assert.equal((await report({ article: story.id, via: 'weekly-best' })).headers['x-view'], 'counted');
    assert.equal((await report({ article: story.id, via: 'must-reads' })).headers['x-view'], 'counted');
    assert.equal((await report({ article: story.id, via: '<script>alert(1)</script>' })).headers['x-view'], 'counted');
    const headers = { 'user-agent': `${CHROME} marker-forger` };
    await report({ article: story.id, via: 'popular-now' }, headers);
    assert.equal((await report({ article: story.id, via: 'weekly-best' }, headers)).headers['x-view'], 'repeat');
    const after = await storedViews(story.id);
    assert.deepEqual(
      {
        total: after.total - before.total,
        viaPopularNow: after.viaPopularNow - before.viaPopularNow,
        viaWeeklyBest: after.viaWeeklyBest - before.viaWeeklyBest,
      },
      { total: 5, viaPopularNow: 2, viaWeeklyBest: 1 },
    );
  });

  it('refuses unknown and unpublished stories with 404, and malformed or oversized reports with 400, counting nothing', async () => {
    const draft = await t.factories.article({ status: 'draft' });
    const future = await t.factories.article({ publishedAt: new Date(t.clock.now().getTime() + DAY_MS) });
    const before = await storedViews(story.id);
    for (const id of ['00000000-0000-4000-8000-000000000000', draft.id, future.id]) {
      const response = await report({ article: id });
      assert.equal(response.statusCode, 404);
      assert.equal(response.headers['x-error-code'], 'ERR_ARTICLE_NOT_FOUND');
    }
    const malformed: unknown[] = [
      'not json',
      '',
      '[]',
      'null',
      '"text"',
      { article: 'abc' },
      { article: 42 },
      { story: story.id },
      { article: story.id, via: 'x'.repeat(41) },
      `{"article":"${story.id}","pad":"${'x'.repeat(2000)}"}`,
    ];
    for (const body of malformed) {
      const response = await report(body);
      assert.equal(response.statusCode, 400, String(body).slice(0, 40));
      assert.equal(response.headers['x-error-code'], 'ERR_VIEW_REPORT_INVALID');
    }
    const formEncoded = await report(`article=${story.id}`, { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(formEncoded.headers['x-error-code'], 'ERR_VIEW_REPORT_INVALID');
    const huge = await report('x'.repeat(10 * 1024 * 1024));
    assert.equal(huge.statusCode, 400);
    const crossSite = await report({ article: story.id }, { 'sec-fetch-site': 'cross-site' });
    assert.equal(crossSite.statusCode, 403);
    assert.equal(crossSite.headers['x-error-code'], 'ERR_VIEW_CROSS_SITE');
    assert.equal((await storedViews(story.id)).total, before.total);
  });

  it('counts readers without JavaScript by the pixel', async () => {
    const before = await storedViews(story.id);
    const pixel = await t.app.inject({ url: `/views/pixel.gif?article=${story.id}`, headers: { 'user-agent': `${CHROME} no-js` } });
    assert.equal(pixel.statusCode, 200);
    assert.equal(pixel.headers['content-type'], 'image/gif');
    assert.equal(pixel.headers['x-view'], 'counted');
    assert.equal((await t.app.inject({ url: '/views/pixel.gif?article=nope', headers: { 'user-agent': CHROME } })).statusCode, 400);
    assert.equal(
      (await t.app.inject({ url: '/views/pixel.gif?article=00000000-0000-4000-8000-000000000000', headers: { 'user-agent': CHROME } })).statusCode,
      404,
    );
    assert.equal((await storedViews(story.id)).total - before.total, 1);
  });

  it('counts exactly when 50 readers report at once over real connections', async () => {
    const second = await t.factories.article({ headline: 'Second counted story' });
    const before = [await storedViews(story.id), await storedViews(second.id)];
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: false, maxSockets: 100 });
    const send = (articleId: string, userAgent: string) =>
      new Promise<string>((resolve, reject) => {
        const request = http.request(
          { host: '127.0.0.1', port, path: '/views', method: 'POST', agent, headers: { 'content-type': 'text/plain', 'user-agent': userAgent } },
          (response) => {
            response.resume();
            response.on('end', () => resolve(String(response.headers['x-view'])));
          },
        );
        request.on('error', reject);
        request.end(JSON.stringify({ article: articleId }));
      });
    // 50 readers each read both stories, and each sends the first report twice (a double beacon).
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, n) => `${CHROME} crowd/${n}`).flatMap((userAgent) => [
        send(story.id, userAgent),
        send(story.id, userAgent),
        send(second.id, userAgent),
      ]),
    );
    agent.destroy();
    assert.equal(outcomes.filter((outcome) => outcome === 'counted').length, 100);
    assert.equal(outcomes.filter((outcome) => outcome === 'repeat').length, 50);
    const after = [await storedViews(story.id), await storedViews(second.id)];
    assert.equal((after[0]?.total ?? 0) - (before[0]?.total ?? 0), 50);
    assert.equal((after[1]?.total ?? 0) - (before[1]?.total ?? 0), 50);
    assert.equal(after[1]?.buckets, 50);
  });
});

describe('the beacon’s flood limit', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { VIEW_BEACON_LIMIT: '5' } });
  });
  after(() => t.close());

  it('limits one address flooding the beacon without slowing anyone else', async () => {
    const story = await t.factories.article();
    const send = (remoteAddress: string, n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/views',
        remoteAddress,
        headers: { 'content-type': 'text/plain', 'user-agent': `${CHROME} flood/${n}` },
        payload: JSON.stringify({ article: story.id }),
      });
    const flood = await Promise.all(Array.from({ length: 20 }, (_, n) => send('203.0.113.66', n)));
    assert.equal(flood.filter((response) => response.statusCode === 204).length, 5);
    assert.ok(flood.slice(5).every((response) => response.statusCode === 429 && response.headers['x-error-code'] === 'ERR_TOO_MANY_VIEW_REPORTS'));
    assert.equal((await send('203.0.113.67', 99)).statusCode, 204, 'another reader is unaffected');
    t.clock.advance(61_000);
    assert.equal((await send('203.0.113.66', 100)).statusCode, 204, 'the limit lifts after a minute');
    await t.deps.views.flush();
    const row = await t.deps.db.selectFrom('articles').select('view_count').where('id', '=', story.id).executeTakeFirstOrThrow();
    assert.equal(Number(row.view_count), 7);
  });
});
