import { HOUR_MS } from '../../shared/clock.js';
import type { JobDefinition } from '../../shared/jobs/job.types.js';
import type { AvifVariantsService } from './avif-variants.service.js';

export const AVIF_BACKLOG_JOB = 'avif-backlog';

/**
 * At start: every media asset stored without AVIF variants (uploads still waiting when the node
 * stopped, or refused by a full queue) is queued for avif-variants.job.ts, and this run lasts until
 * they are done. Leader-only, so several nodes starting together do not encode the same images;
 * the lock outlasts a long backlog.
 */
export function avifBacklogJob(avif: Pick<AvifVariantsService, 'queueMissing'>): JobDefinition {
  return {
    name: AVIF_BACKLOG_JOB,
    atStart: true,
    leaderOnly: { ttlMs: HOUR_MS },
    failureMessage: 'looking for media without AVIF variants failed; they are looked for again at the next start',
    run: () => avif.queueMissing(),
  };
}
