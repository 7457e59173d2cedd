import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { signatureHeader } from '../../shared/signature.js';
import { checkPublicHost, parseWebhookUrl } from './webhook-address.js';
import { claimDelivery, findDueDeliveries, recordAttempt, type DueDelivery } from './webhook.repository.js';

export const SEND_INTERVAL_MS = 2_000;
export const SEND_TIMEOUT_MS = 10_000;
/** How long a claimed delivery is reserved for its sender: well beyond the send timeout. */
export const CLAIM_LEASE_MS = 60_000;
/** Waits after the 1st, 2nd … failed attempt; after the last one the delivery is given up (`failed`). */
export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** Deliveries sent per run; the rest wait for the next run two seconds later. */
const BATCH_SIZE = 20;
const MAX_ERROR_LENGTH = 200;

// Shared with the CDN purger (modules/cdn): one signing scheme for everything Dateline sends out.
export { signatureHeader };

type AttemptResult = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

/**
 * Sends due deliveries: every 2 seconds (webhook-delivery.job.ts), or when a test calls `runDue()`.
 * Deliveries live in the database, so a restart resumes the pending ones; each is claimed with one
 * conditional UPDATE before it is sent, so two processes (or two overlapping runs) never send it twice.
 */
export class WebhookSender {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: { allowPrivate: boolean; timeoutMs?: number },
  ) {}

  /** Sends every due delivery this sender manages to claim; returns how many it attempted. */
  async runDue(): Promise<number> {
    const now = this.clock.now();
    const due = await findDueDeliveries(this.db, now, BATCH_SIZE);
    let attempted = 0;
    for (const delivery of due) {
      if (!(await claimDelivery(this.db, delivery.id, now, new Date(now.getTime() + CLAIM_LEASE_MS)))) continue;
      attempted++;
      await this.record(delivery, await this.attempt(delivery));
    }
    return attempted;
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? SEND_TIMEOUT_MS;
  }

  private async attempt(delivery: DueDelivery): Promise<AttemptResult> {
    const url = parseWebhookUrl(delivery.url);
    if (!url) return { ok: false, statusCode: null, error: 'invalid URL' };
    if (!this.options.allowPrivate) {
      const check = await checkPublicHost(url);
      if (!check.ok)
        return {
          ok: false,
          statusCode: null,
          error: check.reason === 'private' ? 'refused: the host is a private address' : 'the host name did not resolve',
        };
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Dateline-Webhooks/1',
          'x-dateline-event': delivery.event,
          'x-dateline-delivery': delivery.id,
          'x-dateline-signature': signatureHeader(delivery.secret, delivery.payload, this.clock.now()),
        },
        body: delivery.payload,
        // A redirect could lead anywhere, a private address included: it counts as a failure.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      // The body is not needed, and reading it would let a receiver make us hold any amount of it.
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status };
      const error = response.status >= 300 && response.status < 400 ? 'redirects are not followed' : `HTTP ${response.status}`;
      return { ok: false, statusCode: response.status, error };
    } catch (error) {
      return { ok: false, statusCode: null, error: describeFailure(error, this.timeoutMs) };
    }
  }

  private async record(delivery: DueDelivery, result: AttemptResult): Promise<void> {
    const at = this.clock.now();
    const attempts = delivery.attempts + 1;
    if (result.ok) {
      await recordAttempt(this.db, delivery.id, {
        status: 'delivered',
        attempts,
        statusCode: result.statusCode,
        error: null,
        nextAttemptAt: null,
        at,
      });
      return;
    }
    const delay = attempts < MAX_ATTEMPTS ? RETRY_DELAYS_MS[attempts - 1] : undefined;
    await recordAttempt(this.db, delivery.id, {
      status: delay === undefined ? 'failed' : 'pending',
      attempts,
      statusCode: result.statusCode,
      error: result.error.slice(0, MAX_ERROR_LENGTH),
      nextAttemptAt: delay === undefined ? null : new Date(at.getTime() + delay),
      at,
    });
  }
}

/** A short reason for the log, never a stack: a timeout, a refused connection, a DNS failure. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return `connection failed (${cause.code})`;
  // Some refusals carry only a message (fetch's "bad port"): kept when short and on one line.
  if (typeof cause?.message === 'string' && cause.message.length <= 60 && !/[\r\n]/.test(cause.message))
    return `connection failed (${cause.message})`;
  return 'connection failed';
}
