import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { Db } from '../../db/database.js';
import type { SitemapEdition } from './sitemap-alternates.js';
import { LISTING_NAMES, urlsetFile } from './sitemap-documents.js';
import { readSitemapEntries, type SitemapFile } from './sitemap-files.repository.js';
import { listAuthors, listSeries, newestVisible, type Listed } from './sitemap.repository.js';

/** Look-ups between two turns of the event loop (on SQLite every statement runs on it). */
const LOOKUPS_PER_TURN = 20;

/**
 * An author or series page of one edition in its sitemap: listed while it has a visible story in
 * that edition, its newest story's time there as lastmod.
 */
export interface ListingEntry {
  id: string;
  slug: string;
  /** The edition's id (absent in files stored before editions: the default edition's). */
  edition?: string;
  /** The newest visible story's id and publication time (ISO). */
  story: string;
  newest: string;
}

export type PeopleListing = 'authors' | 'series';

/**
 * authors.xml and series.xml, kept one entry at a time. An entry changes only when a story of its
 * author or series changes, so a story event looks up the authors and series that story has now
 * (it may have become their newest) and those whose newest story it was (it may be gone, withdrawn
 * or no longer theirs): never every author. The entries are stored with the file. An author's or a
 * series' page exists in every edition and lists that edition's stories (docs/editions.md), so
 * each is listed at each switched-on edition's address where it has a story: one look-up per
 * edition (an edition switched on or off rebuilds every file).
 */
export class SitemapListings {
  constructor(
    private readonly db: Db,
    private readonly url: Record<PeopleListing, (slug: string, pathPrefix?: string) => string>,
  ) {}

  /** The stored entries, an author or series once per edition it is listed in. */
  async entries(listing: PeopleListing): Promise<ListingEntry[]> {
    const raw = await readSitemapEntries(this.db, LISTING_NAMES[listing]);
    return raw ? (JSON.parse(raw) as ListingEntry[]) : [];
  }

  /**
   * The file with these ids looked up again (`'all'`: every author or series, a whole rebuild; a
   * slice of look-ups at a time), the other entries as stored. Undefined when there is nothing to look up.
   */
  async update(
    listing: PeopleListing,
    ids: ReadonlySet<string> | 'all',
    now: Date,
    editions: readonly SitemapEdition[],
  ): Promise<SitemapFile | undefined> {
    if (ids !== 'all' && ids.size === 0) return undefined;
    const entries = ids === 'all' ? [] : (await this.entries(listing)).filter((entry) => !ids.has(entry.id));
    const people = await (listing === 'authors' ? listAuthors : listSeries)(this.db, ids === 'all' ? undefined : [...ids]);
    for (let start = 0; start < people.length; start += LOOKUPS_PER_TURN) {
      await nextTurnOfEventLoop();
      for (const person of people.slice(start, start + LOOKUPS_PER_TURN)) entries.push(...(await this.lookUp(listing, person, now, editions)));
    }
    return this.file(listing, entries, now, editions);
  }

  private async lookUp(listing: PeopleListing, person: Listed, now: Date, editions: readonly SitemapEdition[]): Promise<ListingEntry[]> {
    const entries: ListingEntry[] = [];
    for (const edition of editions) {
      const of = listing === 'authors' ? { authorId: person.id } : { seriesId: person.id };
      const newest = await newestVisible(this.db, { ...of, editionId: edition.id }, now);
      if (newest) entries.push({ id: person.id, slug: person.slug, edition: edition.id, story: newest.id, newest: newest.publishedAt.toISOString() });
    }
    return entries;
  }

  /** By slug, then in the editions' order; an entry of an edition no longer switched on is left out. */
  private file(listing: PeopleListing, entries: readonly ListingEntry[], now: Date, editions: readonly SitemapEdition[]): SitemapFile {
    const order = new Map(editions.map((edition, position) => [edition.id, position]));
    const defaultEdition = editions.find((edition) => edition.isDefault)?.id;
    const listed = entries.flatMap((entry) => {
      const edition = entry.edition ?? defaultEdition;
      const position = edition === undefined ? undefined : order.get(edition);
      return position === undefined ? [] : [{ entry, position }];
    });
    listed.sort((a, b) => (a.entry.slug < b.entry.slug ? -1 : a.entry.slug > b.entry.slug ? 1 : a.position - b.position));
    const urls = listed.map(({ entry, position }) => ({
      loc: this.url[listing](entry.slug, editions[position]?.pathPrefix ?? ''),
      lastmod: new Date(entry.newest),
    }));
    return urlsetFile(LISTING_NAMES[listing], listing, urls, { entries: JSON.stringify(listed.map(({ entry }) => entry)), emptySince: now });
  }
}
