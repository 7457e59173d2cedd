import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDaysToKey, formatZonedDateTime, parseZonedDateTime, startOfZonedDay, zonedDayKey } from './zoned-time.js';

describe('wall-clock times in the publication’s time zone', () => {
  it('reads a datetime-local value in the given zone, across daylight saving', () => {
    assert.equal(parseZonedDateTime('2026-11-20T14:30', 'Asia/Seoul')?.toISOString(), '2026-11-20T05:30:00.000Z');
    assert.equal(parseZonedDateTime('2026-07-01T12:00', 'America/New_York')?.toISOString(), '2026-07-01T16:00:00.000Z');
    assert.equal(parseZonedDateTime('2026-01-01T12:00', 'America/New_York')?.toISOString(), '2026-01-01T17:00:00.000Z');
    assert.equal(formatZonedDateTime(new Date('2026-11-20T05:30:00Z'), 'Asia/Seoul'), '2026-11-20T14:30');
  });

  it('refuses what is not a real time', () => {
    for (const value of ['', 'tomorrow', '2026-02-30T12:00', '2026-11-20T24:00', '2026-11-20 12:00']) {
      assert.equal(parseZonedDateTime(value, 'UTC'), undefined, value);
    }
  });
});

describe('local days in the publication’s time zone', () => {
  it('names the local day an instant falls on, behind and ahead of UTC', () => {
    assert.equal(zonedDayKey(new Date('2026-11-20T03:30:00Z'), 'America/New_York'), '2026-11-19');
    assert.equal(zonedDayKey(new Date('2026-11-20T05:00:00Z'), 'America/New_York'), '2026-11-20');
    assert.equal(zonedDayKey(new Date('2026-11-19T15:00:00Z'), 'Asia/Seoul'), '2026-11-20');
  });

  it('counts days across month and year ends', () => {
    assert.equal(addDaysToKey('2026-03-01', -1), '2026-02-28');
    assert.equal(addDaysToKey('2026-12-31', 1), '2027-01-01');
    assert.equal(addDaysToKey('2026-11-20', -29), '2026-10-22');
  });

  it('starts a local day at its midnight, across daylight saving and half-hour offsets', () => {
    assert.equal(startOfZonedDay('2026-11-19', 'America/New_York').toISOString(), '2026-11-19T05:00:00.000Z');
    assert.equal(startOfZonedDay('2026-10-21', 'America/New_York').toISOString(), '2026-10-21T04:00:00.000Z');
    assert.equal(startOfZonedDay('2026-11-20', 'Asia/Kolkata').toISOString(), '2026-11-19T18:30:00.000Z');
    // Chile moves its clocks from 00:00 to 01:00 on 6 September 2026: that day starts at 01:00 (UTC−3).
    assert.equal(startOfZonedDay('2026-09-06', 'America/Santiago').toISOString(), '2026-09-06T04:00:00.000Z');
  });
});
