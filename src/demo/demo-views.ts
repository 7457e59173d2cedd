import type { ViewHourImport } from '../modules/audience/index.js';
import { DAY_MS, HOUR_MS } from '../shared/clock.js';
import { seededRandom } from './demo-images.js';

/** How far back the demo's hourly view history goes: enough for Weekly Best and the 14-day charts. */
export const DEMO_HISTORY_MS = 14 * DAY_MS;

/**
 * Readers per local hour, relative to the busiest: a news site's day, with a morning commute, lunch
 * and an evening peak, and quiet nights.
 */
const HOURLY_RHYTHM = [
  0.18, 0.12, 0.08, 0.07, 0.08, 0.15, 0.35, 0.7, 0.95, 0.85, 0.7, 0.75, 0.9, 0.8, 0.65, 0.6, 0.62, 0.7, 0.8, 0.9, 1, 0.85, 0.55, 0.3,
];

export interface DemoViewHistory {
  /** Hourly buckets from the start of the history (or the story's publication) to now. */
  buckets: Array<Omit<ViewHourImport, 'articleId'>>;
  /** The running total: the buckets plus the views a story older than the history had before it. */
  total: number;
}

/**
 * A plausible view history for one demo story: a burst after publication that fades over a day or
 * two, a long tail, the day's rhythm in the publication's time zone, and noise. Seeded by the slug,
 * so every demo install tells the same story. About 6% of views come from a Popular Now click and
 * 4% from Weekly Best, as a real site's would.
 */
export function demoViewHistory(slug: string, publishedAt: Date, now: Date, timeZone: string): DemoViewHistory {
  const random = seededRandom(`views:${slug}`);
  const reach = 400 + random() * 2600 + (random() < 0.2 ? 9000 * random() : 0);
  const localHour = localHourOf(timeZone);
  const expectedViews = (hourStart: number) => {
    const ageHours = (hourStart - publishedAt.getTime()) / HOUR_MS;
    const freshness = 0.11 * Math.exp(-ageHours / 16) + 0.0025;
    return reach * freshness * (HOURLY_RHYTHM[localHour(hourStart)] ?? 0.5);
  };

  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const firstHour = Math.ceil(publishedAt.getTime() / HOUR_MS) * HOUR_MS;
  const historyStart = Math.floor((now.getTime() - DEMO_HISTORY_MS) / HOUR_MS) * HOUR_MS;
  let total = 0;
  // Before the history: only the total remembers those views.
  for (let hour = firstHour; hour < historyStart; hour += HOUR_MS) total += Math.round(expectedViews(hour));

  const buckets: DemoViewHistory['buckets'] = [];
  for (let hour = Math.max(firstHour, historyStart); hour <= currentHour; hour += HOUR_MS) {
    // The current hour is only partly over.
    const share = hour === currentHour ? (now.getTime() - currentHour) / HOUR_MS : 1;
    const views = Math.round(expectedViews(hour) * share * (0.7 + random() * 0.6));
    if (views <= 0) continue;
    buckets.push({
      hourStart: new Date(hour),
      views,
      viaPopularNow: Math.floor(views * 0.06 * random() * 2),
      viaWeeklyBest: Math.floor(views * 0.04 * random() * 2),
    });
    total += views;
  }
  return { buckets, total };
}

function localHourOf(timeZone: string): (instant: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  return (instant) => Number(format.format(new Date(instant)));
}
