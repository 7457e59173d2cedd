import type { JobDefinition } from '../../shared/jobs/job.types.js';
import { BANNER_CHECK_INTERVAL_MS, type CurationService } from './curation.service.js';

export const CURATION_EXPIRY_JOB = 'curation-expiry';

/**
 * Ends the breaking-news banner once its end time has passed, so pages cached while it showed are
 * dropped (Must-Reads picks expire with the lists' refresh instead). Every node checks its own copy
 * of the banner, held in memory.
 */
export function curationExpiryJob(curation: Pick<CurationService, 'endBannerIfDue'>): JobDefinition {
  return {
    name: CURATION_EXPIRY_JOB,
    everyMs: BANNER_CHECK_INTERVAL_MS,
    failureMessage: 'ending the breaking-news banner failed; it is checked again shortly',
    run: () => curation.endBannerIfDue(),
  };
}
