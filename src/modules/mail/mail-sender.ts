import type { MailConfig } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import { realSleep, type Clock, type Sleep } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { createMailTransport, type MailTransport } from './mail-transport.js';
import { claimDue, markFailedAttempt, markSent, releaseClaimed, renewLease, type ClaimedMessage } from './mail.repository.js';

export const SEND_INTERVAL_MS = 1_000;
/**
 * How long a claim reserves its messages for one sender: renewed every few seconds while the
 * sender runs, so a dead sender's messages are due again this soon after it died.
 */
export const LEASE_MS = 15_000;
const RENEW_EVERY_MS = 3_000;
/** A message is started only while the lease has this much left (renewals keep it well above). */
const LEASE_MARGIN_MS = 5_000;
/** Waits after the 1st, 2nd … temporary failure; after the last the message is given up (`failed`). */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
const MAX_BATCH = 50;
/** A run claims about this long's worth of messages at the configured rate. */
const BATCH_SECONDS = 10;
const MAX_ERROR_LENGTH = 300;
// The server (or the disk) is unreachable rather than unhappy with one message: the rest of the
// batch waits too, untried, instead of each failing in turn.
const UNREACHABLE = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETLS',
  'EAUTH',
  'ENOSPC',
  'EACCES',
  'EROFS',
]);

export interface MailSenderOptions {
  config: MailConfig;
  /** The From name when MAIL_FROM gives none: the publication's name at the time of sending. */
  siteName: () => string;
  /** Waits between messages to keep to MAIL_RATE_PER_MINUTE; tests record instead. */
  sleep?: Sleep;
  /** Where messages go; by default SMTP_URL's server or DATA_DIR/outbox/. */
  transport?: MailTransport;
}

type Outcome = { ok: true } | { ok: false; permanent: boolean; unreachable: boolean; error: string };

/**
 * Sends due messages (mail-delivery.job.ts, every second; or a test calling `runDue()`). Each run
 * claims a batch with a lease in one UPDATE, so two senders (nodes, processes, overlapping runs)
 * never hold the same message; sends them one after another at MAIL_RATE_PER_MINUTE at most; and
 * writes each outcome the moment it is known. A message is marked `sent` right after the server
 * accepted it: a crash (kill -9) re-sends at most the one message whose acceptance was not yet
 * written, and skips none (its lease lapses and it is claimed again).
 */
export class MailSender {
  private readonly transport: MailTransport;
  private readonly sleep: Sleep;
  /** The rate's token bucket: one second's worth at most, refilled as the clock moves. */
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: MailSenderOptions,
  ) {
    this.transport = options.transport ?? createMailTransport(options.config);
    this.sleep = options.sleep ?? realSleep;
    this.tokens = this.capacity;
    this.refilledAt = clock.now().getTime();
  }

  /** `smtp` (SMTP_URL) or `outbox` (DATA_DIR/outbox/), for the Outbox page. */
  get mode(): 'smtp' | 'outbox' {
    return this.transport.kind;
  }

  /** Claims one batch of due messages and sends what the rate and the lease allow; returns how many were tried. */
  async runDue(signal?: AbortSignal): Promise<number> {
    const claimedAt = this.clock.now();
    const token = newId();
    const lease = { until: claimedAt.getTime() + LEASE_MS };
    const batch = await claimDue(this.db, token, claimedAt, new Date(lease.until), this.batchSize);
    if (batch.length === 0) return 0;
    // A slow server (up to a minute a message) must not outlast the claim: renewed in the background.
    const renewal = setInterval(() => void this.renew(token, lease), RENEW_EVERY_MS);
    renewal.unref();
    let tried = 0;
    let retryRestAt: Date | undefined;
    try {
      for (const message of batch) {
        if (signal?.aborted || lease.until - this.clock.now().getTime() < LEASE_MARGIN_MS) break;
        if (!(await this.takeToken(signal))) break;
        tried++;
        const outcome = await this.attempt(message);
        const retryAt = await this.record(message, token, outcome);
        if (!outcome.ok && outcome.unreachable) {
          retryRestAt = retryAt ?? new Date(this.clock.now().getTime() + RETRY_DELAYS_MS[0]);
          break;
        }
      }
    } finally {
      clearInterval(renewal);
    }
    // Untried messages go back as they were: due now, or with the unreachable server's back-off.
    if (tried < batch.length) await releaseClaimed(this.db, token, retryRestAt ?? this.clock.now());
    return tried;
  }

  private async renew(token: string, lease: { until: number }): Promise<void> {
    const until = this.clock.now().getTime() + LEASE_MS;
    // A failed renewal (the database briefly away) leaves the old end: the loop stops before it.
    if (await renewLease(this.db, token, new Date(until)).catch(() => false)) lease.until = until;
  }

  close(): void {
    this.transport.close();
  }

  private get capacity(): number {
    return Math.max(1, Math.ceil(this.options.config.ratePerMinute / 60));
  }

  private get batchSize(): number {
    return Math.max(1, Math.min(MAX_BATCH, Math.floor((this.options.config.ratePerMinute / 60) * BATCH_SECONDS)));
  }

  /** One message's worth of the rate, waiting for it if need be; false when none came (stopping, or a still clock). */
  private async takeToken(signal: AbortSignal | undefined): Promise<boolean> {
    this.refill();
    if (this.tokens < 1) {
      const perMs = this.options.config.ratePerMinute / 60_000;
      await this.sleep(Math.ceil((1 - this.tokens) / perMs));
      if (signal?.aborted) return false;
      this.refill();
      if (this.tokens < 1) return false;
    }
    this.tokens -= 1;
    return true;
  }

  private refill(): void {
    const now = this.clock.now().getTime();
    const perMs = this.options.config.ratePerMinute / 60_000;
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.refilledAt) * perMs);
    this.refilledAt = now;
  }

  private async attempt(message: ClaimedMessage): Promise<Outcome> {
    const { config } = this.options;
    try {
      await this.transport.send({
        id: message.id,
        from: { name: config.fromName ?? this.options.siteName(), address: config.fromAddress },
        to: { name: message.toName ?? '', address: message.to },
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: message.headers,
        createdAt: message.createdAt,
      });
      return { ok: true };
    } catch (error) {
      return classify(error);
    }
  }

  /** Writes the outcome; returns when the message is due again (a temporary failure), else undefined. */
  private async record(message: ClaimedMessage, token: string, outcome: Outcome): Promise<Date | undefined> {
    const now = this.clock.now();
    const attempts = message.attempts + 1;
    if (outcome.ok) {
      await markSent(this.db, message.id, token, attempts, now);
      return undefined;
    }
    const delay = outcome.permanent ? undefined : RETRY_DELAYS_MS[attempts - 1];
    const retryAt = delay === undefined ? null : new Date(now.getTime() + delay);
    await markFailedAttempt(this.db, message.id, token, { attempts, error: outcome.error.slice(0, MAX_ERROR_LENGTH), retryAt });
    return retryAt ?? undefined;
  }
}

/**
 * A 5xx reply is permanent (the server will never take this message: an unknown mailbox, a refused
 * sender), except for a refused sign-in, which is the site's configuration, not the message's.
 * Everything else (4xx replies, refused connections, timeouts, a full disk) is tried again.
 */
function classify(error: unknown): Outcome {
  const { responseCode, code, response } = (error ?? {}) as { responseCode?: unknown; code?: unknown; response?: unknown };
  const reply = typeof responseCode === 'number' ? responseCode : undefined;
  const errorCode = typeof code === 'string' ? code : undefined;
  const permanent = reply !== undefined && reply >= 500 && reply < 600 && errorCode !== 'EAUTH';
  const unreachable = reply === undefined || (errorCode !== undefined && UNREACHABLE.has(errorCode));
  const text =
    reply !== undefined && typeof response === 'string'
      ? response.replace(/\s+/g, ' ')
      : `connection failed${errorCode ? ` (${errorCode})` : ''}${error instanceof Error ? `: ${error.message}` : ''}`;
  return { ok: false, permanent, unreachable: unreachable && !permanent, error: text };
}
