import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSafeLink } from './curation.service.js';
import { formatZonedDateTime, parseZonedDateTime } from './zoned-time.js';

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

describe('banner links', () => {
  it('allows http(s) addresses and paths on this site only', () => {
    for (const link of ['/section/world', '/', 'https://example.com/a?b=c', 'http://example.com']) assert.ok(isSafeLink(link), link);
    for (const link of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', '//evil.example', '/\\evil.example', 'vbscript:x', 'mailto:a@b.c', 'example.com']) {
      assert.ok(!isSafeLink(link), link);
    }
  });
});
