import { HOUR_MS } from '../../shared/clock.js';

/** The current hour's views are scaled up at most from this much of it (×6), so a few early views are not blown up. */
const MIN_ELAPSED_FOR_SCALING_MS = 10 * 60_000;

export interface HourlyViews {
  articleId: string;
  publishedAt: Date;
  hourStart: Date;
  views: number;
}

/** The start of the oldest hour Popular Now reads: the current hour and the `hours − 1` before it. */
export function popularNowSince(now: Date, hours: number): Date {
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return new Date(currentHour - (hours - 1) * HOUR_MS);
}

/**
 * Popular Now: views in the last `hours` hours, each hour weighted by how recent it is, so a story
 * whose views are rising outranks one with as many views that are falling away.
 *
 *   score = Σ views(h) × ½^(age(h) / halfLife),   halfLife = max(1, hours / 3)
 *
 * where age is 0 for the current hour, 1 for the hour before, and so on: with the default 3 hours,
 * weights 1, ½, ¼; a wider window decays more slowly, so its older hours still count. The current hour is only
 * partly over, so its views are scaled to a full hour (by 60 / minutes passed, at most ×6) first.
 * Highest score first, the newer story first among equals; stories without views are left out.
 */
export function rankPopularNow(rows: readonly HourlyViews[], now: Date, hours: number, limit: number): string[] {
  const publishedAt = new Map(rows.map((row) => [row.articleId, row.publishedAt.getTime()]));
  return [...popularNowScores(rows, now, hours)]
    .map(([id, score]) => ({ id, score, publishedAt: publishedAt.get(id) ?? 0 }))
    .sort(byScore)
    .slice(0, limit)
    .map((entry) => entry.id);
}

/** Each story's Popular Now score (see rankPopularNow); stories without views in the window are absent. */
export function popularNowScores(rows: ReadonlyArray<Omit<HourlyViews, 'publishedAt'>>, now: Date, hours: number): Map<string, number> {
  const since = popularNowSince(now, hours).getTime();
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const elapsed = now.getTime() - currentHour;
  const halfLife = Math.max(1, hours / 3);
  const scores = new Map<string, number>();
  for (const row of rows) {
    const start = row.hourStart.getTime();
    if (start < since || start > currentHour || row.views <= 0) continue;
    const age = Math.round((currentHour - start) / HOUR_MS);
    const scale = age === 0 ? HOUR_MS / Math.max(elapsed, MIN_ELAPSED_FOR_SCALING_MS) : 1;
    scores.set(row.articleId, (scores.get(row.articleId) ?? 0) + row.views * scale * 0.5 ** (age / halfLife));
  }
  return scores;
}

/** A story's place in a list ranked by views: highest score first, the newer story among equals, then the id. */
export interface ScoredStory {
  id: string;
  score: number;
  /** Epoch milliseconds. */
  publishedAt: number;
}

export function byScore(a: ScoredStory, b: ScoredStory): number {
  return b.score - a.score || b.publishedAt - a.publishedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
