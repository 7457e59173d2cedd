import type { JobDefinition } from '../../shared/jobs/job.types.js';
import type { ImportRunService } from './import-run.service.js';

export const IMPORT_RUN_JOB = 'import-run';

/**
 * The newsroom's imports, on the node that took the upload: at start (marking what a stop left
 * unfinished as interrupted), and whenever an upload was queued. Stopping the node stops the run
 * between two stories; it is then marked interrupted, and a second run resumes it.
 */
export function importRunJob(runs: Pick<ImportRunService, 'runQueued'>): JobDefinition {
  return {
    name: IMPORT_RUN_JOB,
    atStart: true,
    failureMessage: 'an import run could not be started or recorded',
    run: ({ signal }) => runs.runQueued(signal),
  };
}
