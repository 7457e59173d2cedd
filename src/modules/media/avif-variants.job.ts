import type { JobDefinition } from '../../shared/jobs/job.types.js';
import type { AvifVariantsService } from './avif-variants.service.js';

export const AVIF_VARIANTS_JOB = 'avif-variants';

/**
 * Queued work, no timer: an upload asks for a run (AvifVariantsService.queue), which makes the AVIF
 * variants of the waiting uploads one at a time, then of the backlog found at start. Runs on the
 * node that took the upload (the bytes are in its memory). Stopping cuts the run short between two
 * assets; what is left is found again at the next start (avif-backlog.job.ts).
 */
export function avifVariantsJob(avif: Pick<AvifVariantsService, 'addQueued'>): JobDefinition {
  return {
    name: AVIF_VARIANTS_JOB,
    failureMessage: 'AVIF variants failed; the assets keep their WebP and JPEG variants until the next start',
    run: ({ signal }) => avif.addQueued(signal),
  };
}
