import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { Cluster } from '../../shared/cluster.types.js';
import type { Db } from '../../db/database.js';
import { DAY_MS, type Clock } from '../../shared/clock.js';
import { coalesced, type RequestRun } from '../../shared/jobs/coalesced-run.js';
import { DEFAULT_EDITION_ID } from '../../db/migrations/0027-editions.migration.js';
import type { ArticleSummary } from '../articles/index.js';
import type { SectionService } from '../sections/index.js';
import {
  hydrateSnapshot,
  LIST_SNAPSHOT_VERSION,
  readInOrder,
  snapshotStoryIds,
  type EditionListIds,
  type ListsBesideStory,
  type ListSnapshotIds,
  type ListSnapshotStore,
  type RankedListsSnapshot,
} from './list-snapshot.js';
import { loadListSnapshot, saveListSnapshot } from './list-snapshot.repository.js';
import { listActivePickArticleIds } from './pick.repository.js';
import { findStoryEdition, listNewestVisibleIds, type EditionScope } from './view-ranking.repository.js';
import { rankPopularNowVisible, rankWeeklyBest, rankWeeklyBestOf } from './view-rankings.js';

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
/**
 * The lists ranked by views keep this many stories beyond their length: a story withdrawn between
 * two rankings leaves its place to the next one when the lists are re-read, without ranking again.
 */
const SPARE_RANKS = 3;

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

/** A list ranked on its own: the newest stories (home and sections), Must-Reads, and the two by views. */
type Ranking = 'latest' | 'mustReads' | 'popularNow' | 'weeklyBest';
const EVERY_RANKING: readonly Ranking[] = ['latest', 'mustReads', 'popularNow', 'weeklyBest'];
/** What a story or curation change can reorder: views do not move when a story is published or edited. */
const CONTENT_RANKINGS: readonly Ranking[] = ['latest', 'mustReads'];

const NO_IDS: ListSnapshotIds = { version: LIST_SNAPSHOT_VERSION, computedAt: new Date(0).toISOString(), editions: [], latestBySection: [] };
const NO_LISTS: EditionListIds = { latest: [], weeklyBest: [], popularNow: [], mustReads: [] };
const EMPTY: RankedListsSnapshot = { computedAt: new Date(0), latest: [], latestBySection: new Map(), weeklyBest: [], popularNow: [], mustReads: [] };

/**
 * Holds every site-wide list of every edition in memory (each edition's own Latest, Weekly Best,
 * Popular Now and Must-Reads; the sections' lists once, a section being of one edition), computed
 * off the request path, and keeps the story ids it ranked in the database (`list_snapshots`), so a
 * start reads them back instead of ranking again.
 * Each change ranks only what it can reorder (a story event: the newest stories and Must-Reads; a
 * comment on a listed story: nothing, its stories are re-read) and every run re-reads the listed
 * stories by id, so each shows as it is now. The timer (lists-refresh.job.ts) ranks by views every
 * minute (Weekly Best every ten). Every query is bounded (view-ranking.repository.ts). Pages read
 * the snapshot and never run a list query themselves. docs/rankings.md says how each list is computed.
 */
export class RankedListsService {
  /** The ids as ranked, spares included: what the next run re-reads for the lists it does not rank. */
  private ranked: ListSnapshotIds = NO_IDS;
  /** Each edition's lists as computed, by edition id: Popular Now with one story to spare (see `popularNow()`). */
  private snapshots = new Map<string, RankedListsSnapshot>();
  /** As the lists show: Popular Now at its length. */
  private shown = new Map<string, RankedListsSnapshot>();
  /** What runs asked for since the last run ranks; empty: the timer's run. */
  private readonly requested = new Set<Ranking>();
  private rereadRequested = false;
  private weeklyBestComputedAt = Number.NEGATIVE_INFINITY;
  private readonly requestRun: RequestRun;

  /**
   * @param onChange called after a refresh that changed any list, so cached pages showing the old
   *   lists can be dropped (scheduled stories going live and picks expiring change lists by time alone).
   * @param requestRun asks the job runner for a run of lists-refresh.job.ts, which calls
   *   `refreshOnce()`; on its own (tests) the service coalesces its runs itself.
   * @param editionIds every edition's id, the default one first (EditionService), read on every
   *   computation; an edition new to the lists gets every list ranked at once.
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
    private readonly editionIds: () => readonly string[] = () => [DEFAULT_EDITION_ID],
  ) {
    this.requestRun = requestRun ?? coalesced(() => this.refreshOnce());
  }

  /** The default edition's lists (the publication at `/`). */
  get current(): RankedListsSnapshot {
    return this.currentFor(DEFAULT_EDITION_ID);
  }

  /** An edition's lists; empty lists for an edition not ranked yet (its sections' lists are there all the same). */
  currentFor(editionId: string): RankedListsSnapshot {
    return this.shown.get(editionId) ?? { ...EMPTY, latestBySection: this.latestBySection() };
  }

  /**
   * Popular Now on a story's page, of an edition (the default one unless told): the story itself
   * left out and the next one in, so the list keeps its length. The lists are ranked with one story
   * to spare for that.
   */
  popularNow(excludeId?: string, editionId: string = DEFAULT_EDITION_ID): ArticleSummary[] {
    const stories = this.snapshots.get(editionId)?.popularNow ?? [];
    return stories.filter((story) => story.id !== excludeId).slice(0, LIST_SIZES.popularNow);
  }

  /** Latest stories in a section, the current one left out. */
  sectionLatest(sectionId: string, excludeId?: string): ArticleSummary[] {
    const stories = this.latestBySection().get(sectionId) ?? [];
    return stories.filter((story) => story.id !== excludeId).slice(0, LIST_SIZES.sectionLatest);
  }

  /** The lists beside a story on its page, of the story's edition, the story itself left out of them. */
  beside(story: { id: string; sectionId: string; editionId: string }): ListsBesideStory {
    const { weeklyBest, mustReads } = this.currentFor(story.editionId);
    return {
      sectionLatest: this.sectionLatest(story.sectionId, story.id),
      weeklyBest,
      popularNow: this.popularNow(story.id, story.editionId),
      mustReads,
    };
  }

  /**
   * `beside()` for a story whose edition the caller does not have: read by primary key, and only
   * when the publication has more than one edition (with one, every story is the default edition's).
   */
  async besideStory(story: { id: string; sectionId: string }): Promise<ListsBesideStory> {
    const several = this.ranked.editions.length > 1;
    const editionId = (several ? await findStoryEdition(this.db, story.id) : undefined) ?? DEFAULT_EDITION_ID;
    return this.beside({ ...story, editionId });
  }

  /** Every section's newest stories, shared by the editions' lists (a section is of one edition). */
  private latestBySection(): Map<string, ArticleSummary[]> {
    return this.snapshots.values().next().value?.latestBySection ?? new Map<string, ArticleSummary[]>();
  }

  /**
   * A section's Weekly Best (its weekly newsletter): ranked as the site's list is (the week's views,
   * within the age cap), among that section's stories only. Asked for once a week per section, off
   * the request path, so it is ranked on demand rather than kept in the snapshot.
   */
  async weeklyBestOfSection(sectionId: string, limit: number): Promise<ArticleSummary[]> {
    const now = this.clock.now();
    const ids = await rankWeeklyBest(this.db, {
      sectionId,
      since: new Date(now.getTime() - WEEKLY_BEST_WINDOW_MS),
      publishedSince: new Date(now.getTime() - this.settings().weeklyBestMaxAgeDays * DAY_MS),
      now,
      limit,
    });
    return (await readInOrder(this.db, ids, now))(ids);
  }

  /**
   * At start: the lists as last stored, read by id (one query, no ranking); the job's first run
   * brings them up to date in the background. Nothing stored yet (a new database): ranked now.
   */
  async loadStored(): Promise<void> {
    const stored = await loadListSnapshot(this.db);
    if (!stored) return this.refresh();
    this.ranked = stored;
    this.weeklyBestComputedAt = Date.parse(stored.weeklyBestComputedAt ?? stored.computedAt);
    this.show(trim(await hydrateSnapshot(this.db, stored, this.clock.now())));
  }

  /**
   * Ranks every list again (a reload, an import, new settings), or with `scheduled` (the minute's
   * run) what the timer ranks. Calls during a refresh coalesce into one more run after it; each
   * resolves once a run that started after it has finished. With several nodes, only the list
   * leader computes; the others load what it shared.
   */
  refresh(options: { scheduled?: boolean } = {}): Promise<void> {
    if (!options.scheduled) for (const ranking of EVERY_RANKING) this.requested.add(ranking);
    return this.requestRun();
  }

  /** A story or curation change: the newest stories and Must-Reads ranked again, the others re-read. */
  contentChanged(): Promise<void> {
    for (const ranking of CONTENT_RANKINGS) this.requested.add(ranking);
    return this.requestRun();
  }

  /**
   * Something these stories show changed (comment counts, an image): re-read the lists if they
   * hold any of them (`'all'`: whatever they hold); otherwise nothing to do.
   */
  storiesChanged(articleIds: readonly string[] | 'all'): Promise<void> {
    const listed = articleIds === 'all' || articleIds.some((id) => this.isListed(id));
    if (!listed) return Promise.resolve();
    this.rereadRequested = true;
    return this.requestRun();
  }

  /**
   * One refresh, as the job runs it: what was asked for since the last run, or, asked for nothing,
   * the timer's rankings (Popular Now, Latest and Must-Reads; Weekly Best every ten minutes).
   * Never overlaps itself (the runner sees to that).
   */
  async refreshOnce(): Promise<void> {
    const now = this.clock.now();
    const timer = this.requested.size === 0 && !this.rereadRequested;
    const rankings = new Set<Ranking>(timer ? ['latest', 'mustReads', 'popularNow'] : this.requested);
    if (timer && now.getTime() - this.weeklyBestComputedAt >= WEEKLY_BEST_REFRESH_INTERVAL_MS) rankings.add('weeklyBest');
    const contentChanged = !timer;
    this.requested.clear();
    this.rereadRequested = false;
    const next = await this.next(now, rankings, contentChanged);
    const changed = signature(next) !== signature(this.snapshots);
    this.show(next);
    if (changed) this.onChange();
  }

  private show(next: Map<string, RankedListsSnapshot>): void {
    this.snapshots = next;
    this.shown = new Map(
      [...next].map(([editionId, lists]) => [editionId, { ...lists, popularNow: lists.popularNow.slice(0, LIST_SIZES.popularNow) }]),
    );
  }

  private isListed(id: string): boolean {
    return snapshotStoryIds(this.ranked).includes(id);
  }

  /**
   * The leader computes, shares the result, then tells the others (after a change to content, or
   * when its lists changed). A follower loads the shared lists: one read by id, no ranking. With no
   * shared lists to load (no leader yet, or Redis away), a node computes for itself and shares nothing.
   */
  private async next(now: Date, rankings: ReadonlySet<Ranking>, contentChanged: boolean): Promise<Map<string, RankedListsSnapshot>> {
    const leadership = this.leadership;
    if (!leadership) return this.compute(now, rankings);
    if (await leadership.cluster.holdLock(LIST_LEADER_LOCK, LIST_LEADER_TTL_MS)) {
      const next = await this.compute(now, rankings);
      try {
        await leadership.snapshots.save(this.ranked, LIST_LEADER_TTL_MS);
        if (contentChanged || signature(next) !== signature(this.snapshots)) await leadership.cluster.broadcast({ type: 'lists.refreshed' });
      } catch (error) {
        leadership.warn?.(error, 'sharing the ranked lists');
      }
      return next;
    }
    try {
      const shared = await leadership.snapshots.load();
      if (shared) {
        this.ranked = shared;
        return trim(await hydrateSnapshot(this.db, shared, now));
      }
    } catch (error) {
      leadership.warn?.(error, 'loading the ranked lists the list leader shared');
    }
    return this.compute(now, new Set(EVERY_RANKING));
  }

  /**
   * Ranks the lists asked for, for every edition, keeps the others' ids as they were ranked, then
   * reads every listed story of every edition in one batch. With one edition its lists are ranked
   * over every story, with no edition filter: the same statements as before editions. The event
   * loop gets a turn between the rankings (on SQLite each statement runs on it). What was ranked is
   * stored when it changed.
   */
  private async compute(now: Date, asked: ReadonlySet<Ranking>): Promise<Map<string, RankedListsSnapshot>> {
    const settings = this.settings();
    const previous = this.ranked;
    const editionIds = this.editionIds().length > 0 ? [...this.editionIds()] : [DEFAULT_EDITION_ID];
    const before = new Map(previous.editions);
    // An edition new to the lists (or one gone) has no lists to keep: every list is ranked.
    const sameEditions = editionIds.length === before.size && editionIds.every((id) => before.has(id));
    const rankings = sameEditions ? asked : new Set(EVERY_RANKING);
    const scopes: EditionScope[] = editionIds.length > 1 ? editionIds.map((editionId) => ({ editionId })) : [{}];
    const lists = editionIds.map((id): EditionListIds => ({ ...(before.get(id) ?? NO_LISTS) }));
    let latestBySection = previous.latestBySection;
    if (rankings.has('latest')) {
      for (const [index, scope] of scopes.entries()) lists[index]!.latest = await listNewestVisibleIds(this.db, scope, now, LIST_SIZES.latest);
      const sections = await this.sections.list();
      latestBySection = [];
      for (const section of sections) {
        latestBySection.push([section.id, await listNewestVisibleIds(this.db, { sectionId: section.id }, now, LIST_SIZES.sectionLatest + 1)]);
      }
      await nextTurnOfEventLoop();
    }
    if (rankings.has('mustReads')) {
      for (const [index, scope] of scopes.entries()) {
        lists[index]!.mustReads = await listActivePickArticleIds(this.db, now, PICK_CANDIDATES, scope.editionId);
      }
    }
    await nextTurnOfEventLoop();
    if (rankings.has('popularNow')) {
      // One to spare for a story's own page (popularNow()), and a few for withdrawn stories.
      const limit = LIST_SIZES.popularNow + 1 + SPARE_RANKS;
      const ranked = await rankPopularNowVisible(this.db, { now, hours: settings.popularNowHours, limit }, scopes);
      for (const [index, ids] of ranked.entries()) lists[index]!.popularNow = ids;
      await nextTurnOfEventLoop();
    }
    if (rankings.has('weeklyBest')) {
      const window = {
        since: new Date(now.getTime() - WEEKLY_BEST_WINDOW_MS),
        publishedSince: new Date(now.getTime() - settings.weeklyBestMaxAgeDays * DAY_MS),
        now,
        limit: LIST_SIZES.weeklyBest + SPARE_RANKS,
      };
      const ranked = await rankWeeklyBestOf(this.db, window, scopes);
      for (const [index, ids] of ranked.entries()) lists[index]!.weeklyBest = ids;
      this.weeklyBestComputedAt = now.getTime();
      await nextTurnOfEventLoop();
    }
    const ids: ListSnapshotIds = {
      version: LIST_SNAPSHOT_VERSION,
      computedAt: now.toISOString(),
      weeklyBestComputedAt: new Date(this.weeklyBestComputedAt === Number.NEGATIVE_INFINITY ? 0 : this.weeklyBestComputedAt).toISOString(),
      editions: editionIds.map((id, index) => [id, lists[index] ?? NO_LISTS]),
      latestBySection,
    };
    this.ranked = ids;
    if (rankedSignature(ids) !== rankedSignature(previous)) await saveListSnapshot(this.db, ids, now);
    await nextTurnOfEventLoop();
    return trim(await hydrateSnapshot(this.db, ids, now));
  }
}

/** The lists at the lengths they are kept at: spares cut, Popular Now with one to spare. */
function trim(snapshots: Map<string, RankedListsSnapshot>): Map<string, RankedListsSnapshot> {
  const first = snapshots.values().next().value;
  const latestBySection = new Map([...(first?.latestBySection ?? [])].map(([id, stories]) => [id, stories.slice(0, LIST_SIZES.sectionLatest + 1)]));
  return new Map(
    [...snapshots].map(([editionId, snapshot]) => [
      editionId,
      {
        ...snapshot,
        latest: snapshot.latest.slice(0, LIST_SIZES.latest),
        latestBySection,
        weeklyBest: snapshot.weeklyBest.slice(0, LIST_SIZES.weeklyBest),
        popularNow: snapshot.popularNow.slice(0, LIST_SIZES.popularNow + 1),
        mustReads: snapshot.mustReads.slice(0, LIST_SIZES.mustReads),
      },
    ]),
  );
}

/**
 * Which stories each list of each edition holds, in order: enough to tell whether pages showing
 * lists changed. View counts shown on pages are kept fresh by the page cache's one-minute age limit instead.
 */
function signature(snapshots: ReadonlyMap<string, RankedListsSnapshot>): string {
  const ids = (stories: ArticleSummary[]) => stories.map((story) => story.id).join(',');
  const sections = snapshots.values().next().value?.latestBySection ?? new Map<string, ArticleSummary[]>();
  return [
    ...[...snapshots].map(([editionId, snapshot]) =>
      [editionId, ids(snapshot.latest), ids(snapshot.weeklyBest), ids(snapshot.popularNow), ids(snapshot.mustReads)].join('|'),
    ),
    ...[...sections.values()].map(ids),
  ].join('|');
}

/** The ranked ids, spares included, and when Weekly Best was ranked: what is worth storing again. */
function rankedSignature(ids: ListSnapshotIds): string {
  return JSON.stringify([ids.editions, ids.latestBySection, ids.weeklyBestComputedAt]);
}
