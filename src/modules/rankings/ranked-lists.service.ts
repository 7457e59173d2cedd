import type { Db } from '../../db/database.js';
import { DAY_MS, type Clock } from '../../shared/clock.js';
import { listPublishedArticles } from '../articles/article.repository.js';
import type { ArticleSummary } from '../articles/article.types.js';
import { listSections } from '../sections/section.repository.js';
import { listActivePickArticleIds } from './pick.repository.js';

export const LIST_SIZES = {
  sectionLatest: 5,
  latest: 10,
  weeklyBest: 12,
  popularNow: 5,
  mustReads: 5,
} as const;

const WEEKLY_BEST_AGE_CAP_MS = 7 * DAY_MS;
const POPULAR_NOW_WINDOW_MS = 3 * DAY_MS;
/** Lists also go stale with the clock alone (scheduled stories going live, picks expiring). */
export const LIST_REFRESH_INTERVAL_MS = 60_000;

export interface RankedListsSnapshot {
  computedAt: Date;
  latest: ArticleSummary[];
  latestBySection: Map<string, ArticleSummary[]>;
  weeklyBest: ArticleSummary[];
  popularNow: ArticleSummary[];
  mustReads: ArticleSummary[];
}

const EMPTY: RankedListsSnapshot = {
  computedAt: new Date(0),
  latest: [],
  latestBySection: new Map(),
  weeklyBest: [],
  popularNow: [],
  mustReads: [],
};

/**
 * Holds every site-wide list in memory, computed off the request path: at start, when content
 * changes, and on a timer. Pages read the snapshot and never run a list query themselves.
 *
 * Until view counting lands ([Audience]), Weekly Best and Popular Now order by the stored running
 * total of views within their age window; docs/rankings.md says how each list is computed.
 */
export class RankedListsService {
  private snapshot: RankedListsSnapshot = EMPTY;
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<void> | undefined;
  private rerunRequested = false;

  /**
   * @param onChange called after a refresh that changed any list, so cached pages showing the old
   *   lists can be dropped (scheduled stories going live and picks expiring change lists by time alone).
   */
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onChange: () => void = () => {},
  ) {}

  get current(): RankedListsSnapshot {
    return this.snapshot;
  }

  /** Latest stories in a section, the current one left out. */
  sectionLatest(sectionId: string, excludeId?: string): ArticleSummary[] {
    const stories = this.snapshot.latestBySection.get(sectionId) ?? [];
    return stories.filter((story) => story.id !== excludeId).slice(0, LIST_SIZES.sectionLatest);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.refresh().catch(() => {}), LIST_REFRESH_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Recomputes every list; concurrent calls coalesce into one more run after the current one. */
  async refresh(): Promise<void> {
    if (this.pending) {
      this.rerunRequested = true;
      return this.pending;
    }
    this.pending = (async () => {
      try {
        do {
          this.rerunRequested = false;
          const next = await this.compute();
          const changed = signature(next) !== signature(this.snapshot);
          this.snapshot = next;
          if (changed) this.onChange();
        } while (this.rerunRequested);
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  private async compute(): Promise<RankedListsSnapshot> {
    const now = this.clock.now();
    const sections = await listSections(this.db);
    const [latest, weeklyBest, popularNow, pickIds, ...bySection] = await Promise.all([
      listPublishedArticles(this.db, {}, { now, limit: LIST_SIZES.latest }),
      listPublishedArticles(
        this.db,
        { publishedSince: new Date(now.getTime() - WEEKLY_BEST_AGE_CAP_MS) },
        { now, limit: LIST_SIZES.weeklyBest, order: 'most-viewed' },
      ),
      listPublishedArticles(
        this.db,
        { publishedSince: new Date(now.getTime() - POPULAR_NOW_WINDOW_MS) },
        { now, limit: LIST_SIZES.popularNow, order: 'most-viewed' },
      ),
      listActivePickArticleIds(this.db, now, LIST_SIZES.mustReads * 2),
      ...sections.map((section) =>
        listPublishedArticles(this.db, { sectionId: section.id }, { now, limit: LIST_SIZES.sectionLatest + 1 }),
      ),
    ]);
    const picked = await listPublishedArticles(this.db, { ids: pickIds }, { now, limit: pickIds.length || 1 });
    const pickedById = new Map(picked.map((story) => [story.id, story]));
    return {
      computedAt: now,
      latest,
      latestBySection: new Map(sections.map((section, index) => [section.id, bySection[index] ?? []])),
      weeklyBest,
      popularNow,
      mustReads: pickIds.flatMap((id) => pickedById.get(id) ?? []).slice(0, LIST_SIZES.mustReads),
    };
  }
}

/** Which stories each list holds, in order, and their counts: enough to tell whether pages changed. */
function signature(snapshot: RankedListsSnapshot): string {
  const ids = (stories: ArticleSummary[]) => stories.map((story) => `${story.id}:${story.viewCount}`).join(',');
  return [
    ids(snapshot.latest),
    ids(snapshot.weeklyBest),
    ids(snapshot.popularNow),
    ids(snapshot.mustReads),
    ...[...snapshot.latestBySection.values()].map(ids),
  ].join('|');
}
