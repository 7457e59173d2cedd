import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { Db } from '../../db/database.js';
import { byScore, popularNowScores, popularNowSince, type ScoredStory } from './popular-now.js';
import { findVisibleStories, listViewBucketsSince, listVisibleStoriesSince, sumViewsOf } from './view-ranking.repository.js';

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
  const candidates = await listVisibleStoriesSince(db, options.publishedSince, options.now, options.sectionId);
  const scored: ScoredStory[] = [];
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
      if (views > 0) scored.push({ id: story.id, score: views, publishedAt: story.publishedAt.getTime() });
    }
  }
  return scored
    .sort(byScore)
    .slice(0, options.limit)
    .map((story) => story.id);
}

/**
 * Popular Now (popular-now.ts) among the stories readers can see: the window's buckets through the
 * hour index, scored in memory, then visibility and publication times read only for the top of the
 * ranking.
 */
export async function rankPopularNowVisible(db: Db, options: { now: Date; hours: number; limit: number }): Promise<string[]> {
  const buckets = await listViewBucketsSince(db, { list: 'popular-now', since: popularNowSince(options.now, options.hours) });
  return topVisible(db, popularNowScores(buckets, options.now, options.hours), options.now, options.limit);
}

/**
 * The `limit` best of `scores` among stories readers can see, ties broken by publication time: read
 * batch by batch from the top, until the next score falls below the last place (a tie still could
 * take it, being newer).
 */
async function topVisible(db: Db, scores: ReadonlyMap<string, number>, now: Date, limit: number): Promise<string[]> {
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
    );
    for (const story of visible) found.push({ id: story.id, score: scores.get(story.id) ?? 0, publishedAt: story.publishedAt.getTime() });
  }
  return found
    .sort(byScore)
    .slice(0, limit)
    .map((story) => story.id);
}
