import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DAY_MS, HOUR_MS } from '../../shared/clock.js';
import { createTestApp, TEST_NOW, type TestApp } from '../../testing/test-app.js';

const headlines = (stories: Array<{ headline: string }>) => stories.map((story) => story.headline);
/** The tests share one publication: each looks only at its own stories, named with a prefix. */
const own = (stories: Array<{ headline: string }>, prefix: string) => headlines(stories).filter((headline) => headline.startsWith(prefix));

describe('the lists ranked by counted views', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());
  beforeEach(async () => {
    t.clock.set(TEST_NOW);
    await t.deps.settings.updatePublication({ popularNowHours: 3, weeklyBestMaxAgeDays: 7 });
  });

  it('Weekly Best: views of the last seven days, to the edge, among stories within the age cap', async () => {
    const now = t.clock.now().getTime();
    const section = await t.factories.section();
    const edge = await t.factories.article({ section, headline: 'WB edge', hoursAgo: 150 });
    const outside = await t.factories.article({ section, headline: 'WB outside', hoursAgo: 150 });
    const old = await t.factories.article({ section, headline: 'WB too old', publishedAt: new Date(now - 8 * DAY_MS) });
    // Exactly seven days ago counts; a millisecond earlier does not.
    await t.factories.views(edge.id, 50, { hourStart: new Date(now - 7 * DAY_MS) });
    await t.factories.views(outside.id, 500, { hourStart: new Date(now - 7 * DAY_MS - HOUR_MS) });
    await t.factories.views(outside.id, 10, { hoursAgo: 1 });
    await t.factories.views(old.id, 5_000, { hoursAgo: 2 });
    await t.deps.lists.refresh();
    const ranked = headlines(t.deps.lists.current.weeklyBest);
    assert.ok(ranked.indexOf('WB edge') < ranked.indexOf('WB outside'), ranked.join(', '));
    assert.ok(!ranked.includes('WB too old'), 'published 8 days ago: past the 7-day age cap');

    await t.deps.settings.updatePublication({ weeklyBestMaxAgeDays: 10 });
    assert.equal(t.deps.lists.current.weeklyBest[0]?.headline, 'WB too old', 'a 10-day cap lets it in');
  });

  it('a section’s Weekly Best ranks that section’s own stories, though none of them makes the site’s top 12', async () => {
    const loud = await t.factories.section();
    const quiet = await t.factories.section();
    for (let i = 0; i < 13; i++) {
      const story = await t.factories.article({ section: loud, headline: `SW loud ${i}`, hoursAgo: 5 });
      await t.factories.views(story.id, 30 + i, { hoursAgo: 1 });
    }
    const fewViews = await t.factories.article({ section: quiet, headline: 'SW quiet few', hoursAgo: 4 });
    const moreViews = await t.factories.article({ section: quiet, headline: 'SW quiet more', hoursAgo: 6 });
    await t.factories.article({ section: quiet, headline: 'SW quiet unread', hoursAgo: 2 });
    await t.factories.views(fewViews.id, 5, { hoursAgo: 1 });
    await t.factories.views(moreViews.id, 20, { hoursAgo: 1 });
    await t.deps.lists.refresh();
    assert.deepEqual(own(t.deps.lists.current.weeklyBest, 'SW quiet'), [], 'the site’s list is all loud stories');
    const ranked = await t.deps.lists.weeklyBestOfSection(quiet.id, 8);
    assert.deepEqual(headlines(ranked), ['SW quiet more', 'SW quiet few'], 'by views; an unread story is not ranked');
    assert.deepEqual(headlines(await t.deps.lists.weeklyBestOfSection(quiet.id, 1)), ['SW quiet more']);
  });

  it('a view that came from a click on a list does not count towards that list', async () => {
    const section = await t.factories.section();
    const clicked = await t.factories.article({ section, headline: 'Clicked from the lists', hoursAgo: 3 });
    const organic = await t.factories.article({ section, headline: 'Found on its own', hoursAgo: 3 });
    await t.factories.views(clicked.id, 900, { hoursAgo: 1, viaPopularNow: 850, viaWeeklyBest: 850 });
    await t.factories.views(organic.id, 100, { hoursAgo: 1 });
    await t.deps.lists.refresh();
    const { weeklyBest, popularNow } = t.deps.lists.current;
    for (const list of [weeklyBest, popularNow]) {
      const ranked = headlines(list);
      assert.ok(ranked.indexOf('Found on its own') < ranked.indexOf('Clicked from the lists'), ranked.join(', '));
    }
    // The story's own count is every view, wherever it came from.
    const page = await t.app.inject(`/article/${clicked.slug}`);
    assert.match(page.body, /Views 900\b/);
  });

  it('Popular Now: the last few hours, rising stories first, as many hours as the settings say', async () => {
    const section = await t.factories.section();
    const rising = await t.factories.article({ section, headline: 'PN rising', hoursAgo: 10 });
    const fading = await t.factories.article({ section, headline: 'PN fading', hoursAgo: 10 });
    const yesterday = await t.factories.article({ section, headline: 'PN yesterday', hoursAgo: 30 });
    await t.factories.views(rising.id, 400, { hoursAgo: 0 });
    await t.factories.views(rising.id, 300, { hoursAgo: 1 });
    await t.factories.views(fading.id, 2_000, { hoursAgo: 2 });
    await t.factories.views(fading.id, 100, { hoursAgo: 0 });
    await t.factories.views(yesterday.id, 90_000, { hoursAgo: 20 });
    await t.deps.lists.refresh();
    assert.deepEqual(own(t.deps.lists.current.popularNow, 'PN'), ['PN rising', 'PN fading']);

    await t.deps.settings.updatePublication({ popularNowHours: 24 });
    assert.equal(own(t.deps.lists.current.popularNow, 'PN')[0], 'PN yesterday', 'a 24-hour window reaches yesterday’s burst');
  });

  it('recomputes Popular Now every minute and Weekly Best every ten, and both at once when content changes', async () => {
    const section = await t.factories.section();
    const story = await t.factories.article({ section, headline: 'Late riser', hoursAgo: 5 });
    await t.deps.lists.refresh();
    await t.factories.views(story.id, 100_000, { hoursAgo: 0 });

    t.clock.advance(60_000);
    await t.deps.lists.refresh({ scheduled: true });
    assert.equal(t.deps.lists.current.popularNow[0]?.headline, 'Late riser');
    assert.notEqual(t.deps.lists.current.weeklyBest[0]?.headline, 'Late riser', 'Weekly Best waits for its ten minutes');

    t.clock.advance(9 * 60_000);
    await t.deps.lists.refresh({ scheduled: true });
    assert.equal(t.deps.lists.current.weeklyBest[0]?.headline, 'Late riser');

    await t.factories.setStatus(story.id, 'unpublished');
    assert.ok(!headlines(t.deps.lists.current.weeklyBest).includes('Late riser'), 'unpublishing refreshes every list at once');
    assert.ok(!headlines(t.deps.lists.current.popularNow).includes('Late riser'));
  });
});

describe('Popular Now on a story’s own page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** The headlines of a page's Popular Now list, in order. */
  const popularNowOn = async (url: string) => {
    const body = (await t.app.inject(url)).body;
    const list = /<section[^>]*data-list="popular-now"[^>]*>([\s\S]*?)<\/section>/.exec(body)?.[1] ?? '';
    return [...list.matchAll(/<a href="[^"]*">([^<]*)<\/a>/g)].map((match) => match[1]);
  };

  it('leaves the story out and shows the next one, so the list keeps its five', async () => {
    const section = await t.factories.section();
    const stories = [];
    for (const [index, views] of [700, 600, 500, 400, 300, 200, 100].entries()) {
      const story = await t.factories.article({ section, headline: `PN story ${index + 1}`, hoursAgo: 5 });
      await t.factories.views(story.id, views, { hoursAgo: 1 });
      stories.push(story);
    }
    await t.deps.lists.refresh();
    const topFive = ['PN story 1', 'PN story 2', 'PN story 3', 'PN story 4', 'PN story 5'];
    assert.deepEqual(headlines(t.deps.lists.current.popularNow), topFive, 'the list itself keeps five');
    assert.deepEqual(await popularNowOn('/'), topFive);
    assert.deepEqual(await popularNowOn(`/article/${stories[0]?.slug}`), ['PN story 2', 'PN story 3', 'PN story 4', 'PN story 5', 'PN story 6']);
    assert.deepEqual(await popularNowOn(`/article/${stories[2]?.slug}`), ['PN story 1', 'PN story 2', 'PN story 4', 'PN story 5', 'PN story 6']);
    assert.deepEqual(await popularNowOn(`/article/${stories[6]?.slug}`), topFive, 'a story not in the list sees it whole');
  });
});
