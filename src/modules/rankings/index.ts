// The rankings module's public face: other modules and src/web/** import from here, never from its
// files directly. The repositories and their rows stay private.
export { RankedListsService, LIST_SIZES } from './ranked-lists.service.js';
export type { ListLeadership, RankingSettings } from './ranked-lists.service.js';
export { parseListSnapshotIds } from './list-snapshot.js';
export type { EditionListIds, ListsBesideStory, ListSnapshotIds, ListSnapshotStore, RankedListsSnapshot } from './list-snapshot.js';
export { CurationService, MUST_READS_SHOWN, isSafeLink } from './curation.service.js';
export type { BannerRequest, BreakingBanner, CuratedPick, PickEntry, PickStanding } from './curation.service.js';
export { RelatedStoriesService, RELATED_STORIES_COUNT } from './related-stories.service.js';
// Its jobs (src/job-list.ts).
export { LISTS_REFRESH_JOB, listsRefreshJob } from './lists-refresh.job.js';
export { CURATION_EXPIRY_JOB, curationExpiryJob } from './curation-expiry.job.js';
// Its reactions (src/reactions.ts).
export { curationReaction } from './curation.reaction.js';
export { rankedListsReaction } from './ranked-lists.reaction.js';
export { relatedStoriesReaction } from './related-stories.reaction.js';
// Bulk writes for importers (the demo, archive imports, generated archives).
export { importPick } from './pick-import.service.js';
export type { PickImport } from './pick-import.service.js';
