import type { CommentImport } from '../modules/comments/index.js';
import type { ViewHourImport } from '../modules/audience/index.js';
import { DAY_MS, HOUR_MS } from '../shared/clock.js';
import { between, fill, pick, type Random, type StoryFocus } from './archive-generator-text.js';
import { COMMENT_FRAMES, REPLY_FRAMES } from './generated/archive-phrases.js';

/** The hourly view history a generated archive keeps: the Audience dashboard's longest period. */
export const VIEW_HISTORY_MS = 30 * DAY_MS;

/** Readers per local hour (Asia/Seoul), relative to the busiest: the demo's day, see demo-views.ts. */
const HOURLY_RHYTHM = [
  0.18, 0.12, 0.08, 0.07, 0.08, 0.15, 0.35, 0.7, 0.95, 0.85, 0.7, 0.75, 0.9, 0.8, 0.65, 0.6, 0.62, 0.7, 0.8, 0.9, 1, 0.85, 0.55, 0.3,
];
/** The publication's time zone is Asia/Seoul, nine hours ahead of UTC all year (no daylight saving). */
const SEOUL_OFFSET_HOURS = 9;
/** Share of a story's reach it gets per hour long after publication (its long tail). */
const TAIL = 0.0002;
/** How long the tail lasts for a story that is not evergreen. */
const TAIL_HOURS = 60 * 24;

export interface ViewHistory {
  buckets: Array<Omit<ViewHourImport, 'articleId'>>;
  total: number;
}

/**
 * A story's views: a burst after publication that fades over a day or two and a thin tail (the
 * demo's model, see demo-views.ts). Hourly buckets are kept for the last 30 days only, and only for
 * stories published within them or `evergreen` ones that readers keep finding; any other story
 * keeps just its running total, computed in closed form rather than hour by hour, so a ten-year
 * archive costs nothing per hour it spans.
 */
export function viewHistory(random: Random, publishedAt: Date, now: Date, options: { evergreen: boolean; withBuckets: boolean }): ViewHistory {
  const reach = 300 + random() * 2400 + (random() < 0.15 ? 12_000 * random() : 0);
  const tail = options.evergreen ? TAIL * 5 : TAIL;
  const published = publishedAt.getTime();
  const ageHours = Math.max(0, (now.getTime() - published) / HOUR_MS);
  // Sum over the life so far of reach × (0.11·e^(−age/16) + tail) × the day's average rhythm (~0.6).
  const lifetime = (hours: number) =>
    reach * 0.6 * (0.11 * 16 * (1 - Math.exp(-hours / 16)) + tail * (options.evergreen ? hours : Math.min(hours, TAIL_HOURS)));
  if (!options.withBuckets) return { buckets: [], total: Math.round(lifetime(ageHours)) };

  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const historyStart = Math.floor((now.getTime() - VIEW_HISTORY_MS) / HOUR_MS) * HOUR_MS;
  const firstHour = Math.max(historyStart, Math.ceil(published / HOUR_MS) * HOUR_MS);
  // Before the kept history only the total remembers the views.
  let total = Math.round(lifetime(Math.max(0, (firstHour - published) / HOUR_MS)));
  const buckets: ViewHistory['buckets'] = [];
  for (let hour = firstHour; hour <= currentHour; hour += HOUR_MS) {
    const age = (hour - published) / HOUR_MS;
    const freshness = 0.11 * Math.exp(-age / 16) + (options.evergreen || age < TAIL_HOURS ? tail : 0);
    const share = hour === currentHour ? (now.getTime() - currentHour) / HOUR_MS : 1;
    const rhythm = HOURLY_RHYTHM[(new Date(hour).getUTCHours() + SEOUL_OFFSET_HOURS) % 24] ?? 0.5;
    // Rounded at random rather than down, so a thin tail still shows a view now and then.
    const views = Math.floor(reach * freshness * rhythm * share * (0.7 + random() * 0.6) + random());
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

export interface ThreadOptions {
  publishedAt: Date;
  now: Date;
  readers: readonly string[];
  /** Picks a reader, the active ones more often. */
  reader: () => string;
  newId: () => string;
}

/**
 * A story's conversation: top-level comments over its first two days, most of them soon after
 * publication, some with one level of replies, and likes from other readers. A few await moderation.
 */
export function commentThread(random: Random, focus: StoryFocus, options: ThreadOptions): CommentImport[] {
  const comments: CommentImport[] = [];
  const topLevel = 1 + Math.floor(random() ** 2 * 12);
  const latest = options.now.getTime() - 60_000;
  for (let n = 0; n < topLevel; n++) {
    const at = options.publishedAt.getTime() + 5 * 60_000 + Math.floor(-Math.log(1 - random() * 0.999) * 6 * HOUR_MS);
    if (at > latest) continue;
    const id = options.newId();
    const readerId = options.reader();
    const parent = comment(random, { id, readerId, parentId: null, body: fill(pick(random, COMMENT_FRAMES), random, focus), at }, options);
    comments.push(parent);
    // Readers can reply only to a published comment.
    const replies = parent.status === 'published' && random() < 0.35 ? between(random, 1, 3) : 0;
    for (let r = 0; r < replies; r++) {
      const replyAt = at + between(random, 3, 600) * 60_000;
      if (replyAt > latest) break;
      const body = fill(pick(random, REPLY_FRAMES), random, focus);
      comments.push(comment(random, { id: options.newId(), readerId: options.reader(), parentId: id, body, at: replyAt }, options));
    }
  }
  return comments;
}

function comment(
  random: Random,
  written: { id: string; readerId: string; parentId: string | null; body: string; at: number },
  options: ThreadOptions,
): CommentImport {
  const pending = random() < 0.02;
  const likes = pending ? 0 : Math.floor(random() ** 3 * 16);
  const likedBy = new Set<string>();
  for (let n = 0; n < likes * 2 && likedBy.size < likes; n++) {
    const reader = pick(random, options.readers);
    if (reader !== written.readerId) likedBy.add(reader);
  }
  return {
    id: written.id,
    readerId: written.readerId,
    parentId: written.parentId,
    body: written.body.slice(0, 300),
    status: pending ? 'pending' : 'published',
    heldReason: pending ? 'pre-moderation' : null,
    createdAt: new Date(written.at),
    likedBy: [...likedBy],
  };
}
