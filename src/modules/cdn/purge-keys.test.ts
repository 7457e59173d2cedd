import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_NAMES, type DomainEvent } from '../../shared/events.js';
import { MAX_STORIES_LOOKED_UP, PurgeKeys, purgeKeysFor, type StoryLookup } from './purge-keys.js';
import type { StoryKeySource } from './surrogate-keys.js';

/** Stories as the look-up finds them now: s1 in section x by author a with tag t, s2 gone. */
const lookup: StoryLookup = async (id) =>
  id === 's1'
    ? ({ id, section: { id: 'x' }, authors: [{ id: 'a' }], tags: [{ id: 't' }], series: { id: 'p' } } as unknown as StoryKeySource)
    : undefined;

const LATEST = ['lists', 'feeds', 'sitemaps', 'search', 'missing', 'api'];

describe('the keys an event makes stale (one mapping for the page cache and the CDN)', () => {
  it('a story: it, the pages it is listed on now, and what shows the latest stories', async () => {
    assert.deepEqual(await purgeKeysFor({ name: 'story.updated', articleIds: ['s1'] }, lookup), [
      ...LATEST,
      'article-s1',
      'section-x',
      'author-a',
      'tag-t',
      'series-p',
    ]);
    // Gone from the database (deleted): its own key, which every page listing it carries.
    assert.deepEqual(
      await purgeKeysFor({ name: 'story.deleted', articleIds: ['s2'], removed: [{ id: 's2', slug: 'harbour', headline: 'Harbour' }] }, lookup),
      [...LATEST, 'article-s2'],
    );
  });

  it('a comment: the stories commented on, not the lists and not the site', async () => {
    assert.deepEqual(await purgeKeysFor({ name: 'comment.posted', articleId: 's1', commentId: 'c1' }, lookup), ['article-s1']);
    assert.deepEqual(await purgeKeysFor({ name: 'reader.banned', readerId: 'r', articleIds: ['s1', 's2', 's1'] }, lookup), [
      'article-s1',
      'article-s2',
    ]);
  });

  it('a newsletter issue sent: the archive’s pages and the 404 its number answered', async () => {
    assert.deepEqual(await purgeKeysFor({ name: 'newsletter.issue-sent', newsletterKey: 'briefing' }, lookup), ['newsletters', 'missing']);
  });

  it('anything else, or too many stories to look up: everything (`site`)', async () => {
    const specific = ['story.', 'comment.', 'reader.', 'newsletter.', 'live.'];
    for (const name of EVENT_NAMES.filter((name) => !specific.some((prefix) => name.startsWith(prefix)))) {
      const event = { name, kind: 'tag', ids: [], part: 'picks', mediaIds: [], slug: 'about' } as unknown as DomainEvent;
      assert.deepEqual(await purgeKeysFor(event, lookup), ['site'], name);
    }
    const many = Array.from({ length: MAX_STORIES_LOOKED_UP + 1 }, (_, index) => `s${index}`);
    assert.deepEqual(await purgeKeysFor({ name: 'story.published', articleIds: many, scheduled: false }, lookup), ['site']);
  });

  it('a live story’s change: that story’s page alone, never the lists or the site', async () => {
    assert.deepEqual(await purgeKeysFor({ name: 'live.changed', articleId: 's1', sequence: 7 }, lookup), ['article-s1']);
  });

  it('looks the stories up once per event, however many ask', async () => {
    let lookups = 0;
    const keys = new PurgeKeys(async (id) => {
      lookups++;
      return lookup(id);
    });
    const event: DomainEvent = { name: 'story.published', articleIds: ['s1'], scheduled: false };
    assert.deepEqual(await keys.keysFor(event), await keys.keysFor(event));
    assert.equal(lookups, 1);
  });
});
