import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { MailQueue } from '../mail/index.js';
import { advanceCursor, markSent, readCursor } from './newsletter-issue.repository.js';
import type { RenderedIssue } from './newsletter-issue-render.js';
import type { NewsletterIssue, RecipientSource } from './newsletter-issue.types.js';

/** Messages put in the mail queue per transaction. */
export const FAN_OUT_BATCH = 500;

export interface FanOutContext {
  db: Db;
  clock: Clock;
  mail: MailQueue;
  recipients: RecipientSource;
  issue: NewsletterIssue;
  /**
   * The issue rendered once per edition its recipients signed up in (its fixed words in that
   * language), with that edition's address prefix for their links; each message only fills in its two links.
   */
  renderFor: (editionId: string | null) => { rendered: RenderedIssue; pathPrefix: string };
  signal: AbortSignal;
}

/**
 * Puts one message per subscriber in the mail queue, FAN_OUT_BATCH at a time. Each batch's messages
 * and the issue's cursor (the last subscriber id enqueued) commit in one transaction, so after a
 * kill -9 the next run starts right after the last committed batch: nobody is enqueued twice, and
 * nobody skipped. Stops between batches when the node stops; the next run carries on.
 */
export async function fanOutIssue(context: FanOutContext): Promise<void> {
  const { db, clock, mail, recipients, issue } = context;
  const key = issue.newsletterKey;
  for (;;) {
    if (context.signal.aborted) return;
    const state = await readCursor(db, issue.id);
    if (!state || state.status !== 'sending') return;
    const batch = await recipients.recipients(key, state.cursor, FAN_OUT_BATCH);
    if (batch.length === 0) {
      await markSent(db, issue.id, clock.now());
      return;
    }
    const last = batch[batch.length - 1];
    if (!last) return;
    const committed = await inTransaction(db, async (trx) => {
      for (const recipient of batch) {
        const { rendered, pathPrefix } = context.renderFor(recipient.editionId ?? null);
        const unsubscribeUrl = recipients.oneClickUnsubscribeUrl(recipient.subscriberId, key, pathPrefix);
        const preferencesUrl = recipients.preferencesUrl(recipient.subscriberId, pathPrefix);
        const { html, text } = rendered.fill({ preferencesUrl, unsubscribeUrl });
        await mail.enqueue(
          {
            to: recipient.email,
            subject: rendered.subject,
            html,
            text,
            kind: 'newsletter.issue',
            batchId: issue.id,
            headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
          },
          trx,
        );
      }
      // Another run moved the cursor meanwhile (overlapping runs): this batch rolls back whole and
      // this run leaves the issue to the other.
      if (!(await advanceCursor(trx, issue.id, state.cursor, last.subscriberId, batch.length, clock.now()))) throw new CursorMoved();
      return true;
    }).catch((error: unknown) => {
      if (error instanceof CursorMoved) return false;
      throw error;
    });
    if (!committed) return;
    if (batch.length < FAN_OUT_BATCH) {
      await markSent(db, issue.id, clock.now());
      return;
    }
  }
}

class CursorMoved extends Error {
  constructor() {
    super('another run moved the fan-out cursor');
  }
}
