import type { Db } from '../../db/database.js';
import { DAY_MS, type Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { assertSendable } from './mail-validation.js';
import {
  countByStatus,
  deleteFinishedOfBatch,
  deleteFinishedOneToOne,
  deleteMessagesTo,
  findMessage,
  insertMessage,
  listMessages,
} from './mail.repository.js';
import { AppError } from '../../shared/errors.js';
import {
  MAIL_STATUSES,
  type MailBatchCounts,
  type MailMessage,
  type MailQueue,
  type MailStatus,
  type MailSummary,
  type OutgoingMail,
} from './mail.types.js';

/**
 * How long a finished one-to-one message (a confirmation, a reset, an invitation, a reply notice)
 * stays in the queue: long enough to read it on the Outbox, short enough that one-time links and
 * addresses do not pile up in the database (their tokens are stored hashed everywhere else).
 */
export const ONE_TO_ONE_KEPT_MS = DAY_MS;
const PURGE_SLICE = 500;

/** Rows on one page of the Outbox. */
export const OUTBOX_PAGE_SIZE = 50;

/** A page of the Outbox, and the link's cursor to the next (older) one. */
export interface OutboxPage {
  messages: MailSummary[];
  /** Undefined on the last page. */
  next: string | undefined;
}

/**
 * The mail queue features write to: each message is checked (ERR_MAIL_ADDRESS_INVALID,
 * ERR_MAIL_HEADER_INVALID: nothing is queued), then stored in the caller's transaction when one is
 * given, so an action and its message commit or roll back together. The mail-delivery job sends it.
 */
export class MailService implements MailQueue, MailBatchCounts {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async enqueue(mail: OutgoingMail, trx?: Db): Promise<{ id: string }> {
    assertSendable(mail);
    const id = newId();
    await insertMessage(trx ?? this.db, id, mail, this.clock.now());
    return { id };
  }

  /**
   * The Outbox: messages newest first, optionally of one status, `OUTBOX_PAGE_SIZE` at a time,
   * paged by the (created_at, id) of the last row shown (`before`, as the page links write it), so
   * a deep page costs what the first does. A malformed status or cursor: ERR_MAIL_FILTER_INVALID.
   */
  async outbox(query: { status?: string | undefined; before?: string | undefined }): Promise<OutboxPage> {
    const status = parseStatus(query.status);
    const after = query.before ? parseCursor(query.before) : undefined;
    const rows = await listMessages(this.db, { status, after, limit: OUTBOX_PAGE_SIZE + 1 });
    const messages = rows.slice(0, OUTBOX_PAGE_SIZE);
    const last = messages.at(-1);
    return { messages, next: rows.length > OUTBOX_PAGE_SIZE && last ? `${last.createdAt.toISOString()}_${last.id}` : undefined };
  }

  /** How many messages are queued, being sent, sent and failed: all of them, or one batch's (a newsletter issue). */
  async counts(batchId?: string): Promise<Record<MailStatus, number>> {
    return countByStatus(this.db, batchId);
  }

  /**
   * Deletes finished one-to-one messages older than ONE_TO_ONE_KEPT_MS, in slices of 500 so no
   * statement runs long; stops between slices when `signal` aborts. Returns how many went.
   * Newsletter messages (with a batch) stay until their issue keeps its counts (purgeBatch).
   */
  async purgeFinished(signal?: AbortSignal): Promise<number> {
    const before = new Date(this.clock.now().getTime() - ONE_TO_ONE_KEPT_MS);
    let total = 0;
    for (;;) {
      const deleted = await deleteFinishedOneToOne(this.db, before, PURGE_SLICE);
      total += deleted;
      if (deleted < PURGE_SLICE || signal?.aborted) return total;
    }
  }

  /**
   * Deletes a batch's finished messages (a newsletter issue whose counts the issue now keeps), in
   * slices of 500 by the batch index; messages still queued or being sent stay.
   */
  async purgeBatch(batchId: string, signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      const deleted = await deleteFinishedOfBatch(this.db, batchId, PURGE_SLICE);
      if (deleted < PURGE_SLICE) return true;
      if (signal?.aborted) return false;
    }
  }

  /** Deletes every message to this address, sent or not (an erased subscriber), in the caller's transaction when given. */
  async eraseAddress(address: string, trx?: Db): Promise<number> {
    return deleteMessagesTo(trx ?? this.db, address);
  }

  /** One message whole (the Outbox), or undefined. */
  async message(id: string): Promise<MailMessage | undefined> {
    return findMessage(this.db, id);
  }
}

function parseStatus(value: string | undefined): MailStatus | undefined {
  if (value === undefined || value === '' || value === 'all') return undefined;
  if (!(MAIL_STATUSES as readonly string[]).includes(value)) throw new AppError('ERR_MAIL_FILTER_INVALID');
  return value as MailStatus;
}

/** `2026-11-20T03:00:00.000Z_<id>`: the last row of the page before. */
function parseCursor(value: string): { createdAt: string; id: string } {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f-]{36})$/.exec(value);
  if (!match?.[1] || !match[2]) throw new AppError('ERR_MAIL_FILTER_INVALID');
  return { createdAt: match[1], id: match[2] };
}
