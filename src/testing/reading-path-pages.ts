import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { STATIC_PAGE_SLUGS } from '../modules/pages/index.js';

/** One page a reader (or a partner's API client) asks for, and the status it should answer. */
export interface ReadingPage {
  /** The page type, as docs/performance.md names it. */
  type: string;
  url: string;
  status: number;
  /** Content API: sent with the test's API key. */
  api?: boolean;
  /** Another story on each archive, perhaps without a series or photos: held to the budget, not to the same count. */
  storyVaries?: boolean;
}

/**
 * A URL of every page type on the reading path, picked from whatever archive the database holds
 * (a seeded or generated one): the newest visible story with a series and tags (and comments, if
 * any story has some), its
 * section, first author, first tag and series, a withdrawn story, a word of its headline. Read
 * straight from the tables, outside any statement recording.
 */
export async function readingPages(db: Db, now: Date): Promise<ReadingPage[]> {
  const nowIso = now.toISOString();
  const story = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .innerJoin('series', 'series.id', 'articles.series_id')
    .select(['articles.id', 'articles.slug', 'articles.headline', 'sections.slug as section_slug', 'series.slug as series_slug'])
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', nowIso)
    .where('articles.embargo_until', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('article_tags').select('article_tags.tag_id').whereRef('article_tags.article_id', '=', 'articles.id')))
    // One with comments when there is one, so the page reads them too.
    .orderBy(sql`case when articles.comment_count > 0 then 0 else 1 end`)
    .orderBy('articles.published_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const author = await db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select('authors.slug')
    .where('article_authors.article_id', '=', story.id)
    .orderBy('article_authors.position')
    .executeTakeFirstOrThrow();
  const tag = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select('tags.slug')
    .where('article_tags.article_id', '=', story.id)
    .orderBy('article_tags.position')
    .executeTakeFirstOrThrow();
  // The most commented story too: a full page of threads, and the replies of many at once.
  const mostCommented = await db
    .selectFrom('articles')
    .select('slug')
    .where('status', '=', 'published')
    .where('published_at', '<=', nowIso)
    .where('embargo_until', 'is', null)
    .orderBy('comment_count', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const gone = await db.selectFrom('articles').select('slug').where('status', '=', 'unpublished').limit(1).executeTakeFirst();
  const q = searchWordOf(story.headline);
  const freeStanding = await db
    .selectFrom('static_pages')
    .select('slug')
    .where('slug', 'not in', [...STATIC_PAGE_SLUGS])
    .orderBy('slug')
    .limit(1)
    .executeTakeFirst();
  return [
    { type: 'home', url: '/', status: 200 },
    { type: 'article', url: `/article/${story.slug}`, status: 200 },
    { type: 'article, most comments', url: `/article/${mostCommented.slug}`, status: 200, storyVaries: true },
    { type: 'article (404)', url: '/article/no-such-story', status: 404 },
    // A withdrawn story, when the archive has one.
    ...(gone ? [{ type: 'article (410)', url: `/article/${gone.slug}`, status: 410 }] : []),
    { type: 'section', url: `/section/${story.section_slug}`, status: 200 },
    { type: 'section, page 2', url: `/section/${story.section_slug}?page=2`, status: 200 },
    { type: 'author', url: `/author/${author.slug}`, status: 200 },
    { type: 'tag', url: `/tag/${tag.slug}`, status: 200 },
    { type: 'series', url: `/series/${story.series_slug}`, status: 200 },
    { type: 'static page', url: '/about', status: 200 },
    // A free-standing page (an imported one), with a picture, when the archive has one.
    ...(freeStanding ? [{ type: 'static page (free-standing)', url: `/pages/${freeStanding.slug}`, status: 200 }] : []),
    { type: 'search', url: `/search?q=${q}`, status: 200 },
    // A word in nearly every story, narrowed to a section and a period: the newest matches only.
    { type: 'search, common word, section, dates', url: `/search?q=the&section=${story.section_slug}&from=2000-01-01`, status: 200 },
    { type: 'feed (site)', url: '/feed.xml', status: 200 },
    { type: 'feed (section)', url: `/section/${story.section_slug}/feed.xml`, status: 200 },
    { type: 'feed (author)', url: `/author/${author.slug}/feed.xml`, status: 200 },
    { type: 'feed (series)', url: `/series/${story.series_slug}/feed.xml`, status: 200 },
    { type: 'sitemap index', url: '/sitemap.xml', status: 200 },
    { type: 'API: articles', url: '/api/v1/articles', status: 200, api: true },
    { type: 'API: articles of a section', url: `/api/v1/articles?section=${story.section_slug}`, status: 200, api: true },
    { type: 'API: articles of a tag', url: `/api/v1/articles?tag=${tag.slug}`, status: 200, api: true },
    { type: 'API: article', url: `/api/v1/articles/${story.slug}`, status: 200, api: true },
    { type: 'API: section', url: `/api/v1/sections/${story.section_slug}`, status: 200, api: true },
    { type: 'API: author', url: `/api/v1/authors/${author.slug}`, status: 200, api: true },
    { type: 'API: search', url: `/api/v1/search?q=${q}`, status: 200, api: true },
  ];
}

/** A query that finds this headline's story: its longest word of five letters or more, URL-encoded. */
export function searchWordOf(headline: string): string {
  const word = headline
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 5)
    .sort((a, b) => b.length - a.length)[0];
  return encodeURIComponent(word ?? 'news');
}
