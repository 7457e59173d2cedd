import type { Db } from '../../db/database.js';
import { listPublishedArticles, type ArticleSummary } from '../articles/index.js';

/** Every site-wide ranked list, as pages read it from memory. */
export interface RankedListsSnapshot {
  computedAt: Date;
  latest: ArticleSummary[];
  latestBySection: Map<string, ArticleSummary[]>;
  weeklyBest: ArticleSummary[];
  popularNow: ArticleSummary[];
  mustReads: ArticleSummary[];
}

/**
 * The ranked lists as the list leader computed them, by story id only: what it shares with the
 * other nodes, which fill in the stories themselves from the database (a plain read by id, no
 * ranking), so a story edited since shows as it is now.
 */
export interface ListSnapshotIds {
  computedAt: string;
  /** When Weekly Best was last ranked (it is ranked less often than the others); absent: at `computedAt`. */
  weeklyBestComputedAt?: string;
  latest: string[];
  latestBySection: Array<[sectionId: string, ids: string[]]>;
  weeklyBest: string[];
  popularNow: string[];
  mustReads: string[];
}

/** Where the leader leaves its lists for the others (Redis with several nodes; the database keeps them for the next start). */
export interface ListSnapshotStore {
  /** @param ttlMs the snapshot goes when its leader has been silent this long, so nobody reads stale lists. */
  save(snapshot: ListSnapshotIds, ttlMs: number): Promise<void>;
  /** The latest snapshot, or null when there is none (no leader yet, or it expired). */
  load(): Promise<ListSnapshotIds | null>;
}

export function toSnapshotIds(snapshot: RankedListsSnapshot): ListSnapshotIds {
  const ids = (stories: ArticleSummary[]) => stories.map((story) => story.id);
  return {
    computedAt: snapshot.computedAt.toISOString(),
    latest: ids(snapshot.latest),
    latestBySection: [...snapshot.latestBySection].map(([sectionId, stories]) => [sectionId, ids(stories)]),
    weeklyBest: ids(snapshot.weeklyBest),
    popularNow: ids(snapshot.popularNow),
    mustReads: ids(snapshot.mustReads),
  };
}

/** The lists the ids name, with every story read in one query; stories no longer visible drop out. */
export async function hydrateSnapshot(db: Db, shared: ListSnapshotIds, now: Date): Promise<RankedListsSnapshot> {
  const all = [
    ...new Set([
      ...shared.latest,
      ...shared.weeklyBest,
      ...shared.popularNow,
      ...shared.mustReads,
      ...shared.latestBySection.flatMap(([, ids]) => ids),
    ]),
  ];
  const inOrder = await readInOrder(db, all, now);
  return {
    computedAt: new Date(shared.computedAt),
    latest: inOrder(shared.latest),
    latestBySection: new Map(shared.latestBySection.map(([sectionId, ids]) => [sectionId, inOrder(ids)])),
    weeklyBest: inOrder(shared.weeklyBest),
    popularNow: inOrder(shared.popularNow),
    mustReads: inOrder(shared.mustReads),
  };
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
