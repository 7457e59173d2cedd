import type { Db } from '../../db/database.js';
import { COMMENT_EVENTS, commentedStories, STORY_EVENTS, type DomainEvent } from '../../shared/events.js';
import { findArticleById } from '../articles/index.js';
import { SURROGATE_KEYS, storyKeys, type StoryKeySource } from './surrogate-keys.js';

/** Beyond this many stories in one change, looking each up costs more than purging everything. */
export const MAX_STORIES_LOOKED_UP = 50;

/** A story as it is now (its section, authors, tags, series), or undefined when it is gone. */
export type StoryLookup = (id: string) => Promise<StoryKeySource | undefined>;

/** Reads a story's current keys from the database (the articles read API). */
export function databaseStoryLookup(db: Db): StoryLookup {
  return (id) => findArticleById(db, id);
}

/**
 * The surrogate keys an event makes stale. The one mapping from events to keys: the CDN purge
 * (cdn-purge.reaction.ts) and every node's page cache (web/http/page-cache.reaction.ts) both purge
 * exactly these, so what a CDN drops and what a node drops cannot drift apart.
 * - Story events: each story and every list page it is on now (its section, authors, tags,
 *   series; pages that listed it before carry its own key), plus what shows the latest stories:
 *   `lists`, `feeds`, `sitemaps`, `search`, `missing` (a story published later must not stay 404)
 *   and `api` (the Content API's answers, kept in the page cache).
 * - A live story's change (`live.changed`): that story's key alone, so an update every few seconds
 *   never empties the cache of the rest of the site.
 * - Comment events: the stories commented on, nothing else. The ranked lists show comment counts
 *   too, but they are purged (`lists`) only when they are recomputed with other stories in them
 *   (ranked-lists.service.ts calls back); until then their counts are at most a minute old, like
 *   the view counts (PAGE_MAX_AGE_MS).
 * - A story readers cannot see, saved (`story.saved`): nothing.
 * - A newsletter issue sent: the newsletters' archive pages and `missing`.
 * - Anything else (settings, sections, authors, tags, media, picks, the lead, the banner, static
 *   pages, an import, a node's start or resync) may show on every page: `site`, which purges all.
 */
export async function purgeKeysFor(event: DomainEvent, findStory: StoryLookup): Promise<string[]> {
  // A story readers cannot see was saved: no page shows it.
  if (event.name === 'story.saved') return [];
  if (isOneOf(event, STORY_EVENTS)) {
    if (event.articleIds.length > MAX_STORIES_LOOKED_UP) return [SURROGATE_KEYS.site];
    const keys: string[] = [
      SURROGATE_KEYS.lists,
      SURROGATE_KEYS.feeds,
      SURROGATE_KEYS.sitemaps,
      SURROGATE_KEYS.search,
      SURROGATE_KEYS.missing,
      SURROGATE_KEYS.api,
    ];
    const stories = await Promise.all(event.articleIds.map((id) => findStory(id)));
    event.articleIds.forEach((id, index) => {
      const story = stories[index];
      keys.push(...(story ? storyKeys(story) : [SURROGATE_KEYS.article(id)]));
    });
    if (event.name === 'story.deleted') keys.push(...event.removed.map((story) => SURROGATE_KEYS.article(story.id)));
    return [...new Set(keys)];
  }
  // A new issue: its newsletter's archive list, and the 404 its number answered until now.
  if (event.name === 'newsletter.issue-sent') return [SURROGATE_KEYS.newsletters, SURROGATE_KEYS.missing];
  // A live story's update: its own page (and its feed of updates, filed under it) alone.
  if (event.name === 'live.changed') return [SURROGATE_KEYS.article(event.articleId)];
  if (isOneOf(event, COMMENT_EVENTS)) return [...new Set(commentedStories(event).map((id) => SURROGATE_KEYS.article(id)))];
  return [SURROGATE_KEYS.site];
}

/**
 * `purgeKeysFor` with the look-ups done once per event: on the node where a change is made, the
 * page cache and the CDN purge ask for the same event's keys, and the stories are read once.
 */
export class PurgeKeys {
  private readonly computed = new WeakMap<DomainEvent, Promise<string[]>>();

  constructor(private readonly findStory: StoryLookup) {}

  keysFor(event: DomainEvent): Promise<string[]> {
    let keys = this.computed.get(event);
    if (!keys) {
      keys = purgeKeysFor(event, this.findStory);
      this.computed.set(event, keys);
    }
    return keys;
  }
}

function isOneOf<K extends DomainEvent['name']>(event: DomainEvent, names: readonly K[]): event is Extract<DomainEvent, { name: K }> {
  return (names as readonly string[]).includes(event.name);
}
