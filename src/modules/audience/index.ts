// The audience module's public face: other modules and src/web/** import from here, never from its
// files directly. The repositories and their rows stay private.
export {
  AUDIENCE_PERIODS,
  AudienceReportService,
  DAYS_CHARTED,
  DEFAULT_AUDIENCE_PERIOD,
  HOURS_CHARTED,
  TOP_STORIES,
} from './audience-report.service.js';
export type { AudiencePeriod, AudienceQuery, AudienceReport, TopStory } from './audience-report.service.js';
export type { GroupViews, NamedRef } from './audience-report.types.js';
export { ViewCounter, LIST_MARKERS, VIEW_FLUSH_INTERVAL_MS, NOT_COUNTABLE_RECHECK_MS, toListMarker } from './view-counter.service.js';
export type { ListMarker, ViewOutcome, ViewReport } from './view-counter.service.js';
export { DailyReaders, MAX_DAILY_READER_KEYS, readerKey } from './daily-readers.js';
export { notAView } from './view-eligibility.js';
export type { NotAView } from './view-eligibility.js';
// Its jobs (src/job-list.ts).
export { VIEW_FLUSH_JOB, viewFlushJob } from './view-flush.job.js';
// Its reaction (src/reactions.ts).
export { countableStoriesReaction } from './countable-stories.reaction.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importViewHistory } from './view-history-import.service.js';
export type { ViewHourImport } from './view-history-import.service.js';
