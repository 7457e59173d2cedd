import { createHash } from 'node:crypto';

export interface CachedPage {
  status: number;
  body: Buffer;
  etag: string;
  contentType: string;
  cacheControl: string;
  /** The CDN's keys for this document (Surrogate-Key / Cache-Tag); absent on documents no CDN keeps. */
  surrogateKeys?: readonly string[];
}

/** Pages show view counts; kept at most this long, a page shows counts at most a minute old. */
export const PAGE_MAX_AGE_MS = 60_000;

interface Entry {
  page: CachedPage;
  storedAt: number;
}

/**
 * Rendered public pages kept in memory, keyed by path and query, least recently used first out.
 * Any content change clears it all: simple, and always right; pages re-render in well under a
 * millisecond each, so a cold cache costs little. Entries also expire after a minute, so the view
 * counts they show stay fresh.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs: number = PAGE_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() - entry.storedAt >= this.maxAgeMs) return undefined;
    // Re-inserted to mark it most recently used (a Map keeps insertion order).
    this.entries.set(key, entry);
    return entry.page;
  }

  set(key: string, page: CachedPage): void {
    if (!this.enabled) return;
    this.entries.delete(key);
    this.entries.set(key, { page, storedAt: this.now() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A strong validator for a body: same bytes, same tag, on every node. */
export function etagFor(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 §13.1.2: If-None-Match is a list of tags or `*`; weak tags compare by their opaque part. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
