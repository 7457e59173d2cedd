import type { Db } from '../../db/database.js';
import { HOUR_MS, type Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { ReaderDays } from '../../shared/cluster.types.js';
import { addViewCounts, isArticleVisible, type HourlyViewCount } from './view-count.repository.js';

/**
 * The ranked lists whose links carry a marker (`?via=…`). A view that arrives by a click on a list
 * is not counted towards that same list; the two lists ranked by views keep those apart.
 */
export const LIST_MARKERS = ['section-latest', 'weekly-best', 'related', 'popular-now', 'must-reads'] as const;
export type ListMarker = (typeof LIST_MARKERS)[number];

export function toListMarker(value: unknown): ListMarker | null {
  return typeof value === 'string' && (LIST_MARKERS as readonly string[]).includes(value) ? (value as ListMarker) : null;
}

/** Counts are written about this often; a crash loses at most this much. */
export const VIEW_FLUSH_INTERVAL_MS = 1000;
/**
 * Stories whose answer to "may a view count?" is remembered: the stories being read now. A beacon
 * for one of them costs no query; one for any other story costs one look-up by primary key.
 */
export const COUNTABLE_MEMORY = 10_000;
/**
 * A "no" can turn into a "yes" by time alone (a publication time or an embargo passing, which no
 * event announces), so it is asked again after this long. A "yes" holds until a story event names
 * the story (countable-stories.reaction.ts).
 */
export const NOT_COUNTABLE_RECHECK_MS = 60_000;

export interface ViewReport {
  articleId: string;
  ip: string;
  userAgent: string;
  via: ListMarker | null;
}

export type ViewOutcome = 'counted' | 'repeat';

/**
 * Gathers views in memory and writes them in batches into hourly buckets and running totals.
 * Each view is an increment, so batches from any number of writers add up exactly. The jobs beside
 * it say when: view-flush.job.ts (every second, and once more at stop); countable-stories.reaction.ts
 * says which remembered answers a change makes stale.
 */
export class ViewCounter {
  private pending = new Map<string, HourlyViewCount>();
  /** Story id → countable, or the time a "no" expires; least recently asked first (Map order). */
  private readonly countable = new Map<string, true | number>();
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** One node's memory, or Redis shared by every node (then each view counts once across them). */
    private readonly readers: ReaderDays,
  ) {}

  /**
   * Drops what is remembered about these stories (an event named them: published, withdrawn,
   * deleted …), or about every story (an import, a start, a resync): the next beacon asks again.
   * Nothing is read here, so a change costs nothing however large the archive.
   */
  forgetCountable(articleIds?: readonly string[]): void {
    if (!articleIds) return this.countable.clear();
    for (const id of articleIds) this.countable.delete(id);
  }

  /** Whether readers can see the story now, so a view of it may count: from memory, or one look-up by id. */
  async isCountable(articleId: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    const known = this.countable.get(articleId);
    if (known === true || (known !== undefined && known > now)) {
      // Re-inserting moves the story to the end: the least recently asked go first when full.
      this.countable.delete(articleId);
      this.countable.set(articleId, known);
      return known === true;
    }
    const visible = await isArticleVisible(this.db, articleId, new Date(now));
    this.countable.delete(articleId);
    this.countable.set(articleId, visible ? true : now + NOT_COUNTABLE_RECHECK_MS);
    if (this.countable.size > COUNTABLE_MEMORY) {
      const oldest = this.countable.keys().next();
      if (!oldest.done) this.countable.delete(oldest.value);
    }
    return visible;
  }

  /**
   * Counts one view unless this reader was counted for the story today. An unknown or unpublished
   * story is refused (404) and nothing is counted.
   */
  async record(report: ViewReport): Promise<ViewOutcome> {
    if (!(await this.isCountable(report.articleId))) throw new AppError('ERR_ARTICLE_NOT_FOUND');
    const now = this.clock.now();
    if (!(await this.readers.firstViewToday(report.articleId, report.ip, report.userAgent, now))) return 'repeat';
    const hourStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
    const key = `${report.articleId}|${hourStart.getTime()}`;
    let bucket = this.pending.get(key);
    if (!bucket) {
      bucket = { articleId: report.articleId, hourStart, views: 0, viaPopularNow: 0, viaWeeklyBest: 0 };
      this.pending.set(key, bucket);
    }
    bucket.views += 1;
    if (report.via === 'popular-now') bucket.viaPopularNow += 1;
    if (report.via === 'weekly-best') bucket.viaWeeklyBest += 1;
    return 'counted';
  }

  /** Views gathered and not yet written. */
  get pendingViews(): number {
    let total = 0;
    for (const bucket of this.pending.values()) total += bucket.views;
    return total;
  }

  /**
   * Writes everything gathered so far. A failed write (the database away) keeps the batch in
   * memory to be written with the next one, so an outage delays counts but loses none.
   */
  async flush(): Promise<void> {
    // A failed earlier flush has already put its batch back; this one writes it.
    while (this.flushing) await this.flushing.catch(() => {});
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = addViewCounts(this.db, batch)
      .catch((error: unknown) => {
        this.restore(batch);
        throw error;
      })
      .finally(() => {
        this.flushing = undefined;
      });
    return this.flushing;
  }

  private restore(batch: HourlyViewCount[]): void {
    for (const bucket of batch) {
      const key = `${bucket.articleId}|${bucket.hourStart.getTime()}`;
      const current = this.pending.get(key);
      if (!current) {
        this.pending.set(key, bucket);
        continue;
      }
      current.views += bucket.views;
      current.viaPopularNow += bucket.viaPopularNow;
      current.viaWeeklyBest += bucket.viaWeeklyBest;
    }
  }
}
