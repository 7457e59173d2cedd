import { createHash } from 'node:crypto';
import { NEWS_WINDOW_MS } from './google-news.js';
import type { SitemapFile, SitemapKind } from './sitemap-files.repository.js';
import { sitemapIndexXml, urlsetXml, type SitemapReference, type SitemapUrl } from './sitemap-xml.js';

/**
 * The sitemap files as stored: names, the order of the index, and a file made from its URLs. Pure
 * functions; sitemap.service.ts decides what to build and when.
 */

/** The index's own row: never served under /sitemaps/ (the route for it is /sitemap.xml). */
export const INDEX_NAME = 'sitemap.xml';
export const NEWS_NAME = 'news.xml';
export const LISTING_NAMES = { pages: 'pages.xml', sections: 'sections.xml', authors: 'authors.xml', series: 'series.xml' } as const;

/** The month a story's sitemap file holds it under: its publication month in UTC, `2026-11`. */
export function periodOf(publishedAt: Date): string {
  return publishedAt.toISOString().slice(0, 7);
}

/** The first instant of a period and of the one after it. */
export function periodBounds(period: string): { since: Date; before: Date } {
  const [year, month] = period.split('-').map(Number);
  return { since: new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)), before: new Date(Date.UTC(year ?? 1970, month ?? 1, 1)) };
}

/** Every period from the one holding `first` to the one holding `last`, in order. */
export function periodsBetween(first: Date, last: Date): string[] {
  const periods: string[] = [];
  const end = periodOf(last);
  for (let period = periodOf(first); period <= end; period = periodOf(periodBounds(period).before)) periods.push(period);
  return periods;
}

/**
 * A month's story files: `articles-2026-11.xml`, then `articles-2026-11-2.xml` … when the month
 * holds more stories than one file may (50,000). A month's files change only when its stories do.
 */
export function storyFileName(period: string, index: number): string {
  return index === 0 ? `articles-${period}.xml` : `articles-${period}-${index + 1}.xml`;
}

/** Order in the index: the site's pages and listings, the news, then the stories month by month. */
const KIND_ORDER: Record<SitemapKind, number> = { pages: 0, sections: 1, authors: 2, series: 3, news: 4, articles: 5, index: 6 };

export function inIndexOrder<T extends { kind: SitemapKind; period: string | null; name: string }>(files: readonly T[]): T[] {
  const suffix = (name: string) => Number(/-(\d+)\.xml$/.exec(name.replace(/^articles-\d{4}-\d{2}/, ''))?.[1] ?? 1);
  return [...files].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.period ?? '').localeCompare(b.period ?? '') ||
      suffix(a.name) - suffix(b.name) ||
      a.name.localeCompare(b.name),
  );
}

/** A `<urlset>` file; its lastmod is its newest entry's, or `emptySince` when it has none. */
export function urlsetFile(
  name: string,
  kind: SitemapKind,
  urls: readonly SitemapUrl[],
  options: { period?: string | null; entries?: string | null; emptySince: Date },
): SitemapFile {
  return withBody(
    {
      name,
      kind,
      period: options.period ?? null,
      lastmod: newestOf(urls) ?? options.emptySince,
      urlCount: urls.length,
      entries: options.entries ?? null,
    },
    urlsetXml(urls),
  );
}

/** The index: every file with a URL, and news.xml even when empty (Google wants it at one address). */
export function indexFile(references: readonly SitemapReference[], now: Date): SitemapFile {
  return withBody(
    { name: INDEX_NAME, kind: 'index', period: null, lastmod: now, urlCount: references.length, entries: null },
    sitemapIndexXml(references),
  );
}

/**
 * When an empty news sitemap last changed: it lost its last story 48 hours after the newest one was
 * published; with no story at all, now (a fresh install).
 */
export function emptyNewsSince(newestStory: Date | null, now: Date): Date {
  if (!newestStory) return now;
  const agedOut = new Date(newestStory.getTime() + NEWS_WINDOW_MS);
  return agedOut < now ? agedOut : now;
}

function withBody(file: Omit<SitemapFile, 'body' | 'version'>, xml: string): SitemapFile {
  return { ...file, body: xml, version: versionOf(xml) };
}

/** The ETag's value: a hash of the bytes served. */
export function versionOf(xml: string): string {
  return createHash('sha1').update(xml, 'utf8').digest('base64url').slice(0, 27);
}

function newestOf(entries: readonly SitemapUrl[]): Date | null {
  let newest: Date | null = null;
  for (const entry of entries) {
    const time = entry.news?.publishedAt ?? entry.lastmod ?? null;
    if (time && (!newest || time > newest)) newest = time;
  }
  return newest;
}
