import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { Db } from '../../db/database.js';
import { LISTING_NAMES, urlsetFile } from './sitemap-documents.js';
import { readSitemapEntries, type SitemapFile } from './sitemap-files.repository.js';
import { listAuthors, listSeries, newestVisible, type Listed } from './sitemap.repository.js';

/** Look-ups between two turns of the event loop (on SQLite every statement runs on it). */
const LOOKUPS_PER_TURN = 20;

/** An author or series page in its sitemap: listed while it has a visible story, its newest story's time as lastmod. */
export interface ListingEntry {
  id: string;
  slug: string;
  /** The newest visible story's id and publication time (ISO). */
  story: string;
  newest: string;
}

export type PeopleListing = 'authors' | 'series';

/**
 * authors.xml and series.xml, kept one entry at a time. An entry changes only when a story of its
 * author or series changes, so a story event looks up the authors and series that story has now
 * (it may have become their newest) and those whose newest story it was (it may be gone, withdrawn
 * or no longer theirs): never every author. The entries are stored with the file.
 */
export class SitemapListings {
  constructor(
    private readonly db: Db,
    private readonly url: Record<PeopleListing, (slug: string) => string>,
  ) {}

  /** The stored entries, by id. */
  async entries(listing: PeopleListing): Promise<Map<string, ListingEntry>> {
    const raw = await readSitemapEntries(this.db, LISTING_NAMES[listing]);
    const list = raw ? (JSON.parse(raw) as ListingEntry[]) : [];
    return new Map(list.map((entry) => [entry.id, entry]));
  }

  /**
   * The file with these ids looked up again (`'all'`: every author or series, a whole rebuild; a
   * slice of look-ups at a time), the other entries as stored. Undefined when there is nothing to look up.
   */
  async update(listing: PeopleListing, ids: ReadonlySet<string> | 'all', now: Date): Promise<SitemapFile | undefined> {
    if (ids !== 'all' && ids.size === 0) return undefined;
    const entries = ids === 'all' ? new Map<string, ListingEntry>() : await this.entries(listing);
    const people = await (listing === 'authors' ? listAuthors : listSeries)(this.db, ids === 'all' ? undefined : [...ids]);
    if (ids !== 'all') for (const id of ids) entries.delete(id);
    for (let start = 0; start < people.length; start += LOOKUPS_PER_TURN) {
      await nextTurnOfEventLoop();
      for (const person of people.slice(start, start + LOOKUPS_PER_TURN)) {
        const entry = await this.lookUp(listing, person, now);
        if (entry) entries.set(entry.id, entry);
      }
    }
    return this.file(listing, entries, now);
  }

  private async lookUp(listing: PeopleListing, person: Listed, now: Date): Promise<ListingEntry | undefined> {
    const newest = await newestVisible(this.db, listing === 'authors' ? { authorId: person.id } : { seriesId: person.id }, now);
    return newest ? { id: person.id, slug: person.slug, story: newest.id, newest: newest.publishedAt.toISOString() } : undefined;
  }

  private file(listing: PeopleListing, entries: ReadonlyMap<string, ListingEntry>, now: Date): SitemapFile {
    const sorted = [...entries.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    const urls = sorted.map((entry) => ({ loc: this.url[listing](entry.slug), lastmod: new Date(entry.newest) }));
    return urlsetFile(LISTING_NAMES[listing], listing, urls, { entries: JSON.stringify(sorted), emptySince: now });
  }
}
