import { inTransaction, type Db } from '../../db/database.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { insertIssueOnce, markSending, markSent, recordImportedRecipients } from './newsletter-issue.repository.js';
import type { IssueItem } from './newsletter-issue.types.js';
import type { NewsletterKey } from './newsletter.types.js';
import { findSubscriberByEmail, insertSubscriber, markSubscriberConfirmed, setSubscription } from './subscriber.repository.js';

/** A confirmed subscriber brought in whole (the demo): consent given at `consentAt`. */
export interface SubscriberImport {
  email: string;
  consentAt: Date;
  keys: readonly NewsletterKey[];
  /** Newsletters left again later, each at its own time (they count in the growth chart that day). */
  leftLater?: ReadonlyArray<{ key: NewsletterKey; at: Date }>;
}

/**
 * Writes one subscriber as if they had confirmed at `consentAt`: each subscription and unsubscription
 * is counted on its own day, so the Subscribers page's growth chart shows the history. An address
 * already there is left as it is.
 */
export async function importSubscriber(db: Db, subscriber: SubscriberImport): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (await findSubscriberByEmail(trx, subscriber.email)) return;
    const id = newId();
    const at = subscriber.consentAt;
    await insertSubscriber(trx, { id, email: subscriber.email, readerId: null, at, confirmedAt: at, consentAt: at });
    await markSubscriberConfirmed(trx, id, at, null);
    for (const key of subscriber.keys) await setSubscription(trx, id, key, true, at);
    for (const left of subscriber.leftLater ?? []) await setSubscription(trx, id, left.key, false, left.at);
  });
}

/** An issue sent before the import (the demo's past briefings, alerts and weeklies). */
export interface SentIssueImport {
  newsletterKey: NewsletterKey;
  edition: string;
  subject: string;
  intro: string;
  items: IssueItem[];
  sentAt: Date;
  recipientCount: number;
}

/**
 * Writes an issue as sent at `sentAt`, numbered after its newsletter's last issue (import them
 * oldest first), so its public archive page exists. Its messages are not in the mail queue: they
 * went out before the import.
 */
export async function importSentIssue(db: Db, issue: SentIssueImport): Promise<void> {
  await inTransaction(db, async (trx) => {
    const id = newId();
    const { newsletterKey: key, sentAt } = issue;
    const inserted = await insertIssueOnce(trx, { ...issue, id, status: 'draft', scheduledFor: null }, sentAt);
    if (!inserted) return;
    if (!(await markSending(trx, id, key, sentAt))) throw new AppError('ERR_NEWSLETTER_ISSUE_NOT_FOUND');
    await recordImportedRecipients(trx, id, issue.recipientCount, sentAt);
    await markSent(trx, id, sentAt);
  });
}
