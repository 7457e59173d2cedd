import type { Article, ArticleSummary } from '../articles/index.js';

/**
 * Surrogate keys: the names a CDN files each public response under, so one purge request drops
 * every cached page a change touches (docs/cdn.md). Pages list their keys while they render; the
 * purger (cdn-purger.ts) names the same keys when content changes. Both use these builders, so the
 * two sides cannot drift apart.
 */
export const SURROGATE_KEYS = {
  /** On every public response: purging it empties the whole CDN (settings, sections, media …). */
  site: 'site',
  /** Pages showing ranked lists or the latest stories (home, article pages). */
  lists: 'lists',
  feeds: 'feeds',
  sitemaps: 'sitemaps',
  search: 'search',
  /** 404 and 410 answers: a story published or restored later must not stay missing at the CDN. */
  missing: 'missing',
  /**
   * Content API answers listing stories or counting them. Kept only in each node's page cache: they
   * are private to a partner's key, so no CDN holds them, but purging it there is harmless.
   */
  api: 'api',
  /** The newsletters' public archive (/newsletters/<key> and each issue's page). */
  newsletters: 'newsletters',
  article: (id: string) => `article-${id}`,
  section: (id: string) => `section-${id}`,
  author: (id: string) => `author-${id}`,
  series: (id: string) => `series-${id}`,
  tag: (id: string) => `tag-${id}`,
} as const;

/** What a story's keys are made of. */
export type StoryKeySource = Pick<ArticleSummary, 'id' | 'section' | 'authors' | 'series'> & Partial<Pick<Article, 'tags'>>;

/**
 * A story's own key and the keys of every list page it appears on (its section, authors, tags and
 * series). Purged together when the story changes, so a newly published story shows on its section
 * page at once, not only on its own.
 */
export function storyKeys(story: StoryKeySource): string[] {
  return [
    SURROGATE_KEYS.article(story.id),
    SURROGATE_KEYS.section(story.section.id),
    ...story.authors.map((author) => SURROGATE_KEYS.author(author.id)),
    ...(story.tags ?? []).map((tag) => SURROGATE_KEYS.tag(tag.id)),
    ...(story.series ? [SURROGATE_KEYS.series(story.series.id)] : []),
  ];
}

/** The stories a list page shows: an edited headline must reach every page showing it. */
export function listedStoryKeys(stories: readonly Pick<ArticleSummary, 'id'>[]): string[] {
  return stories.map((story) => SURROGATE_KEYS.article(story.id));
}

/** Without duplicates, `site` first, in a stable order so equal pages send equal headers. */
export function normaliseKeys(keys: Iterable<string>): string[] {
  const unique = new Set(keys);
  unique.delete(SURROGATE_KEYS.site);
  return [SURROGATE_KEYS.site, ...[...unique].sort()];
}
