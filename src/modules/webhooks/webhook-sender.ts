import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { signatureHeader } from '../../shared/signature.js';
import { isPrivateAddress, parseWebhookUrl, resolveDeliveryTarget, systemResolver, type Resolver } from './webhook-address.js';
import { postToPinnedAddress } from './webhook-transport.js';
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

export interface WebhookSenderOptions {
  /** WEBHOOK_ALLOW_PRIVATE: loopback and private-network receivers are allowed. */
  allowPrivate: boolean;
  timeoutMs?: number;
  /** What a host name resolves to; the system's resolver unless a test decides. */
  resolve?: Resolver;
  /**
   * Which addresses are refused (by default `isPrivateAddress`). Code only, no setting reaches it:
   * a test uses it to let one loopback address stand in for a public one.
   */
  isRefusedAddress?: (address: string) => boolean;
}

/**
 * Sends due deliveries: every 2 seconds (webhook-delivery.job.ts), or when a test calls `runDue()`.
 * Deliveries live in the database, so a restart resumes the pending ones; each is claimed with one
 * conditional UPDATE before it is sent, so two processes (or two overlapping runs) never send it twice.
 */
export class WebhookSender {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: WebhookSenderOptions,
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
    const signal = AbortSignal.timeout(this.timeoutMs);
    // One look-up per send, checked, and the connection pinned to its answer (webhook-transport.ts).
    const isRefused = this.options.allowPrivate ? () => false : (this.options.isRefusedAddress ?? isPrivateAddress);
    const target = await untilAborted(resolveDeliveryTarget(url, this.options.resolve ?? systemResolver, isRefused), signal);
    if (target === undefined) return { ok: false, statusCode: null, error: `no answer within ${this.timeoutMs / 1000} s` };
    if (!target.ok)
      return {
        ok: false,
        statusCode: null,
        error: target.reason === 'private' ? 'refused: the host is a private address' : 'the host name did not resolve',
      };
    try {
      const status = await postToPinnedAddress({
        url,
        addresses: target.addresses,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Dateline-Webhooks/1',
          'x-dateline-event': delivery.event,
          'x-dateline-delivery': delivery.id,
          'x-dateline-signature': signatureHeader(delivery.secret, delivery.payload, this.clock.now()),
        },
        body: delivery.payload,
        signal,
      });
      if (status >= 200 && status < 300) return { ok: true, statusCode: status };
      // A redirect could lead anywhere, a private address included: it counts as a failure.
      const error = status >= 300 && status < 400 ? 'redirects are not followed' : `HTTP ${status}`;
      return { ok: false, statusCode: status, error };
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

/** `work`'s result, or undefined once `signal` aborts first (a look-up cannot itself be cancelled). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A short reason for the log, never a stack: a timeout, a refused connection, a TLS failure. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs / 1000} s`;
  // node:http's errors carry their code themselves (ECONNREFUSED, ECONNRESET, a TLS code).
  const own = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  if (typeof own === 'string') return `connection failed (${own})`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return `connection failed (${cause.code})`;
  return 'connection failed';
}
