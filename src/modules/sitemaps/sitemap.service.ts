import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { coalesced, type RequestRun } from '../../shared/jobs/coalesced-run.js';
import { findNextVisibilityChange } from '../articles/index.js';
import { NEWS_MAX_STORIES, NEWS_WINDOW_MS, googleNewsLanguage } from './google-news.js';
import { sitemapIndexXml, urlsetXml, type SitemapUrl } from './sitemap-xml.js';
import {
  listAuthorLocations,
  listNewsStories,
  listSectionLocations,
  listSeriesLocations,
  listStaticPageLocations,
  listVisibleStoryLocations,
  type ListingLocation,
  type NewsStory,
} from './sitemap.repository.js';

/** The protocol's limit per sitemap file (sitemaps.org); the index may name 50,000 files. */
export const ARTICLES_PER_SITEMAP = 50_000;
/** The news sitemap's 48-hour window moves with the clock alone, so everything is rebuilt this often. */
export const SITEMAP_REFRESH_INTERVAL_MS = 60_000;

/**
 * Absolute URLs of the public pages, from the web layer (modules do not know the site's paths).
 * Plain functions, not methods: they are passed around on their own (`listingUrls(sections, urls.section)`).
 */
export interface SitemapUrls {
  home: () => string;
  article: (slug: string) => string;
  section: (slug: string) => string;
  author: (slug: string) => string;
  series: (slug: string) => string;
  staticPage: (slug: string) => string;
  /** A sitemap by its file name (`news.xml`, `articles-1.xml`). */
  sitemap: (name: string) => string;
}

export interface SitemapOptions {
  urls: SitemapUrls;
  publication: () => { name: string; language: string };
  articlesPerSitemap?: number;
  newsMaxStories?: number;
  /**
   * Asks the job runner for a run of sitemaps-refresh.job.ts, which calls `refreshOnce()`; on its
   * own (tests) the service coalesces its runs itself.
   */
  requestRun?: RequestRun;
}

/** One finished sitemap: the bytes served, a hash of them for the ETag, and its newest change. */
export interface SitemapDocument {
  body: Buffer;
  version: string;
  lastmod: Date;
}

interface Built {
  index: SitemapDocument;
  sitemaps: Map<string, SitemapDocument>;
  /** Publication time of the newest visible story, at the last full build. */
  newestStory: Date | null;
}

/**
 * Holds every sitemap as finished bytes in memory, rebuilt off the request path: at start, when
 * content changes and every minute (sitemaps-refresh.job.ts: the news window, embargoes lifting).
 * Requests only read the map. A sitemap with no URL is left out of the index and not served (the schema requires
 * at least one `<url>`), except news.xml: Google asks for one news sitemap at a fixed address,
 * updated in place, and says an empty one is harmless; it is empty after two quiet days.
 */
export class SitemapService {
  private built: Built | undefined;
  private wholeRunRequested = false;
  /** When a published story next becomes visible by time alone (publication time, embargo). */
  private nextVisibilityChange: Date | null = null;
  private readonly articlesPerSitemap: number;
  private readonly newsMaxStories: number;
  private readonly requestRun: RequestRun;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: SitemapOptions,
  ) {
    // At least one per file: a smaller size would never finish splitting.
    this.articlesPerSitemap = Math.max(1, Math.floor(options.articlesPerSitemap ?? ARTICLES_PER_SITEMAP));
    this.newsMaxStories = options.newsMaxStories ?? NEWS_MAX_STORIES;
    this.requestRun = options.requestRun ?? coalesced(() => this.refreshOnce());
  }

  /** The sitemap index, once built. */
  index(): SitemapDocument | undefined {
    return this.built?.index;
  }

  /** A sitemap by file name, or undefined for a name that is not (or no longer) served. */
  sitemap(name: string): SitemapDocument | undefined {
    return this.built?.sitemaps.get(name);
  }

  /** File names of the sitemaps served now, in the index's order. */
  names(): string[] {
    return [...(this.built?.sitemaps.keys() ?? [])];
  }

  /**
   * Rebuilds the sitemaps. A content change (the default) rebuilds them all. The minute's run
   * (`scheduled`) rebuilds only the news sitemap, whose window moves with the clock, unless a story
   * has become visible by time alone since (its publication time or embargo passed): then all, as
   * nothing else announces that moment. That keeps the full query over every story (about 0.3 s
   * for 10,000 stories) off the every-minute path. Calls during a rebuild coalesce into one more
   * run; each resolves once a run that started after it has finished.
   */
  refresh(options: { scheduled?: boolean } = {}): Promise<void> {
    if (!options.scheduled) this.wholeRunRequested = true;
    return this.requestRun();
  }

  /** One rebuild, as the job runs it: the timer's runs are `scheduled` unless a change asked for more. */
  async refreshOnce(): Promise<void> {
    const now = this.clock.now();
    const visibilityChanged = this.nextVisibilityChange !== null && this.nextVisibilityChange <= now;
    const previous = this.built;
    const whole = this.wholeRunRequested || visibilityChanged || !previous;
    this.wholeRunRequested = false;
    this.built = whole || !previous ? await this.buildAll(now) : await this.rebuildNews(previous, now);
  }

  private async buildAll(now: Date): Promise<Built> {
    const { urls } = this.options;
    const [stories, news, sections, authors, series, pages, nextVisibilityChange] = await Promise.all([
      listVisibleStoryLocations(this.db, now),
      this.newsStories(now),
      listSectionLocations(this.db, now),
      listAuthorLocations(this.db, now),
      listSeriesLocations(this.db, now),
      listStaticPageLocations(this.db),
      findNextVisibilityChange(this.db, now),
    ]);
    this.nextVisibilityChange = nextVisibilityChange;
    const articleUrls: SitemapUrl[] = stories.map((story) => ({
      loc: urls.article(story.slug),
      lastmod: story.updatedAt && story.updatedAt > story.publishedAt ? story.updatedAt : story.publishedAt,
    }));
    const newestStory = stories.at(-1)?.publishedAt ?? null;
    const listings: Array<[string, SitemapUrl[]]> = [
      // The home page lists the latest stories, so it changes when the newest one appears.
      [
        'pages.xml',
        [{ loc: urls.home(), lastmod: newestStory }, ...pages.map((page) => ({ loc: urls.staticPage(page.slug), lastmod: page.updatedAt }))],
      ],
      ['sections.xml', listingUrls(sections, urls.section)],
      ['authors.xml', listingUrls(authors, urls.author)],
      ['series.xml', listingUrls(series, urls.series)],
    ];
    const articleFiles = chunks(articleUrls, this.articlesPerSitemap).map((chunk, index): [string, SitemapUrl[]] => [
      `articles-${index + 1}.xml`,
      chunk,
    ]);
    // In the index's order; news.xml is served even when empty (see the class).
    const sitemaps = new Map<string, SitemapDocument>();
    for (const [name, entries] of listings) {
      if (entries.length > 0) sitemaps.set(name, document(urlsetXml(entries), newestOf(entries) ?? now));
    }
    sitemaps.set('news.xml', this.newsDocument(news, newestStory, now));
    for (const [name, entries] of articleFiles) sitemaps.set(name, document(urlsetXml(entries), newestOf(entries) ?? now));
    return this.withIndex(sitemaps, newestStory, now);
  }

  /** The minute's run: a new news sitemap, everything else as it was. */
  private async rebuildNews(previous: Built, now: Date): Promise<Built> {
    const sitemaps = new Map(previous.sitemaps);
    sitemaps.set('news.xml', this.newsDocument(await this.newsStories(now), previous.newestStory, now));
    return this.withIndex(sitemaps, previous.newestStory, now);
  }

  private newsStories(now: Date): Promise<NewsStory[]> {
    return listNewsStories(this.db, now, new Date(now.getTime() - NEWS_WINDOW_MS), this.newsMaxStories);
  }

  private newsDocument(news: readonly NewsStory[], newestStory: Date | null, now: Date): SitemapDocument {
    const publication = this.options.publication();
    const language = googleNewsLanguage(publication.language);
    const entries: SitemapUrl[] = news.map((story) => ({
      loc: this.options.urls.article(story.slug),
      news: { publicationName: publication.name, language, publishedAt: story.publishedAt, title: story.headline },
    }));
    return document(urlsetXml(entries), newestOf(entries) ?? emptySince(newestStory, now));
  }

  private withIndex(sitemaps: Map<string, SitemapDocument>, newestStory: Date | null, now: Date): Built {
    const references = [...sitemaps].map(([name, sitemap]) => ({ loc: this.options.urls.sitemap(name), lastmod: sitemap.lastmod }));
    const index = sitemapIndexXml(references);
    return { index: document(index, now), sitemaps, newestStory };
  }
}

/**
 * When an empty sitemap last changed: an empty news sitemap lost its last story 48 hours after the
 * newest one was published; with no story at all, now (a fresh install).
 */
function emptySince(newestStory: Date | null, now: Date): Date {
  if (!newestStory) return now;
  const agedOut = new Date(newestStory.getTime() + NEWS_WINDOW_MS);
  return agedOut < now ? agedOut : now;
}

function listingUrls(locations: readonly ListingLocation[], url: (slug: string) => string): SitemapUrl[] {
  return locations.map((location) => ({ loc: url(location.slug), lastmod: location.newestStoryAt }));
}

function newestOf(entries: readonly SitemapUrl[]): Date | null {
  let newest: Date | null = null;
  for (const entry of entries) {
    const time = entry.news?.publishedAt ?? entry.lastmod ?? null;
    if (time && (!newest || time > newest)) newest = time;
  }
  return newest;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

function document(xml: string, lastmod: Date): SitemapDocument {
  const body = Buffer.from(xml, 'utf8');
  return { body, version: createHash('sha1').update(body).digest('base64url').slice(0, 27), lastmod };
}
