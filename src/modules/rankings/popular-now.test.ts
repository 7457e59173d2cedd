import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { popularNowSince, rankPopularNow, type HourlyViews } from './popular-now.js';

const NOW = new Date('2026-11-20T12:30:00Z');
const CURRENT_HOUR = Date.parse('2026-11-20T12:00:00Z');
const published = new Date('2026-11-20T06:00:00Z');

function hour(articleId: string, hoursAgo: number, views: number, publishedAt = published): HourlyViews {
  return { articleId, publishedAt, hourStart: new Date(CURRENT_HOUR - hoursAgo * HOUR_MS), views };
}

describe('Popular Now', () => {
  it('reads the current hour and the hours before it, as many as configured', () => {
    assert.equal(popularNowSince(NOW, 3).toISOString(), '2026-11-20T10:00:00.000Z');
    assert.equal(popularNowSince(NOW, 1).toISOString(), '2026-11-20T12:00:00.000Z');
  });

  it('favours a story whose views are rising over one with as many that are falling', () => {
    const rows = [
      hour('rising', 2, 10),
      hour('rising', 1, 30),
      hour('rising', 0, 30),
      hour('falling', 2, 60),
      hour('falling', 1, 10),
      hour('falling', 0, 0),
    ];
    assert.deepEqual(rankPopularNow(rows, NOW, 3, 5), ['rising', 'falling']);
  });

  it('counts only the window: an hour just before it is left out', () => {
    const rows = [hour('old-burst', 3, 1_000), hour('steady', 2, 5)];
    assert.deepEqual(rankPopularNow(rows, NOW, 3, 5), ['steady']);
    assert.deepEqual(rankPopularNow(rows, NOW, 4, 5), ['old-burst', 'steady'], 'a wider window includes it');
  });

  it('scales the current, unfinished hour up to a full hour, at most six times', () => {
    // 30 minutes in: 20 views now are worth 40 in a full hour, more than 35 in the last hour (×½).
    assert.deepEqual(rankPopularNow([hour('now', 0, 20), hour('before', 1, 70)], NOW, 3, 5), ['now', 'before']);
    const justAfterTheHour = new Date(CURRENT_HOUR + 60_000);
    // One minute in, 10 views count as 60, not 600: less than last hour's 140 × ½.
    assert.deepEqual(rankPopularNow([hour('now', 0, 10), hour('before', 1, 140)], justAfterTheHour, 3, 5), ['before', 'now']);
  });

  it('puts the newer story first among equals, leaves out stories without views, and keeps to the size', () => {
    const newer = new Date('2026-11-20T09:00:00Z');
    const rows = [hour('older', 1, 8), hour('newer', 1, 8, newer), hour('none', 1, 0), ...['a', 'b', 'c', 'd'].map((id) => hour(id, 2, 1))];
    const ranked = rankPopularNow(rows, NOW, 3, 5);
    assert.deepEqual(ranked.slice(0, 2), ['newer', 'older']);
    assert.equal(ranked.length, 5);
    assert.ok(!ranked.includes('none'));
  });
});
