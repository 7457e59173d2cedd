import { SURROGATE_KEYS } from '../../modules/cdn/index.js';
import type { StoredDocument } from './stored-document.js';

export { etagFor } from './stored-document.js';

/** Pages show view counts; kept at most this long, a page shows counts at most a minute old. */
export const PAGE_MAX_AGE_MS = 60_000;

interface Entry {
  document: StoredDocument;
  storedAt: number;
  /** The surrogate keys it is filed under (without `site`, which every entry is under). */
  keys: readonly string[];
  /** Whether a hit may be sent before routing (early-hits.ts): not when the route checks something first. */
  beforeRouting: boolean;
  /** Asked for since it last came up for eviction (second chance: see `set`). */
  used: boolean;
}

/**
 * Rendered public documents (pages, feeds, search and Content API answers) kept in memory, keyed
 * by path and the query parameters the route reads, the least used first out. Each entry is
 * filed under the surrogate keys of what it shows (modules/cdn/surrogate-keys.ts), the same keys a
 * CDN files it under, and a change purges exactly the entries under the keys it made stale
 * (`purge`, from page-cache.reaction.ts with the keys purge-keys.ts gives for the event): a
 * comment drops its story's page, not the home page. `site` empties it all. Entries also expire
 * after a minute, so the view counts they show stay fresh.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  /** Surrogate key → the cache keys filed under it. */
  private readonly filed = new Map<string, Set<string>>();
  private purges = 0;

  /**
   * Whether answers name their surrogate keys to a CDN (Surrogate-Key, Cache-Tag): only when one is
   * purged by them (CDN_PURGE_URL). Without, they would be 1–2 KB of headers on every answer that no
   * one reads; entries are filed under their keys here all the same.
   */
  readonly announceKeys: boolean;

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs: number = PAGE_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
    options: { announceKeys?: boolean } = {},
  ) {
    this.announceKeys = options.announceKeys ?? true;
  }

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Counts purges. Read before rendering and passed back to `set`: a document rendered while a
   * purge ran may show what the purge was for, and is then sent but not stored.
   */
  get generation(): number {
    return this.purges;
  }

  get(key: string): StoredDocument | undefined {
    return this.entry(key)?.document;
  }

  /** A hit that may be sent before routing: for a URL exactly a cache key, of an entry stored so. */
  getBeforeRouting(url: string): StoredDocument | undefined {
    const entry = this.entry(url);
    return entry?.beforeRouting ? entry.document : undefined;
  }

  private entry(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt >= this.maxAgeMs) {
      this.remove(key, entry);
      return undefined;
    }
    // Only marked: moving it to the Map's end on every hit would cost each hit two more look-ups.
    entry.used = true;
    return entry;
  }

  /**
   * Stores a document under its surrogate keys, unless a purge ran since `generation` was read.
   * `beforeRouting: false` for answers whose route must run first (the Content API checks the key).
   */
  set(key: string, document: StoredDocument, surrogateKeys: Iterable<string>, generation = this.purges, beforeRouting = true): void {
    if (!this.enabled || generation !== this.purges) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    const keys = [...new Set(surrogateKeys)].filter((surrogateKey) => surrogateKey !== SURROGATE_KEYS.site);
    this.entries.set(key, { document, storedAt: this.now(), keys, beforeRouting, used: false });
    for (const surrogateKey of keys) {
      let filed = this.filed.get(surrogateKey);
      if (!filed) this.filed.set(surrogateKey, (filed = new Set()));
      filed.add(key);
    }
    // Oldest first (a Map keeps insertion order); one used since it last came up gets a second
    // chance at the end of the line, so pages in demand stay (the "clock" approximation of LRU).
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.entries().next();
      if (oldest.done) break;
      const [oldestKey, entry] = oldest.value;
      if (entry.used) {
        entry.used = false;
        this.entries.delete(oldestKey);
        this.entries.set(oldestKey, entry);
      } else {
        this.remove(oldestKey, entry);
      }
    }
  }

  /** Drops every entry filed under any of these keys; `site` drops them all. Returns how many went. */
  purge(surrogateKeys: Iterable<string>): number {
    this.purges++;
    const before = this.entries.size;
    for (const surrogateKey of surrogateKeys) {
      if (surrogateKey === SURROGATE_KEYS.site) {
        this.clear();
        return before;
      }
      const filed = this.filed.get(surrogateKey);
      if (!filed) continue;
      for (const key of [...filed]) {
        const entry = this.entries.get(key);
        if (entry) this.remove(key, entry);
      }
    }
    return before - this.entries.size;
  }

  clear(): void {
    this.purges++;
    this.entries.clear();
    this.filed.clear();
  }

  /** The surrogate keys an entry is filed under (tests). */
  keysOf(key: string): readonly string[] | undefined {
    return this.entries.get(key)?.keys;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    for (const surrogateKey of entry.keys) {
      const filed = this.filed.get(surrogateKey);
      if (!filed) continue;
      filed.delete(key);
      if (filed.size === 0) this.filed.delete(surrogateKey);
    }
  }
}
