import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY_MS, HOUR_MS } from '../../shared/clock.js';
import { createNewsroomTestApp, csrfTokenIn, postForm } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

const paragraph = (text: string) => [{ type: 'paragraph' as const, content: [{ text }] }];

/** The story finder's results: each headline with the story ids its two buttons choose. */
function finderResults(html: string): Array<{ headline: string; pick?: string; lead?: string }> {
  const list = /<ol class="story-picker-results">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((item) => ({
    headline: /<a href="\/article\/[^"]+">([^<]+)<\/a>/.exec(item[1] ?? '')?.[1] ?? '',
    pick: /name="pick-story" value="([^"]+)"/.exec(item[1] ?? '')?.[1],
    lead: /name="lead-story" value="([^"]+)"/.exec(item[1] ?? '')?.[1],
  }));
}

describe('the curation page’s story finder searches the whole archive', () => {
  let t: TestApp;
  let cookie: string;
  let oldStory: string;
  const page = (query = '') => t.app.inject({ url: `/newsroom/curation${query}`, headers: { cookie } });

  before(async () => {
    ({ t, cookie } = await createNewsroomTestApp('editor', '/newsroom/curation'));
    const section = await t.factories.section();
    const author = await t.factories.author();
    oldStory = (
      await t.factories.article({
        headline: 'Lighthouse keepers remember the great storm',
        body: paragraph('The ginkgo by the harbour survived the storm.'),
        section,
        authorIds: [author.id],
        publishedAt: new Date(t.clock.now().getTime() - 400 * DAY_MS),
      })
    ).id;
    for (let n = 0; n < 60; n++)
      await t.factories.article({ section, authorIds: [author.id], publishedAt: new Date(t.clock.now().getTime() - n * HOUR_MS - HOUR_MS) });
    await t.factories.article({ headline: 'Draft about the ginkgo tree', status: 'draft', section, authorIds: [author.id] });
  });
  after(() => t.close());

  it('finds a story older than the newest 50 by a word of its text, and not a draft', async () => {
    const plain = await page();
    assert.equal(plain.statusCode, 200);
    assert.doesNotMatch(plain.body, /Lighthouse keepers/, 'the newest 50 leave it out');
    const found = await page('?find=ginkgo');
    assert.equal(found.statusCode, 200);
    assert.deepEqual(finderResults(found.body), [{ headline: 'Lighthouse keepers remember the great storm', pick: oldStory, lead: oldStory }]);
    assert.match(found.body, /<input id="find" name="find" type="search" value="ginkgo"/);
  });

  it('makes the found story a Must-Read and the lead story with its buttons', async () => {
    const found = await page('?find=lighthouse');
    const csrf = csrfTokenIn(found.body);
    const [result] = finderResults(found.body);
    assert.ok(result?.pick && result.lead);
    const pick = await postForm(t.app, '/newsroom/curation/picks', { _csrf: csrf, 'pick-story': result.pick, 'pick-expires': '' }, { cookie });
    assert.equal(pick.statusCode, 303);
    assert.deepEqual(
      (await t.deps.curation.listPicks()).map((p) => p.articleId),
      [oldStory],
    );
    const lead = await postForm(t.app, '/newsroom/curation/lead', { _csrf: csrf, 'lead-story': result.lead }, { cookie });
    assert.equal(lead.statusCode, 303);
    assert.equal(t.deps.curation.leadChoice(), oldStory);
  });

  it('answers a bad page or an over-long search with a coded 400, and refuses reporters', async () => {
    const badPage = await page('?find=storm&page=abc');
    assert.equal(badPage.statusCode, 400);
    assert.equal(badPage.headers['x-error-code'], 'ERR_INVALID_PAGE_NUMBER');
    const long = await page(`?find=${'storm'.repeat(50)}`);
    assert.equal(long.statusCode, 400);
    assert.equal(long.headers['x-error-code'], 'ERR_SEARCH_QUERY_TOO_LONG');
    const { user } = await t.factories.staff({ role: 'reporter' });
    const reporter = await t.factories.sessionCookie(user.id);
    const refused = await t.app.inject({ url: '/newsroom/curation?find=storm', headers: { cookie: reporter } });
    assert.equal(refused.statusCode, 403);
  });
});
