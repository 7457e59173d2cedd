import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { Db } from '../../db/database.js';
import { byScore, popularNowScores, popularNowSince, type ScoredStory } from './popular-now.js';
import {
  findVisibleStories,
  listViewBucketsSince,
  listVisibleStoriesSince,
  sumViewsOf,
  type EditionScope,
  type VisibleStory,
} from './view-ranking.repository.js';

/**
 * Weekly Best's candidates are summed this many at a time: each statement reads at most this many
 * stories × 168 hourly buckets by primary key, and the event loop gets a turn between statements
 * (on SQLite every statement runs on it), so a week of a busy publication never blocks it long.
 */
const SUM_BATCH = 100;

/**
 * Most views in the window among the visible stories published since `publishedSince` (the age
 * cap), newer first among equals; stories without such views are left out. The candidates are the
 * age cap's stories (the publication's rate × the cap, not the archive); their buckets are read by
 * primary key. With `sectionId`, only that section's stories compete (its weekly newsletter).
 */
export async function rankWeeklyBest(
  db: Db,
  options: { since: Date; publishedSince: Date; now: Date; limit: number; sectionId?: string },
): Promise<string[]> {
  const { sectionId, ...rest } = options;
  const [ranked] = await rankWeeklyBestOf(db, rest, [sectionId === undefined ? {} : { sectionId }]);
  return ranked ?? [];
}

/**
 * Weekly Best of each scope (an edition each), in their order: each scope's candidates read on
 * their own (the edition's index), then summed together, batch by batch, so several editions cost
 * what one publication of all their stories would.
 */
export async function rankWeeklyBestOf(
  db: Db,
  options: { since: Date; publishedSince: Date; now: Date; limit: number },
  scopes: ReadonlyArray<EditionScope & { sectionId?: string }>,
): Promise<string[][]> {
  const candidates: Array<VisibleStory & { scope: number }> = [];
  for (const [scope, filter] of scopes.entries()) {
    for (const story of await listVisibleStoriesSince(db, options.publishedSince, options.now, filter)) candidates.push({ ...story, scope });
  }
  const scored: ScoredStory[][] = scopes.map(() => []);
  for (let start = 0; start < candidates.length; start += SUM_BATCH) {
    await nextTurnOfEventLoop();
    const batch = candidates.slice(start, start + SUM_BATCH);
    const sums = await sumViewsOf(
      db,
      batch.map((story) => story.id),
      { list: 'weekly-best', since: options.since },
    );
    for (const story of batch) {
      const views = sums.get(story.id) ?? 0;
      if (views > 0) scored[story.scope]?.push({ id: story.id, score: views, publishedAt: story.publishedAt.getTime() });
    }
  }
  return scored.map((stories) =>
    stories
      .sort(byScore)
      .slice(0, options.limit)
      .map((story) => story.id),
  );
}

/**
 * Popular Now (popular-now.ts) among the stories readers can see, for each scope (an edition each):
 * the window's buckets read once through the hour index and scored in memory, then visibility,
 * edition and publication times read only for the top of each scope's ranking.
 */
export async function rankPopularNowVisible(
  db: Db,
  options: { now: Date; hours: number; limit: number },
  scopes: readonly EditionScope[] = [{}],
): Promise<string[][]> {
  const buckets = await listViewBucketsSince(db, { list: 'popular-now', since: popularNowSince(options.now, options.hours) });
  const scores = popularNowScores(buckets, options.now, options.hours);
  const ranked: string[][] = [];
  for (const scope of scopes) ranked.push(await topVisible(db, scores, options.now, options.limit, scope));
  return ranked;
}

/**
 * The `limit` best of `scores` among stories readers can see, ties broken by publication time: read
 * batch by batch from the top, until the next score falls below the last place (a tie still could
 * take it, being newer).
 */
async function topVisible(db: Db, scores: ReadonlyMap<string, number>, now: Date, limit: number, scope: EditionScope): Promise<string[]> {
  const order = [...scores].sort((a, b) => b[1] - a[1]);
  const batchSize = Math.max(2 * limit, 20);
  const found: ScoredStory[] = [];
  for (let next = 0; next < order.length; next += batchSize) {
    const nextScore = order[next]?.[1] ?? 0;
    const lastPlace = found.sort(byScore)[limit - 1];
    if (lastPlace && nextScore < lastPlace.score) break;
    const batch = order.slice(next, next + batchSize);
    const visible = await findVisibleStories(
      db,
      batch.map(([id]) => id),
      now,
      scope,
    );
    for (const story of visible) found.push({ id: story.id, score: scores.get(story.id) ?? 0, publishedAt: story.publishedAt.getTime() });
  }
  return found
    .sort(byScore)
    .slice(0, limit)
    .map((story) => story.id);
}
