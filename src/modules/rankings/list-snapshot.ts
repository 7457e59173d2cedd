import type { Db } from '../../db/database.js';
import { listPublishedArticles, type ArticleSummary } from '../articles/index.js';

/** One edition's ranked lists, as pages read them from memory (`latestBySection`: every section's). */
export interface RankedListsSnapshot {
  computedAt: Date;
  latest: ArticleSummary[];
  latestBySection: Map<string, ArticleSummary[]>;
  weeklyBest: ArticleSummary[];
  popularNow: ArticleSummary[];
  mustReads: ArticleSummary[];
}

/** The lists a story's page shows beside it, of the story's own edition. */
export interface ListsBesideStory {
  sectionLatest: ArticleSummary[];
  weeklyBest: ArticleSummary[];
  popularNow: ArticleSummary[];
  mustReads: ArticleSummary[];
}

/** The version of `ListSnapshotIds` this program writes and reads: any other is no snapshot (ranked again). */
export const LIST_SNAPSHOT_VERSION = 2;

/** One edition's site-wide lists, by story id. */
export interface EditionListIds {
  latest: string[];
  weeklyBest: string[];
  popularNow: string[];
  mustReads: string[];
}

/**
 * The ranked lists as the list leader computed them, by story id only: what it shares with the
 * other nodes, which fill in the stories themselves from the database (a plain read by id, no
 * ranking), so a story edited since shows as it is now. Version 1 (before editions) held one set
 * of lists at the top level; it reads as no snapshot, so the lists are ranked again after an upgrade.
 */
export interface ListSnapshotIds {
  version: typeof LIST_SNAPSHOT_VERSION;
  computedAt: string;
  /** When Weekly Best was last ranked (it is ranked less often than the others); absent: at `computedAt`. */
  weeklyBestComputedAt?: string;
  /** Each edition's lists, by edition id, in the editions' order. */
  editions: Array<[editionId: string, lists: EditionListIds]>;
  /** Every section's newest stories (a section belongs to one edition, so these are not per edition). */
  latestBySection: Array<[sectionId: string, ids: string[]]>;
}

/** Where the leader leaves its lists for the others (Redis with several nodes; the database keeps them for the next start). */
export interface ListSnapshotStore {
  /** @param ttlMs the snapshot goes when its leader has been silent this long, so nobody reads stale lists. */
  save(snapshot: ListSnapshotIds, ttlMs: number): Promise<void>;
  /** The latest snapshot, or null when there is none (no leader yet, or it expired). */
  load(): Promise<ListSnapshotIds | null>;
}

/** The value as lists of story ids of this version, or null when it is anything else (an older version too). */
export function parseListSnapshotIds(value: unknown): ListSnapshotIds | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Partial<ListSnapshotIds>;
  const isIds = (ids: unknown): ids is string[] => Array.isArray(ids) && ids.every((id) => typeof id === 'string');
  const isKeyed = <T>(entries: unknown, isValue: (value: unknown) => value is T): entries is Array<[string, T]> =>
    Array.isArray(entries) && entries.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && isValue(entry[1]));
  const isEditionLists = (lists: unknown): lists is EditionListIds => {
    if (typeof lists !== 'object' || lists === null) return false;
    const { latest, weeklyBest, popularNow, mustReads } = lists as Partial<EditionListIds>;
    return isIds(latest) && isIds(weeklyBest) && isIds(popularNow) && isIds(mustReads);
  };
  if (
    candidate.version !== LIST_SNAPSHOT_VERSION ||
    typeof candidate.computedAt !== 'string' ||
    !isKeyed(candidate.editions, isEditionLists) ||
    !isKeyed(candidate.latestBySection, isIds) ||
    (candidate.weeklyBestComputedAt !== undefined && typeof candidate.weeklyBestComputedAt !== 'string')
  ) {
    return null;
  }
  return candidate as ListSnapshotIds;
}

/** Every story id the snapshot names, once. */
export function snapshotStoryIds(shared: ListSnapshotIds): string[] {
  return [
    ...new Set([
      ...shared.editions.flatMap(([, lists]) => [...lists.latest, ...lists.weeklyBest, ...lists.popularNow, ...lists.mustReads]),
      ...shared.latestBySection.flatMap(([, ids]) => ids),
    ]),
  ];
}

/**
 * Each edition's lists as the ids name them, by edition id, with every story of every edition read
 * in one query; stories no longer visible drop out. The sections' lists are shared by all editions.
 */
export async function hydrateSnapshot(db: Db, shared: ListSnapshotIds, now: Date): Promise<Map<string, RankedListsSnapshot>> {
  const inOrder = await readInOrder(db, snapshotStoryIds(shared), now);
  const computedAt = new Date(shared.computedAt);
  const latestBySection = new Map(shared.latestBySection.map(([sectionId, ids]) => [sectionId, inOrder(ids)]));
  return new Map(
    shared.editions.map(([editionId, lists]) => [
      editionId,
      {
        computedAt,
        latest: inOrder(lists.latest),
        latestBySection,
        weeklyBest: inOrder(lists.weeklyBest),
        popularNow: inOrder(lists.popularNow),
        mustReads: inOrder(lists.mustReads),
      },
    ]),
  );
}

/**
 * The stories `ids` name, read in one query; returns a function putting any of those ids in order as
 * stories, leaving out those readers can no longer see.
 */
export async function readInOrder(db: Db, ids: readonly string[], now: Date): Promise<(ids: readonly string[]) => ArticleSummary[]> {
  const stories = ids.length === 0 ? [] : await listPublishedArticles(db, { ids: [...ids] }, { now, limit: ids.length });
  const byId = new Map(stories.map((story) => [story.id, story]));
  return (wanted) => wanted.flatMap((id) => byId.get(id) ?? []);
}
