import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import {
  addNotFoundHits,
  countLoggedPaths,
  deleteLeastHitPaths,
  deleteStaleLoggedPaths,
  findLoggedPaths,
  listMostHitPaths,
} from './not-found-log.repository.js';
import { isServedPath, normaliseRedirectPath } from './redirect-path.js';
import { REDIRECT_CHUNK } from './redirect.repository.js';
import type { NotFoundPath } from './redirect.types.js';

/** The log keeps at most this many paths; once full, only the paths it holds are counted. */
export const NOT_FOUND_LOG_MAX_PATHS = 1000;
/** Longer paths are not counted (nor can they be redirected: redirect-path.ts). */
export const NOT_FOUND_PATH_MAX = 500;
/** How often the hits gathered in memory are written (not-found-log.job.ts). */
export const NOT_FOUND_FLUSH_INTERVAL_MS = 10_000;
/** A full log forgets paths no one has asked for in this long, so new broken links can show. */
export const NOT_FOUND_STALE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The paths readers ask for that match nothing, for admins to redirect. Bounded everywhere, so a
 * flood of made-up addresses costs neither memory nor the database more than a fixed amount:
 * - `record` (on every such 404) only counts in memory: at most NOT_FOUND_LOG_MAX_PATHS distinct
 *   paths between two writes, further new ones dropped until the next; no I/O on the request;
 * - `flush` (the job, every 10 seconds and once more at stop) writes them in one transaction, a
 *   fixed number of statements per 500 paths: hits are added to the paths the table holds, and new
 *   paths stored only while it holds fewer than NOT_FOUND_LOG_MAX_PATHS (the most asked-for
 *   first). When full it first forgets paths unseen for 30 days. Several nodes flushing at the same
 *   moment could each fill the last places; the next flush that brings new paths trims the table
 *   back to its bound, the least asked-for first.
 */
export class NotFoundLog {
  private pending = new Map<string, NotFoundPath>();
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Counts one request that matched nothing (a path and query as requested). Memory only. */
  record(pathWithQuery: string): void {
    // A quick bound first: the request guard allows 2,048 characters, and no longer key is kept.
    if (pathWithQuery.length > 4 * NOT_FOUND_PATH_MAX) return;
    const path = normaliseRedirectPath(pathWithQuery);
    if (path.length > NOT_FOUND_PATH_MAX || isServedPath(path)) return;
    const now = this.clock.now();
    const seen = this.pending.get(path);
    if (seen) {
      seen.hits++;
      seen.lastSeenAt = now;
    } else if (this.pending.size < NOT_FOUND_LOG_MAX_PATHS) {
      this.pending.set(path, { path, hits: 1, firstSeenAt: now, lastSeenAt: now });
    }
  }

  /** Writes what was counted since the last write; on failure the counts are kept for the next. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => {});
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = this.write(batch)
      .catch((error: unknown) => {
        this.restore(batch);
        throw error;
      })
      .finally(() => {
        this.flushing = undefined;
      });
    return this.flushing;
  }

  /** The most asked-for paths, the most recent first among equals. */
  mostHit(limit: number): Promise<NotFoundPath[]> {
    return listMostHitPaths(this.db, limit);
  }

  private async write(batch: readonly NotFoundPath[]): Promise<void> {
    const now = this.clock.now();
    await inTransaction(this.db, async (trx) => {
      const known = new Set<string>();
      for (let start = 0; start < batch.length; start += REDIRECT_CHUNK) {
        const paths = batch.slice(start, start + REDIRECT_CHUNK).map((hit) => hit.path);
        for (const path of await findLoggedPaths(trx, paths)) known.add(path);
      }
      await addNotFoundHits(
        trx,
        batch.filter((hit) => known.has(hit.path)),
      );
      const fresh = batch.filter((hit) => !known.has(hit.path));
      if (fresh.length === 0) return;
      let count = await countLoggedPaths(trx);
      if (count + fresh.length > NOT_FOUND_LOG_MAX_PATHS) {
        await deleteStaleLoggedPaths(trx, new Date(now.getTime() - NOT_FOUND_STALE_AFTER_MS));
        count = await countLoggedPaths(trx);
        if (count > NOT_FOUND_LOG_MAX_PATHS) await deleteLeastHitPaths(trx, count - NOT_FOUND_LOG_MAX_PATHS);
      }
      const room = NOT_FOUND_LOG_MAX_PATHS - Math.min(count, NOT_FOUND_LOG_MAX_PATHS);
      if (room === 0) return;
      const mostAsked = [...fresh].sort((a, b) => b.hits - a.hits || a.firstSeenAt.getTime() - b.firstSeenAt.getTime());
      await addNotFoundHits(trx, mostAsked.slice(0, room));
    });
  }

  /** Puts a batch that failed to be written back, within the same bound. */
  private restore(batch: readonly NotFoundPath[]): void {
    for (const hit of batch) {
      const current = this.pending.get(hit.path);
      if (current) {
        current.hits += hit.hits;
        current.firstSeenAt = hit.firstSeenAt;
      } else if (this.pending.size < NOT_FOUND_LOG_MAX_PATHS) {
        this.pending.set(hit.path, { ...hit });
      }
    }
  }
}
