import type { Db } from '../../db/database.js';

/**
 * One message to one recipient, as a feature hands it to the mail queue. The queue stores it
 * durably (in the caller's transaction when one is given, so the action and its message commit
 * together) and a job sends it: over SMTP when SMTP_URL is set, else into DATA_DIR/outbox/.
 */
export interface OutgoingMail {
  /** One address; the queue refuses malformed, over-long or CR/LF-carrying ones (ERR_MAIL_ADDRESS_INVALID). */
  to: string;
  /** The recipient's name for the To header; CR/LF refused like the address. */
  toName?: string;
  subject: string;
  /** The whole HTML document (see renderMailDocument): table layout, inline styles, absolute URLs. */
  html: string;
  /** The plain-text part. */
  text: string;
  /** What the message is, for the Outbox and the counts: `reader.confirm`, `password.reset`, … */
  kind: MailKind;
  /** Extra headers, e.g. List-Unsubscribe; names and values with CR/LF are refused. */
  headers?: Record<string, string>;
  /** A newsletter issue's id: its messages are counted together (queued, sent, failed). */
  batchId?: string;
}

export const MAIL_KINDS = [
  'reader.confirm',
  'reader.signup-attempt',
  'password.reset',
  'staff.invitation',
  'comment.reply',
  'newsletter.confirm',
  'newsletter.issue',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** What features use to send mail. */
export interface MailQueue {
  enqueue(mail: OutgoingMail, trx?: Db): Promise<{ id: string }>;
}

/**
 * What a feature that sends batches (a newsletter issue) reads back: its batch's messages by status;
 * and, once it has kept those counts itself, the batch's finished messages deleted.
 */
export interface MailBatchCounts {
  counts(batchId: string): Promise<Record<MailStatus, number>>;
  /** Deletes the batch's sent and failed messages in slices; returns whether none is left (false: stopped by `signal`). */
  purgeBatch(batchId: string, signal?: AbortSignal): Promise<boolean>;
}

/** The parts every message's HTML shares, filled by renderMailDocument. */
export interface MailDocumentParts {
  /** The edition's language, the document's `lang`. */
  lang: string;
  /** The message's title, shown as its heading and the document's <title>. */
  title: string;
  /** The body: HTML made of escaped text and absolute links only (callers escape what they insert). */
  bodyHtml: string;
  /** Why the recipient got it, and (for newsletters) the preferences link; escaped HTML. */
  footerHtml?: string;
}

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
/** queued → sending (one sender's claim) → sent, or failed (undeliverable: a 5xx, or too many tries). */
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** A message as the Outbox lists it (no body). */
export interface MailSummary {
  id: string;
  kind: string;
  to: string;
  toName: string | null;
  subject: string;
  batchId: string | null;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** One message whole, as the Outbox shows it. */
export interface MailMessage extends MailSummary {
  html: string;
  text: string;
  headers: Record<string, string>;
}
