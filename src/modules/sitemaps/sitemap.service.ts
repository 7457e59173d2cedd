import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { RemovedStory } from '../../shared/events.js';
import { coalesced, type RequestRun } from '../../shared/jobs/coalesced-run.js';
import { findPublicationTimes, listBecameVisibleBetween } from '../articles/index.js';
import { NEWS_MAX_STORIES, NEWS_WINDOW_MS, googleNewsLanguage } from './google-news.js';
import {
  INDEX_NAME,
  LISTING_NAMES,
  NEWS_NAME,
  emptyNewsSince,
  inIndexOrder,
  indexFile,
  periodBounds,
  periodOf,
  periodsBetween,
  storyFileName,
  urlsetFile,
} from './sitemap-documents.js';
import {
  deleteSitemapFiles,
  findLastBuild,
  findSitemapFileInfo,
  listPeriodFileNames,
  listSitemapFiles,
  readSitemapBody,
  saveSitemapFile,
  type SitemapFile,
  type SitemapFileInfo,
} from './sitemap-files.repository.js';
import { SitemapListings, type PeopleListing } from './sitemap-listings.js';
import {
  findListingsOf,
  findTimelineEnds,
  findTranslationPeers,
  listNewsStories,
  listSections,
  listStaticPageLocations,
  listStoryLocations,
  listTranslationLocations,
  newestVisible,
  type StoryLocation,
  type TimelinePosition,
} from './sitemap.repository.js';
import { hreflangSet, type SitemapEdition } from './sitemap-alternates.js';
import { xmlText, type SitemapUrl } from './sitemap-xml.js';

/** The protocol's limit per sitemap file (sitemaps.org); the index may name 50,000 files. */
export const ARTICLES_PER_SITEMAP = 50_000;
/** The news sitemap's 48-hour window moves with the clock alone, so it is rebuilt this often. */
export const SITEMAP_REFRESH_INTERVAL_MS = 60_000;
/** Stories read per statement when a month's files are built (a few ms); the event loop gets a turn between. */
const LOCATION_CHUNK = 1_000;
/** Bytes of sitemaps kept in memory as last served, so a request costs one look-up of its version. */
const SERVED_BYTES = 32 * 1024 * 1024;

/**
 * Absolute URLs of the public pages, from the web layer (modules do not know the site's paths).
 * Plain functions, not methods: they are passed around on their own (`listingUrls(sections, urls.section)`).
 */
export interface SitemapUrls {
  /** An edition's home page (`pathPrefix` `''`: the default edition's). */
  home: (pathPrefix?: string) => string;
  article: (slug: string, pathPrefix?: string) => string;
  section: (slug: string, pathPrefix?: string) => string;
  author: (slug: string, pathPrefix?: string) => string;
  series: (slug: string, pathPrefix?: string) => string;
  staticPage: (slug: string) => string;
  /** A sitemap by its file name (`news.xml`, `articles-2026-11.xml`). */
  sitemap: (name: string) => string;
}

export interface SitemapOptions {
  urls: SitemapUrls;
  publication: () => { name: string; language: string };
  /**
   * The switched-on editions (EditionService), in their order: a story, section or home page of a
   * switched-off edition is left out, and translations are linked with hreflang (`xhtml:link`).
   */
  editions: () => readonly SitemapEdition[];
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

/** What the changes since the last run asked for. */
interface Pending {
  whole: boolean;
  stories: Set<string>;
  removed: RemovedStory[];
  authors: Set<string>;
  series: Set<string>;
  sections: boolean;
  pages: boolean;
}

const nothingPending = (): Pending => ({
  whole: false,
  stories: new Set(),
  removed: [],
  authors: new Set(),
  series: new Set(),
  sections: false,
  pages: false,
});

/**
 * Every sitemap as a finished file in the database (`sitemap_files`), built off the request path
 * and rewritten one file at a time: stories sit in one file per month of publication (more when a
 * month passes 50,000), so a story event rebuilds its month's file, the news sitemap, the small
 * listings and the index, whatever the archive's size. authors.xml and series.xml are updated one
 * entry at a time (sitemap-listings.ts). The minute's run (sitemaps-refresh.job.ts) rebuilds the
 * news sitemap, whose 48-hour window moves with the clock, and the months of stories that became
 * visible by time alone (a publication time or an embargo passing). A start reads nothing: the
 * files are served from the table, each request checking its file's version (one look-up by name)
 * against the copy last served. A sitemap with no URL is left out of the index and not served (the
 * schema requires at least one `<url>`), except news.xml: Google asks for one news sitemap at a
 * fixed address, updated in place, and says an empty one is harmless.
 */
export class SitemapService {
  private pending: Pending = nothingPending();
  /** Stories that became visible by time alone have been looked for up to here. */
  private checkedUpTo: Date | null = null;
  /** Files as last served, by name, least recently served first. */
  private readonly served = new Map<string, SitemapDocument>();
  private servedBytes = 0;
  private readonly articlesPerSitemap: number;
  private readonly newsMaxStories: number;
  private readonly requestRun: RequestRun;
  private readonly listings: SitemapListings;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: SitemapOptions,
  ) {
    // At least one per file: a smaller size would never finish splitting.
    this.articlesPerSitemap = Math.max(1, Math.floor(options.articlesPerSitemap ?? ARTICLES_PER_SITEMAP));
    this.newsMaxStories = options.newsMaxStories ?? NEWS_MAX_STORIES;
    this.requestRun = options.requestRun ?? coalesced(() => this.refreshOnce());
    this.listings = new SitemapListings(db, { authors: options.urls.author, series: options.urls.series });
  }

  /** The sitemap index, once built. */
  index(): Promise<SitemapDocument | undefined> {
    return this.read(INDEX_NAME);
  }

  /** A sitemap by file name, or undefined for a name that is not (or no longer) served. */
  async sitemap(name: string): Promise<SitemapDocument | undefined> {
    return name === INDEX_NAME ? undefined : this.read(name);
  }

  /** File names of the sitemaps served now, in the index's order. */
  async names(): Promise<string[]> {
    return inIndexOrder((await listSitemapFiles(this.db)).filter(isListed)).map((file) => file.name);
  }

  /**
   * At start: nothing is built when files are stored for this site's address. A database without
   * any (new, or upgraded), or with files naming another address (SITE_URL changed), gets them
   * built now.
   */
  async loadAtStart(): Promise<void> {
    const index = await findSitemapFileInfo(this.db, INDEX_NAME);
    if (index) {
      const body = await readSitemapBody(this.db, INDEX_NAME, index.version);
      if (body?.includes(`<loc>${xmlText(this.options.urls.sitemap(NEWS_NAME))}</loc>`)) return;
    }
    await this.refresh();
  }

  /**
   * Rebuilds every file (an import, a reload; `scheduled`: the minute's run, see the class). Calls
   * during a rebuild coalesce into one more run; each resolves once a run that started after it
   * has finished.
   */
  refresh(options: { scheduled?: boolean } = {}): Promise<void> {
    if (!options.scheduled) this.pending.whole = true;
    return this.requestRun();
  }

  /** Stories changed (`removed`: deleted ones readers could see): their months' files and what lists them. */
  storiesChanged(articleIds: readonly string[], removed: readonly RemovedStory[] = []): Promise<void> {
    for (const id of articleIds) this.pending.stories.add(id);
    this.pending.removed.push(...removed);
    return this.requestRun();
  }

  /** Sections, authors or series were created or edited (their slugs are in the URLs). */
  listingsChanged(kind: 'section' | 'author' | 'series', ids: readonly string[]): Promise<void> {
    if (kind === 'section') this.pending.sections = true;
    else for (const id of ids) this.pending[kind === 'author' ? 'authors' : 'series'].add(id);
    return this.requestRun();
  }

  /** A static page was written, or the settings changed (the news sitemap carries the publication's name and language). */
  pagesChanged(): Promise<void> {
    this.pending.pages = true;
    return this.requestRun();
  }

  /** One run, as the job runs it: what the changes since the last run asked for, then the news sitemap and the index. */
  async refreshOnce(): Promise<void> {
    const now = this.clock.now();
    const pending = this.pending;
    this.pending = nothingPending();
    if (pending.whole) return this.buildAll(now);
    // Stories that became visible by time alone since the last look: no event announces them.
    const from = this.checkedUpTo ?? (await findLastBuild(this.db)) ?? now;
    for (const story of await listBecameVisibleBetween(this.db, from, now)) pending.stories.add(story.id);
    this.checkedUpTo = now;
    // A story's translations list it with hreflang: their months change with it.
    for (const id of await findTranslationPeers(this.db, [...pending.stories])) pending.stories.add(id);
    const stories = [...pending.stories];
    if (stories.length > 0 || pending.removed.length > 0) {
      for (const period of await this.periodsOf(stories, pending.removed)) await this.buildPeriod(period, now);
      const { authorIds, seriesIds } = await findListingsOf(this.db, stories, now);
      const gone = new Set([...stories, ...pending.removed.map((story) => story.id)]);
      for (const [listing, ids] of [
        ['authors', new Set([...pending.authors, ...authorIds])],
        ['series', new Set([...pending.series, ...seriesIds])],
      ] as const) {
        // Those whose newest story this was: it may be gone, withdrawn or no longer theirs.
        for (const entry of await this.listings.entries(listing)) if (gone.has(entry.story)) ids.add(entry.id);
        await this.updateListing(listing, ids, now);
        await nextTurnOfEventLoop();
      }
      pending.sections = true;
      pending.pages = true;
    } else {
      await this.updateListing('authors', pending.authors, now);
      await this.updateListing('series', pending.series, now);
    }
    // A turn of the event loop between files (on SQLite each statement runs on it).
    if (pending.sections) await this.save(await this.sectionsFile(now), now);
    await nextTurnOfEventLoop();
    if (pending.pages) await this.save(await this.pagesFile(now), now);
    await this.save(await this.newsFile(now), now);
    await nextTurnOfEventLoop();
    await this.saveIndex(now);
  }

  /** Every file from the stories: month by month, the listings, the news, then the index; files no longer made go. */
  private async buildAll(now: Date): Promise<void> {
    const ends = await findTimelineEnds(this.db, now);
    const periods = ends ? periodsBetween(ends.first, ends.last) : [];
    for (const period of periods) await this.buildPeriod(period, now);
    const stale = (await listSitemapFiles(this.db)).filter((file) => file.kind === 'articles' && !periods.includes(file.period ?? ''));
    await deleteSitemapFiles(
      this.db,
      stale.map((file) => file.name),
    );
    for (const listing of ['authors', 'series'] as const) await this.updateListing(listing, 'all', now);
    await this.save(await this.sectionsFile(now), now);
    await this.save(await this.pagesFile(now), now);
    await this.save(await this.newsFile(now), now);
    await this.saveIndex(now);
    this.checkedUpTo = now;
  }

  /** The months holding these stories now, and those whose files list a deleted story. */
  private async periodsOf(articleIds: readonly string[], removed: readonly RemovedStory[]): Promise<Set<string>> {
    const periods = new Set<string>();
    for (const time of (await findPublicationTimes(this.db, articleIds)).values()) if (time) periods.add(periodOf(time));
    if (removed.length > 0) {
      // A deleted story's row is gone, and its month with it: look for its URL in the story files.
      const prefixes = this.options.editions().map((edition) => edition.pathPrefix);
      const locs = removed.flatMap((story) => prefixes.map((prefix) => `<loc>${this.options.urls.article(story.slug, prefix)}</loc>`));
      for (const file of (await listSitemapFiles(this.db)).filter((candidate) => candidate.kind === 'articles')) {
        await nextTurnOfEventLoop();
        const body = await readSitemapBody(this.db, file.name, file.version);
        if (body && locs.some((loc) => body.includes(loc)) && file.period) periods.add(file.period);
      }
    }
    return periods;
  }

  /** A month's story files, read a chunk at a time; the month's files beyond the last made go. */
  private async buildPeriod(period: string, now: Date): Promise<void> {
    const { since, before } = periodBounds(period);
    const files: SitemapUrl[][] = [];
    let current: SitemapUrl[] = [];
    let after: TimelinePosition | undefined;
    for (;;) {
      await nextTurnOfEventLoop();
      const chunk = await listStoryLocations(this.db, { since, before, ...(after ? { after } : {}) }, now, LOCATION_CHUNK);
      for (const url of await this.storyUrls(chunk, now)) {
        current.push(url);
        if (current.length === this.articlesPerSitemap) {
          files.push(current);
          current = [];
        }
      }
      const last = chunk.at(-1);
      if (!last || chunk.length < LOCATION_CHUNK) break;
      after = { publishedAt: last.publishedAt, id: last.id };
    }
    if (current.length > 0) files.push(current);
    const names = files.map((_, index) => storyFileName(period, index));
    for (const [index, urls] of files.entries()) {
      await nextTurnOfEventLoop();
      await this.save(urlsetFile(names[index] ?? '', 'articles', urls, { period, emptySince: now }), now);
    }
    const gone = (await listPeriodFileNames(this.db, period)).filter((name) => !names.includes(name));
    await deleteSitemapFiles(this.db, gone);
  }

  /**
   * A chunk's stories as sitemap entries: each at its edition's address, stories of switched-off
   * editions left out, and those with visible translations linked to them (one statement a chunk).
   */
  private async storyUrls(chunk: readonly StoryLocation[], now: Date): Promise<SitemapUrl[]> {
    const editions = this.options.editions();
    const byId = new Map(editions.map((edition) => [edition.id, edition]));
    const groupIds = [...new Set(chunk.flatMap((story) => (story.translationGroupId ? [story.translationGroupId] : [])))];
    const groups = new Map<string, Array<{ editionId: string; slug: string }>>();
    for (const member of await listTranslationLocations(this.db, groupIds, now)) {
      const members = groups.get(member.groupId) ?? [];
      members.push(member);
      groups.set(member.groupId, members);
    }
    const urlOf = (slug: string, editionId: string) => {
      const edition = byId.get(editionId);
      return edition ? this.options.urls.article(slug, edition.pathPrefix) : undefined;
    };
    return chunk.flatMap((story) => {
      const loc = urlOf(story.slug, story.editionId);
      if (!loc) return [];
      const lastmod = story.updatedAt && story.updatedAt > story.publishedAt ? story.updatedAt : story.publishedAt;
      const members = story.translationGroupId ? (groups.get(story.translationGroupId) ?? []) : [];
      const alternates = hreflangSet(
        editions,
        members.flatMap((member) => {
          const href = urlOf(member.slug, member.editionId);
          return href ? [{ editionId: member.editionId, href }] : [];
        }),
      );
      return [{ loc, lastmod, ...(alternates ? { alternates } : {}) }];
    });
  }

  private async updateListing(listing: PeopleListing, ids: ReadonlySet<string> | 'all', now: Date): Promise<void> {
    const file = await this.listings.update(listing, ids, now, this.options.editions());
    if (file) await this.save(file, now);
  }

  /** Every section (a section page exists even before its first story), in navigation order, with its newest story's time. */
  private async sectionsFile(now: Date): Promise<SitemapFile> {
    const urls: SitemapUrl[] = [];
    const editions = new Map(this.options.editions().map((edition) => [edition.id, edition]));
    for (const section of await listSections(this.db)) {
      const edition = editions.get(section.editionId);
      if (!edition) continue;
      const newest = await newestVisible(this.db, { sectionId: section.id }, now);
      urls.push({ loc: this.options.urls.section(section.slug, edition.pathPrefix), lastmod: newest?.publishedAt ?? null });
    }
    return urlsetFile(LISTING_NAMES.sections, 'sections', urls, { emptySince: now });
  }

  /** The home page (it lists the latest stories, so it changes when the newest one appears) and the static pages. */
  private async pagesFile(now: Date): Promise<SitemapFile> {
    const [newest, pages] = await Promise.all([newestVisible(this.db, {}, now), listStaticPageLocations(this.db, ARTICLES_PER_SITEMAP - 1)]);
    // Each edition's home page, the others' translation (newest: the publication's newest story).
    const editions = this.options.editions();
    const homes = hreflangSet(
      editions,
      editions.map((edition) => ({ editionId: edition.id, href: this.options.urls.home(edition.pathPrefix) })),
    );
    const urls: SitemapUrl[] = [
      ...editions.map((edition) => ({
        loc: this.options.urls.home(edition.pathPrefix),
        lastmod: newest?.publishedAt ?? null,
        ...(homes ? { alternates: homes } : {}),
      })),
      ...pages.map((page) => ({ loc: this.options.urls.staticPage(page.slug), lastmod: page.updatedAt })),
    ];
    return urlsetFile(LISTING_NAMES.pages, 'pages', urls, { emptySince: now });
  }

  private async newsFile(now: Date): Promise<SitemapFile> {
    const [news, newest] = await Promise.all([
      listNewsStories(this.db, now, new Date(now.getTime() - NEWS_WINDOW_MS), this.newsMaxStories),
      newestVisible(this.db, {}, now),
    ]);
    // Google News takes each edition as a publication of its own: its name and language.
    const publication = this.options.publication();
    const editions = new Map(this.options.editions().map((edition) => [edition.id, edition]));
    const urls: SitemapUrl[] = news.flatMap((story) => {
      const edition = editions.get(story.editionId);
      if (!edition) return [];
      const name = edition.isDefault ? publication.name : edition.name;
      const language = googleNewsLanguage(edition.isDefault ? publication.language : edition.code);
      const loc = this.options.urls.article(story.slug, edition.pathPrefix);
      return [{ loc, news: { publicationName: name, language, publishedAt: story.publishedAt, title: story.headline } }];
    });
    return urlsetFile(NEWS_NAME, 'news', urls, { emptySince: emptyNewsSince(newest?.publishedAt ?? null, now) });
  }

  /** The index, from the stored files' names and times alone. */
  private async saveIndex(now: Date): Promise<void> {
    const files = inIndexOrder((await listSitemapFiles(this.db)).filter(isListed));
    const references = files.map((file) => ({ loc: this.options.urls.sitemap(file.name), lastmod: file.lastmod }));
    await this.save(indexFile(references, now), now);
  }

  /** Stores a file unless the same bytes are stored already; an empty listing or month is removed instead. */
  private async save(file: SitemapFile, now: Date): Promise<void> {
    const stored = await findSitemapFileInfo(this.db, file.name);
    if (file.urlCount === 0 && file.kind !== 'news' && file.kind !== 'index') {
      if (stored) await deleteSitemapFiles(this.db, [file.name]);
      return;
    }
    if (stored?.version === file.version) return;
    await saveSitemapFile(this.db, file, now);
  }

  /** A stored file as served: the copy in memory while its version is current, else read (one file) and kept. */
  private async read(name: string): Promise<SitemapDocument | undefined> {
    const info = await findSitemapFileInfo(this.db, name);
    const held = this.served.get(name);
    if (held) {
      this.served.delete(name);
      this.servedBytes -= held.body.length;
    }
    if (!info || !isServed(info)) return undefined;
    let document = held?.version === info.version ? held : undefined;
    if (!document) {
      const body = await readSitemapBody(this.db, name, info.version);
      // Rewritten between the two reads: the next request reads the new one.
      if (body === undefined) return undefined;
      document = { body: Buffer.from(body, 'utf8'), version: info.version, lastmod: info.lastmod };
    }
    this.served.set(name, document);
    this.servedBytes += document.body.length;
    for (const [oldest, copy] of this.served) {
      if (this.servedBytes <= SERVED_BYTES || oldest === name) break;
      this.served.delete(oldest);
      this.servedBytes -= copy.body.length;
    }
    return document;
  }
}

/** Served: the index, any file with a URL, and news.xml always. */
function isServed(file: SitemapFileInfo): boolean {
  return file.kind === 'index' || file.kind === 'news' || file.urlCount > 0;
}

/** Named in the index: what is served, but the index itself. */
function isListed(file: SitemapFileInfo): boolean {
  return file.kind !== 'index' && isServed(file);
}
