// The live module's public face: live stories' updates and key points. The repository stays private.
export { LiveService, LIVE_PAGE_SIZE, LIVE_REPLAY_LIMIT } from './live.service.js';
export { LIVE_TYPE_LABEL } from './live.types.js';
export type { LiveActor, LiveChanges, LiveCoverage, LivePage, LiveUpdate, LiveUpdateInput } from './live.types.js';
export { importLiveCoverage, LIVE_IMPORT_USER_ID, type LiveCoverageImport, type LiveUpdateImport } from './live-import.service.js';
