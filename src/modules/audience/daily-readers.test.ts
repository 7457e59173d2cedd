import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DailyReaders } from './daily-readers.js';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

describe('one view per reader per story per day', () => {
  it('counts a reader once a day per story, and tells readers apart by address and browser', async () => {
    const readers = new DailyReaders(() => 'UTC');
    const at = new Date('2026-11-20T10:00:00Z');
    assert.equal(await readers.firstViewToday('story-a', '203.0.113.5', CHROME, at), true);
    assert.equal(await readers.firstViewToday('story-a', '203.0.113.5', CHROME, at), false);
    assert.equal(await readers.firstViewToday('story-b', '203.0.113.5', CHROME, at), true, 'another story');
    assert.equal(await readers.firstViewToday('story-a', '203.0.113.6', CHROME, at), true, 'another address');
    assert.equal(await readers.firstViewToday('story-a', '203.0.113.5', `${CHROME} Edg/131`, at), true, 'another browser');
    assert.equal(readers.size, 4);
  });

  it('starts a new day at midnight in the publication’s time zone, not in UTC', async () => {
    const readers = new DailyReaders(() => 'America/New_York');
    // 19:30 and 20:30 in New York on 20 November: the UTC date changes between them, New York's does not.
    assert.equal(await readers.firstViewToday('story', '198.51.100.1', CHROME, new Date('2026-11-21T00:30:00Z')), true);
    assert.equal(await readers.firstViewToday('story', '198.51.100.1', CHROME, new Date('2026-11-21T01:30:00Z')), false);
    assert.equal(await readers.firstViewToday('story', '198.51.100.1', CHROME, new Date('2026-11-21T04:59:59Z')), false, '23:59:59 in New York');
    // 00:00 on 21 November in New York (UTC−5): a new day, a new salt, everyone counts again.
    assert.equal(await readers.firstViewToday('story', '198.51.100.1', CHROME, new Date('2026-11-21T05:00:00Z')), true);
    assert.equal(readers.size, 1, 'yesterday’s readers are forgotten');
  });

  it('keeps nothing that names a reader: only salted digests, and a new salt each day', async () => {
    const readers = new DailyReaders(() => 'UTC');
    await readers.firstViewToday('story', '192.0.2.44', CHROME, new Date('2026-11-20T10:00:00Z'));
    const held = JSON.stringify([...(readers as unknown as { seen: Set<string> }).seen]);
    assert.doesNotMatch(held, /192\.0\.2\.44|Chrome/);
  });

  it('stops remembering new readers when full, and still counts their views', async () => {
    const readers = new DailyReaders(() => 'UTC', 2);
    const at = new Date('2026-11-20T10:00:00Z');
    assert.equal(await readers.firstViewToday('story', '192.0.2.1', CHROME, at), true);
    assert.equal(await readers.firstViewToday('story', '192.0.2.2', CHROME, at), true);
    assert.equal(await readers.firstViewToday('story', '192.0.2.3', CHROME, at), true, 'past the cap: counted');
    assert.equal(await readers.firstViewToday('story', '192.0.2.3', CHROME, at), true, 'and not remembered');
    assert.equal(await readers.firstViewToday('story', '192.0.2.1', CHROME, at), false, 'readers held before the cap stay held');
    assert.equal(readers.size, 2);
    // A new day empties the set: new readers are remembered again.
    const tomorrow = new Date('2026-11-21T10:00:00Z');
    assert.equal(await readers.firstViewToday('story', '192.0.2.3', CHROME, tomorrow), true);
    assert.equal(await readers.firstViewToday('story', '192.0.2.3', CHROME, tomorrow), false);
  });
});
