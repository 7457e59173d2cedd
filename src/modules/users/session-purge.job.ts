import { HOUR_MS } from '../../shared/clock.js';
import type { JobDefinition } from '../../shared/jobs/job.types.js';

export const SESSION_PURGE_JOB = 'session-purge';
export const SESSION_PURGE_INTERVAL_MS = HOUR_MS;

/** Anything whose expired sessions can be deleted: staff's (SessionService) and readers' (ReaderSessionService). */
export interface ExpiredSessionPurger {
  purgeExpired(): Promise<number>;
}

/**
 * Deletes expired staff and reader sessions, at start and hourly. An expired session is refused
 * anyway (and deleted when its cookie comes back); this keeps the tables from growing with the
 * sessions whose cookies never do. One node is enough: leader-only, the lock held across two runs.
 */
export function sessionPurgeJob(staff: ExpiredSessionPurger, readers: ExpiredSessionPurger): JobDefinition {
  return {
    name: SESSION_PURGE_JOB,
    everyMs: SESSION_PURGE_INTERVAL_MS,
    // A node restarted more often than hourly (deploys) would otherwise never purge.
    atStart: true,
    leaderOnly: { ttlMs: 2 * SESSION_PURGE_INTERVAL_MS },
    failureMessage: 'purging expired sessions failed; they are refused anyway and purged at the next run',
    run: async () => {
      await staff.purgeExpired();
      await readers.purgeExpired();
    },
  };
}
