import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDaysToKey, formatZonedDateTime, formatZonedIsoDateTime, parseZonedDateTime, startOfZonedDay, zonedDayKey } from './zoned-time.js';

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

describe('offsets kept per zone and hour', () => {
  const formats = new Map<string, Intl.DateTimeFormat>();
  /** The wall clock as Intl gives it, for every instant on its own: what the kept offsets must match. */
  function intlIso(date: Date, timeZone: string): string {
    const options = {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    } as const;
    const format = formats.get(timeZone) ?? new Intl.DateTimeFormat('en-US', options);
    formats.set(timeZone, format);
    const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
    const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).slice(3);
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
  }

  it('agree with Intl at every instant around daylight-saving changes, whole-hour, half-hour and 45-minute zones alike', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'Asia/Seoul', 'UTC'];
    // Windows around 2026's changes in the northern and southern hemispheres, stepped by 11 min 13 s.
    const windows = [
      '2026-03-08T00:00:00Z',
      '2026-03-29T00:00:00Z',
      '2026-04-04T12:00:00Z',
      '2026-09-26T12:00:00Z',
      '2026-10-04T12:00:00Z',
      '2026-11-01T00:00:00Z',
    ];
    for (const timeZone of zones) {
      for (const start of windows) {
        for (let t = Date.parse(start); t < Date.parse(start) + 2 * 86_400_000; t += 673_000) {
          const date = new Date(t);
          assert.equal(formatZonedIsoDateTime(date, timeZone), intlIso(date, timeZone), `${timeZone} ${date.toISOString()}`);
          // Asked again, from what was kept.
          assert.equal(formatZonedIsoDateTime(date, timeZone), intlIso(date, timeZone), `${timeZone} ${date.toISOString()}, again`);
        }
      }
    }
  });
});
