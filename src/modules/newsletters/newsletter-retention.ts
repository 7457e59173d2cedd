import type { Db } from '../../db/database.js';
import { DAY_MS, type Clock } from '../../shared/clock.js';
import type { MailBatchCounts } from '../mail/index.js';
import { keepCounts, listIssuesWithRecords, markRecordsPurged } from './newsletter-issue.repository.js';

/**
 * How long an issue's messages stay in the mail queue after it was sent: long enough for every retry
 * (the last is a day after the first attempt) and for the Outbox to show what went to whom; then the
 * issue keeps its counts and the messages go.
 */
export const NEWSLETTER_RECORDS_KEPT_MS = 30 * DAY_MS;
/** Issues looked at per run; each is a few slices of deletes, so a run stays short. */
const ISSUES_PER_RUN = 20;

export interface NewsletterRetentionDeps {
  db: Db;
  clock: Clock;
  mail: MailBatchCounts;
}

/**
 * Moves old issues' delivery counts onto the issues, then deletes their messages from the mail
 * queue (MailBatchCounts.purgeBatch), so the queue holds about a month of newsletters rather than
 * every one ever sent. Counts are kept before anything is deleted, and an issue whose purge was cut
 * short (`signal`) is taken up again by the next run. Returns how many issues were finished.
 */
export async function retireDeliveryRecords(deps: NewsletterRetentionDeps, signal?: AbortSignal): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - NEWSLETTER_RECORDS_KEPT_MS);
  let finished = 0;
  for (const issue of await listIssuesWithRecords(deps.db, before, ISSUES_PER_RUN)) {
    if (signal?.aborted) break;
    const counts = await deps.mail.counts(issue.id);
    // A message still waiting (it should not be, a month on) keeps the whole issue's records for now.
    if (counts.queued + counts.sending > 0) continue;
    if (!issue.kept) await keepCounts(deps.db, issue.id, { sent: counts.sent, failed: counts.failed });
    if (!(await deps.mail.purgeBatch(issue.id, signal))) break;
    await markRecordsPurged(deps.db, issue.id, deps.clock.now());
    finished += 1;
  }
  return finished;
}
