import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, TEST_NOW, type TestApp } from '../../testing/test-app.js';
import { AudienceReportService, type AudiencePeriod } from './audience-report.service.js';
import { addViewCounts } from './view-count.repository.js';

/**
 * TEST_NOW is 2026-11-20 03:00 UTC: 22:00 on Thursday 19 November in New York (UTC−5), so "today"
 * there began at 2026-11-19 05:00 UTC, "7 days" at 2026-11-13 05:00 UTC and "30 days" at
 * 2026-10-21 04:00 UTC (daylight saving time, UTC−4, still ran then).
 */
describe('the audience report, for a publication in New York', () => {
  let t: TestApp;
  let service: AudienceReportService;
  const ids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };

  before(async () => {
    t = await createTestApp();
    assert.equal(TEST_NOW, '2026-11-20T03:00:00.000Z', 'the figures below are worked out for this clock');
    await t.deps.settings.updatePublication({ timeZone: 'America/New_York' });
    service = new AudienceReportService(t.deps.db, t.deps.clock, t.deps.settings);
    const world = await t.factories.section({ slug: 'world', name: 'World' });
    const business = await t.factories.section({ slug: 'business', name: 'Business' });
    const ana = await t.factories.author({ slug: 'ana', name: 'Ana' });
    const ben = await t.factories.author({ slug: 'ben', name: 'Ben' });
    const cy = await t.factories.author({ slug: 'cy', name: 'Cy' });
    ids.a = (await t.factories.article({ headline: 'Story A', section: world, authorIds: [ana.id], hoursAgo: 24 * 60 })).id;
    ids.b = (await t.factories.article({ headline: 'Story B', section: business, authorIds: [ana.id, ben.id], hoursAgo: 24 * 60 })).id;
    ids.c = (await t.factories.article({ headline: 'Story C', section: world, authorIds: [cy.id], hoursAgo: 24 * 60 })).id;
    const views = (articleId: string, hourStart: string, count: number) => ({
      articleId,
      hourStart: new Date(hourStart),
      views: count,
      viaPopularNow: 0,
      viaWeeklyBest: 0,
    });
    await addViewCounts(t.deps.db, [
      views(ids.a, '2026-11-20T03:00:00Z', 2), // the current hour: 22:00 on the 19th in New York
      views(ids.a, '2026-11-19T05:00:00Z', 3), // local midnight: the first hour of today
      views(ids.a, '2026-11-19T03:00:00Z', 7), // 22:00 on the 18th: the day before, though the 19th in UTC
      views(ids.a, '2026-11-18T04:00:00Z', 11), // the oldest of the last 48 hours
      views(ids.a, '2026-11-18T03:00:00Z', 13), // one hour too old for the hourly chart; the 17th locally
      views(ids.a, '2026-10-21T04:00:00Z', 17), // local midnight 29 days ago: the first hour of the 30 days
      views(ids.a, '2026-10-21T03:00:00Z', 19), // 23:00 on 20 October: outside every window
      views(ids.b, '2026-11-19T05:00:00Z', 4), // today's first hour
      views(ids.b, '2026-11-13T05:00:00Z', 20), // the first hour of the 7 days
      views(ids.c, '2026-11-19T04:00:00Z', 30), // the last hour before today
      views(ids.c, '2026-11-13T04:00:00Z', 40), // the last hour before the 7 days
    ]);
  });
  after(() => t.close());

  const report = (period: AudiencePeriod, filter: { sectionSlug?: string; authorSlug?: string } = {}) => service.report({ period, ...filter });
  const top = async (period: AudiencePeriod, filter: { sectionSlug?: string; authorSlug?: string } = {}) =>
    (await report(period, filter)).topStories.map((story) => [story.headline, story.views]);

  it('sums views per UTC hour over the last 48 hours, the current hour last and empty hours as 0', async () => {
    const { hours } = await report('7d');
    assert.equal(hours.length, 48);
    assert.deepEqual(hours[0], { start: new Date('2026-11-18T04:00:00Z'), views: 11 });
    assert.deepEqual(hours[47], { start: new Date('2026-11-20T03:00:00Z'), views: 2 });
    assert.equal(hours.find((hour) => hour.start.toISOString() === '2026-11-19T05:00:00.000Z')?.views, 7, 'two stories in one hour');
    assert.equal(hours.find((hour) => hour.start.toISOString() === '2026-11-19T06:00:00.000Z')?.views, 0);
    assert.equal(
      hours.reduce((sum, hour) => sum + hour.views, 0),
      11 + 7 + 30 + 3 + 4 + 2,
    );
  });

  it('sums views per local day over the last 30 days: 03:00 UTC is the evening before in New York', async () => {
    const { days } = await report('30d');
    assert.equal(days.length, 30);
    assert.deepEqual(days[0], { day: '2026-10-21', start: new Date('2026-10-21T04:00:00Z'), views: 17 });
    const byDay = Object.fromEntries(days.filter((day) => day.views > 0).map((day) => [day.day, day.views]));
    assert.deepEqual(byDay, {
      '2026-10-21': 17,
      '2026-11-12': 40,
      '2026-11-13': 20,
      '2026-11-17': 11 + 13,
      '2026-11-18': 7 + 30,
      '2026-11-19': 2 + 3 + 4,
    });
    assert.equal(days[29]?.day, '2026-11-19', 'today, in New York, comes last');
    assert.equal(days[29]?.start.toISOString(), '2026-11-19T05:00:00.000Z');
  });

  it('ranks the top stories in each period, each window opening at local midnight', async () => {
    assert.deepEqual(await top('today'), [
      ['Story A', 5],
      ['Story B', 4],
    ]);
    assert.deepEqual(await top('7d'), [
      ['Story A', 36],
      ['Story C', 30],
      ['Story B', 24],
    ]);
    assert.deepEqual(await top('30d'), [
      ['Story C', 70],
      ['Story A', 53],
      ['Story B', 24],
    ]);
    const [first] = (await report('30d')).topStories;
    assert.equal(first?.rank, 1);
    assert.equal(first?.totalViews, 70, 'the running total, all time');
    assert.equal(first?.section.name, 'World');
    assert.deepEqual(
      first?.authors.map((author) => author.name),
      ['Cy'],
    );
    assert.equal((await report('today')).periodViews, 9);
    assert.equal((await report('7d')).periodViews, 90);
    assert.equal((await report('30d')).periodViews, 147);
  });

  it('sums the period per section and per author, a two-author story counting for both', async () => {
    const week = await report('7d');
    assert.deepEqual(
      week.bySection.map((row) => [row.name, row.views]),
      [
        ['World', 66],
        ['Business', 24],
      ],
    );
    assert.deepEqual(
      week.byAuthor.map((row) => [row.name, row.views]),
      [
        ['Ana', 60],
        ['Cy', 30],
        ['Ben', 24],
      ],
    );
    const [b] = (await report('today', { authorSlug: 'ben' })).topStories;
    assert.deepEqual(
      b?.authors.map((author) => author.name),
      ['Ana', 'Ben'],
      'in byline order',
    );
  });

  it('narrows charts, top stories and groups to a section, an author or both', async () => {
    const business = await report('7d', { sectionSlug: 'business' });
    assert.equal(business.section?.name, 'Business');
    assert.deepEqual(
      business.topStories.map((story) => story.headline),
      ['Story B'],
    );
    assert.equal(
      business.hours.reduce((sum, hour) => sum + hour.views, 0),
      4,
    );
    assert.equal(
      business.days.reduce((sum, day) => sum + day.views, 0),
      24,
    );
    assert.deepEqual(
      business.byAuthor.map((row) => [row.name, row.views]),
      [
        ['Ana', 24],
        ['Ben', 24],
      ],
    );
    assert.deepEqual(await top('7d', { authorSlug: 'ana' }), [
      ['Story A', 36],
      ['Story B', 24],
    ]);
    assert.deepEqual(await top('30d', { authorSlug: 'ben' }), [['Story B', 24]]);
    assert.deepEqual(await top('30d', { sectionSlug: 'world', authorSlug: 'cy' }), [['Story C', 70]]);
    assert.deepEqual(await top('30d', { sectionSlug: 'business', authorSlug: 'cy' }), []);
  });

  const withCode = (code: ErrorCode) => (error: unknown) => error instanceof AppError && error.code === code;

  it('refuses an unknown period, section or author with a coded error', async () => {
    assert.deepEqual(service.parseQuery({}), { period: '7d' });
    assert.deepEqual(service.parseQuery({ period: 'today', section: 'world', author: '' }), { period: 'today', sectionSlug: 'world' });
    assert.throws(() => service.parseQuery({ period: 'week' }), withCode('ERR_AUDIENCE_PERIOD_INVALID'));
    assert.throws(() => service.parseQuery({ period: ['today', '7d'] }), withCode('ERR_AUDIENCE_PERIOD_INVALID'));
    assert.throws(() => service.parseQuery({ section: ['world', 'business'] }), withCode('ERR_BAD_REQUEST'));
    await rejectsWithCode(report('7d', { sectionSlug: 'no-such-section' }), 'ERR_SECTION_NOT_FOUND');
    await rejectsWithCode(report('7d', { authorSlug: 'no-such-author' }), 'ERR_AUTHOR_NOT_FOUND');
  });
});
