import type { Cluster } from '../../shared/cluster.types.js';
import type { Db } from '../../db/database.js';
import { DAY_MS, type Clock } from '../../shared/clock.js';
import { coalesced, type RequestRun } from '../../shared/jobs/coalesced-run.js';
import { listPublishedArticles, type ArticleSummary } from '../articles/index.js';
import type { SectionService } from '../sections/index.js';
import { hydrateSnapshot, toSnapshotIds, type ListSnapshotStore, type RankedListsSnapshot } from './list-snapshot.js';
import { listActivePickArticleIds } from './pick.repository.js';
import { popularNowSince, rankPopularNow } from './popular-now.js';
import { listHourlyViews, rankStoriesByViews } from './view-ranking.repository.js';

export const LIST_SIZES = {
  sectionLatest: 5,
  latest: 10,
  weeklyBest: 12,
  popularNow: 5,
  mustReads: 5,
} as const;

/**
 * Must-Reads are taken from this many picks in force, in the editors' order, before stories readers
 * cannot see are dropped: room for a few withdrawn or embargoed picks without an unbounded read.
 * CurationService.listPicks applies the same rule to tell editors which picks show.
 */
export const PICK_CANDIDATES = LIST_SIZES.mustReads * 2;

/** Weekly Best counts the views of this window. */
const WEEKLY_BEST_WINDOW_MS = 7 * DAY_MS;
/**
 * Popular Now, Latest and Must-Reads are recomputed this often (lists also go stale with the clock
 * alone: scheduled stories going live, picks expiring); Weekly Best moves slowly, so less often.
 */
export const LIST_REFRESH_INTERVAL_MS = 60_000;
export const WEEKLY_BEST_REFRESH_INTERVAL_MS = 10 * 60_000;
/**
 * With several nodes one of them, the list leader, holds this lock and computes the lists; it
 * renews the lock on every refresh, so when it dies another node takes over within the TTL.
 */
export const LIST_LEADER_LOCK = 'lists';
export const LIST_LEADER_TTL_MS = 3 * LIST_REFRESH_INTERVAL_MS;

/** How the nodes of a cluster share one computation of the lists (absent: this node computes). */
export interface ListLeadership {
  cluster: Pick<Cluster, 'holdLock' | 'broadcast'>;
  snapshots: ListSnapshotStore;
  /** Told of a snapshot that could not be shared or read; the lists are computed here instead. */
  warn?: (error: unknown, what: string) => void;
}

/** The publication's settings for the lists ranked by views. */
export interface RankingSettings {
  popularNowHours: number;
  weeklyBestMaxAgeDays: number;
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
 * changes, and every minute (lists-refresh.job.ts). Pages read the snapshot and never run a list
 * query themselves. docs/rankings.md says exactly how each list is computed.
 */
export class RankedListsService {
  /** As computed: Popular Now with one story to spare (see `popularNow()`). */
  private snapshot: RankedListsSnapshot = EMPTY;
  /** As the lists show: Popular Now at its length. */
  private shown: RankedListsSnapshot = EMPTY;
  private wholeRunRequested = false;
  private weeklyBestComputedAt = Number.NEGATIVE_INFINITY;
  private readonly requestRun: RequestRun;

  /**
   * @param onChange called after a refresh that changed any list, so cached pages showing the old
   *   lists can be dropped (scheduled stories going live and picks expiring change lists by time alone).
   * @param requestRun asks the job runner for a run of lists-refresh.job.ts, which calls
   *   `refreshOnce()`; on its own (tests) the service coalesces its runs itself.
   */
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** Read afresh on every computation, not from the in-memory directory, which may reload later. */
    private readonly sections: Pick<SectionService, 'list'>,
    private readonly settings: () => RankingSettings,
    private readonly onChange: () => void = () => {},
    private readonly leadership?: ListLeadership,
    requestRun?: RequestRun,
  ) {
    this.requestRun = requestRun ?? coalesced(() => this.refreshOnce());
  }

  get current(): RankedListsSnapshot {
    return this.shown;
  }

  /**
   * Popular Now on a story's page: the story itself left out and the next one in, so the list keeps
   * its length. The lists are ranked with one story to spare for that.
   */
  popularNow(excludeId?: string): ArticleSummary[] {
    return this.snapshot.popularNow.filter((story) => story.id !== excludeId).slice(0, LIST_SIZES.popularNow);
  }

  /** Latest stories in a section, the current one left out. */
  sectionLatest(sectionId: string, excludeId?: string): ArticleSummary[] {
    const stories = this.snapshot.latestBySection.get(sectionId) ?? [];
    return stories.filter((story) => story.id !== excludeId).slice(0, LIST_SIZES.sectionLatest);
  }

  /**
   * Recomputes the lists: all of them, or (`scheduled`, the minute's run) Weekly Best only when ten
   * minutes have passed. Calls during a refresh coalesce into one more run after it; each resolves
   * once a run that started after it has finished. With several nodes, only the list leader
   * computes; the others load what it shared.
   */
  refresh(options: { scheduled?: boolean } = {}): Promise<void> {
    if (!options.scheduled) this.wholeRunRequested = true;
    return this.requestRun();
  }

  /**
   * One refresh, as the job runs it: the timer's runs are `scheduled` unless a content change asked
   * for a whole run meanwhile. Never overlaps itself (the runner sees to that).
   */
  async refreshOnce(): Promise<void> {
    const now = this.clock.now();
    const contentChanged = this.wholeRunRequested;
    const withWeeklyBest = contentChanged || now.getTime() - this.weeklyBestComputedAt >= WEEKLY_BEST_REFRESH_INTERVAL_MS;
    this.wholeRunRequested = false;
    const next = await this.next(now, withWeeklyBest, contentChanged);
    const changed = signature(next) !== signature(this.snapshot);
    this.snapshot = next;
    this.shown = { ...next, popularNow: next.popularNow.slice(0, LIST_SIZES.popularNow) };
    if (changed) this.onChange();
  }

  /**
   * The leader computes, shares the result, then tells the others (after a change to content, or
   * when its lists changed). A follower loads the shared lists: one read by id, no ranking. With no
   * shared lists to load (no leader yet, or Redis away), a node computes for itself and shares nothing.
   */
  private async next(now: Date, withWeeklyBest: boolean, contentChanged: boolean): Promise<RankedListsSnapshot> {
    const leadership = this.leadership;
    if (!leadership) return this.compute(now, withWeeklyBest);
    if (await leadership.cluster.holdLock(LIST_LEADER_LOCK, LIST_LEADER_TTL_MS)) {
      const next = await this.compute(now, withWeeklyBest);
      try {
        await leadership.snapshots.save(toSnapshotIds(next), LIST_LEADER_TTL_MS);
        if (contentChanged || signature(next) !== signature(this.snapshot)) await leadership.cluster.broadcast({ type: 'lists.refreshed' });
      } catch (error) {
        leadership.warn?.(error, 'sharing the ranked lists');
      }
      return next;
    }
    try {
      const shared = await leadership.snapshots.load();
      if (shared) return await hydrateSnapshot(this.db, shared, now);
    } catch (error) {
      leadership.warn?.(error, 'loading the ranked lists the list leader shared');
    }
    return this.compute(now, withWeeklyBest);
  }

  private async compute(now: Date, withWeeklyBest: boolean): Promise<RankedListsSnapshot> {
    const settings = this.settings();
    const sections = await this.sections.list();
    const [latest, weeklyBestIds, popularNowIds, pickIds, ...bySection] = await Promise.all([
      listPublishedArticles(this.db, {}, { now, limit: LIST_SIZES.latest }),
      withWeeklyBest ? this.weeklyBestIds(now, settings) : Promise.resolve(null),
      this.popularNowIds(now, settings),
      listActivePickArticleIds(this.db, now, PICK_CANDIDATES),
      ...sections.map((section) => listPublishedArticles(this.db, { sectionId: section.id }, { now, limit: LIST_SIZES.sectionLatest + 1 })),
    ]);
    if (withWeeklyBest) this.weeklyBestComputedAt = now.getTime();
    const [weeklyBest, popularNow, mustReads] = await Promise.all([
      weeklyBestIds ? this.storiesInOrder(weeklyBestIds, now) : Promise.resolve(this.snapshot.weeklyBest),
      this.storiesInOrder(popularNowIds, now),
      this.storiesInOrder(pickIds, now),
    ]);
    return {
      computedAt: now,
      latest,
      latestBySection: new Map(sections.map((section, index) => [section.id, bySection[index] ?? []])),
      weeklyBest,
      popularNow,
      mustReads: mustReads.slice(0, LIST_SIZES.mustReads),
    };
  }

  /** Most views in the last 7 days among stories published within the age cap. */
  private async weeklyBestIds(now: Date, settings: RankingSettings): Promise<string[]> {
    const ranked = await rankStoriesByViews(this.db, {
      list: 'weekly-best',
      since: new Date(now.getTime() - WEEKLY_BEST_WINDOW_MS),
      publishedSince: new Date(now.getTime() - settings.weeklyBestMaxAgeDays * DAY_MS),
      now,
      limit: LIST_SIZES.weeklyBest,
    });
    return ranked.map((entry) => entry.articleId);
  }

  private async popularNowIds(now: Date, settings: RankingSettings): Promise<string[]> {
    const rows = await listHourlyViews(this.db, { list: 'popular-now', since: popularNowSince(now, settings.popularNowHours), now });
    // One to spare: a story's own page leaves it out and shows the next (popularNow()).
    return rankPopularNow(rows, now, settings.popularNowHours, LIST_SIZES.popularNow + 1);
  }

  /** The visible stories among `ids`, in the order given. */
  private async storiesInOrder(ids: readonly string[], now: Date): Promise<ArticleSummary[]> {
    if (ids.length === 0) return [];
    const stories = await listPublishedArticles(this.db, { ids }, { now, limit: ids.length });
    const byId = new Map(stories.map((story) => [story.id, story]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}

/**
 * Which stories each list holds, in order: enough to tell whether pages showing lists changed.
 * View counts shown on pages are kept fresh by the page cache's one-minute age limit instead.
 */
function signature(snapshot: RankedListsSnapshot): string {
  const ids = (stories: ArticleSummary[]) => stories.map((story) => story.id).join(',');
  return [
    ids(snapshot.latest),
    ids(snapshot.weeklyBest),
    ids(snapshot.popularNow),
    ids(snapshot.mustReads),
    ...[...snapshot.latestBySection.values()].map(ids),
  ].join('|');
}
