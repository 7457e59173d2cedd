import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

const headlines = (stories: Array<{ headline: string }>) => stories.map((story) => story.headline);

describe('ranked lists', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('keeps Must-Reads in the editors’ order, drops expired picks and unpublished stories', async () => {
    const a = await t.factories.article({ headline: 'Pick A' });
    const b = await t.factories.article({ headline: 'Pick B' });
    const c = await t.factories.article({ headline: 'Pick C' });
    await t.factories.pick(b.id, 0);
    await t.factories.pick(a.id, 1, new Date(t.clock.now().getTime() + HOUR_MS));
    await t.factories.pick(c.id, 2);
    assert.deepEqual(headlines(t.deps.lists.current.mustReads), ['Pick B', 'Pick A', 'Pick C']);

    t.clock.advance(2 * HOUR_MS);
    await t.deps.lists.refresh();
    assert.deepEqual(headlines(t.deps.lists.current.mustReads), ['Pick B', 'Pick C']);

    await t.factories.setStatus(c.id, 'unpublished');
    assert.deepEqual(headlines(t.deps.lists.current.mustReads), ['Pick B']);
  });

  it('leaves the current story out of its section’s Latest Stories', async () => {
    const section = await t.factories.section({ slug: 'debate', name: 'Debate' });
    const first = await t.factories.article({ section, headline: 'Debate one', hoursAgo: 2 });
    await t.factories.article({ section, headline: 'Debate two', hoursAgo: 1 });
    assert.deepEqual(headlines(t.deps.lists.sectionLatest(section.id, first.id)), ['Debate two']);
    const page = await t.app.inject(`/article/${first.slug}`);
    assert.match(page.body, /\[Debate\] Latest Stories/);
  });

  it('puts a scheduled story on the lists once its time comes, and drops cached pages then', async () => {
    const section = await t.factories.section();
    await t.factories.article({ section, headline: 'Goes live later', publishedAt: new Date(t.clock.now().getTime() + 30 * 60_000) });
    const home = await t.app.inject('/');
    assert.doesNotMatch(home.body, /Goes live later/);
    t.clock.advance(HOUR_MS);
    await t.deps.lists.refresh();
    const later = await t.app.inject('/');
    assert.equal(later.headers['x-page-cache'], 'miss');
    assert.match(later.body, /Goes live later/);
  });

  it('relates stories by shared tags, most shared first, never the story itself or its series', async () => {
    const series = await t.factories.series();
    const subject = await t.factories.article({ headline: 'Subject', tags: ['Ports', 'Trade', 'Korea'], seriesId: series.id, seriesPart: 1 });
    await t.factories.article({ headline: 'Same series', tags: ['Ports', 'Trade', 'Korea'], seriesId: series.id, seriesPart: 2 });
    await t.factories.article({ headline: 'Shares two', tags: ['Ports', 'Trade'] });
    await t.factories.article({ headline: 'Shares one', tags: ['Korea'] });
    await t.factories.article({ headline: 'Shares none', tags: ['Sport'] });
    const { related } = await t.deps.reading.article(subject.slug);
    assert.deepEqual(headlines(related), ['Shares two', 'Shares one']);
  });
});
