import type { Db } from '../../db/database.js';
import { HOUR_MS, type Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { addDaysToKey, startOfZonedDay, zonedDayKey } from '../../shared/zoned-time.js';
import {
  listAuthorRefs,
  listBylines,
  listSectionRefs,
  sumViewsByArticle,
  sumViewsByAuthor,
  sumViewsByHour,
  sumViewsBySection,
  type ArticleViews,
  type ViewFilter,
  type ViewWindow,
} from './audience-report.repository.js';
import type { GroupViews, NamedRef } from './audience-report.types.js';

export const AUDIENCE_PERIODS = ['today', '7d', '30d'] as const;
export type AudiencePeriod = (typeof AUDIENCE_PERIODS)[number];
/** What the page shows when no period is asked for. */
export const DEFAULT_AUDIENCE_PERIOD: AudiencePeriod = '7d';

/** Local days in each period, today included: "7 days" is today and the six days before it. */
const PERIOD_DAYS: Record<AudiencePeriod, number> = { today: 1, '7d': 7, '30d': 30 };
export const HOURS_CHARTED = 48;
export const DAYS_CHARTED = 30;
export const TOP_STORIES = 20;

/** What the page asked for, checked. Slugs are looked up by `report()`. */
export interface AudienceQuery {
  period: AudiencePeriod;
  sectionSlug?: string;
  authorSlug?: string;
}

export interface TopStory extends ArticleViews {
  rank: number;
  authors: NamedRef[];
}

export interface AudienceReport {
  period: AudiencePeriod;
  timeZone: string;
  /** When the period began: the publication's local midnight. */
  periodStart: Date;
  section?: NamedRef;
  author?: NamedRef;
  /** The last 48 UTC hours, oldest first, the current (partial) hour last; hours without views read 0. */
  hours: Array<{ start: Date; views: number }>;
  /** The last 30 local days, oldest first, today (so far) last. */
  days: Array<{ day: string; start: Date; views: number }>;
  periodViews: number;
  topStories: TopStory[];
  bySection: GroupViews[];
  byAuthor: GroupViews[];
  /** For the filter form. */
  sections: NamedRef[];
  authors: NamedRef[];
}

/**
 * The Audience dashboard's figures, from the hourly view buckets. Buckets are UTC hours; hours
 * and days are shown in the publication's time zone.
 */
export class AudienceReportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly settings: { readonly publication: { readonly timeZone: string } },
  ) {}

  /**
   * Checks the page's query string: `period` one of today|7d|30d (default 7d), `section` and
   * `author` slugs (empty means all). A repeated or unknown value is refused, never guessed.
   */
  parseQuery(query: Readonly<Record<string, unknown>>): AudienceQuery {
    const read = (name: string): string | undefined => {
      const value = query[name];
      if (value === undefined || value === '') return undefined;
      if (typeof value !== 'string') throw new AppError(name === 'period' ? 'ERR_AUDIENCE_PERIOD_INVALID' : 'ERR_BAD_REQUEST');
      return value;
    };
    const period = read('period') ?? DEFAULT_AUDIENCE_PERIOD;
    if (!(AUDIENCE_PERIODS as readonly string[]).includes(period)) throw new AppError('ERR_AUDIENCE_PERIOD_INVALID');
    const sectionSlug = read('section');
    const authorSlug = read('author');
    return { period: period as AudiencePeriod, ...(sectionSlug ? { sectionSlug } : {}), ...(authorSlug ? { authorSlug } : {}) };
  }

  /** Everything the page shows. An unknown section or author slug is a 404, not an empty report. */
  async report(query: AudienceQuery): Promise<AudienceReport> {
    const [sections, authors] = await Promise.all([listSectionRefs(this.db), listAuthorRefs(this.db)]);
    const section = query.sectionSlug === undefined ? undefined : sections.find((candidate) => candidate.slug === query.sectionSlug);
    const author = query.authorSlug === undefined ? undefined : authors.find((candidate) => candidate.slug === query.authorSlug);
    if (query.sectionSlug !== undefined && !section) throw new AppError('ERR_SECTION_NOT_FOUND');
    if (query.authorSlug !== undefined && !author) throw new AppError('ERR_AUTHOR_NOT_FOUND');
    const filter: ViewFilter = { ...(section ? { sectionId: section.id } : {}), ...(author ? { authorId: author.id } : {}) };

    const { timeZone } = this.settings.publication;
    const now = this.clock.now();
    // The bucket holding `now` is the last one: its views so far are shown with the rest.
    const end = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
    const today = zonedDayKey(now, timeZone);
    const dayKeys = Array.from({ length: DAYS_CHARTED }, (_, index) => addDaysToKey(today, index - DAYS_CHARTED + 1));
    const dayStarts = dayKeys.map((key) => startOfZonedDay(key, timeZone));
    const periodStart = startOfZonedDay(addDaysToKey(today, 1 - PERIOD_DAYS[query.period]), timeZone);
    const hoursStart = new Date(end.getTime() - HOURS_CHARTED * HOUR_MS);
    // Thirty local days always reach further back than 48 hours, so one read serves both charts
    // and every period; the min() is only a guard.
    const chartWindow: ViewWindow = { from: new Date(Math.min(dayStarts[0]!.getTime(), hoursStart.getTime())), to: end };
    const periodWindow: ViewWindow = { from: periodStart, to: end };

    const [hourRows, top, bySection, byAuthor] = await Promise.all([
      sumViewsByHour(this.db, chartWindow, filter),
      sumViewsByArticle(this.db, periodWindow, filter, TOP_STORIES),
      sumViewsBySection(this.db, periodWindow, filter),
      sumViewsByAuthor(this.db, periodWindow, filter),
    ]);
    const bylines = await listBylines(
      this.db,
      top.map((story) => story.articleId),
    );

    const byHour = new Map(hourRows.map((row) => [row.hourStart.getTime(), row.views]));
    const hours = Array.from({ length: HOURS_CHARTED }, (_, index) => {
      const start = new Date(hoursStart.getTime() + index * HOUR_MS);
      return { start, views: byHour.get(start.getTime()) ?? 0 };
    });
    // Each UTC hour bucket counts towards the local day its start falls on. In zones whose offset
    // is not whole hours (India +5:30, Nepal +5:45, Newfoundland −3:30) a bucket straddles local
    // midnight; all of its views go to the day it starts in, as the period windows above agree
    // (they begin at the first bucket starting on or after local midnight).
    const byDay = new Map<string, number>();
    for (const row of hourRows) {
      if (row.hourStart < dayStarts[0]!) continue;
      const key = zonedDayKey(row.hourStart, timeZone);
      byDay.set(key, (byDay.get(key) ?? 0) + row.views);
    }
    const days = dayKeys.map((day, index) => ({ day, start: dayStarts[index]!, views: byDay.get(day) ?? 0 }));
    const periodViews = hourRows.reduce((sum, row) => (row.hourStart >= periodStart ? sum + row.views : sum), 0);

    return {
      period: query.period,
      timeZone,
      periodStart,
      ...(section ? { section } : {}),
      ...(author ? { author } : {}),
      hours,
      days,
      periodViews,
      topStories: top.map((story, index) => ({ ...story, rank: index + 1, authors: bylines.get(story.articleId) ?? [] })),
      bySection,
      byAuthor,
      sections,
      authors,
    };
  }
}
