import type { Clock } from '../../shared/clock.js';
import { signatureHeader } from '../../shared/signature.js';
import { SURROGATE_KEYS } from './surrogate-keys.js';

/** Waits before the 2nd, 3rd and 4th attempt; after the last one the purge is reported and dropped. */
export const PURGE_RETRY_DELAYS_MS = [250, 1_000, 4_000] as const;
export const PURGE_TIMEOUT_MS = 5_000;
/** Keys named within this window go out in one request: a publish touches lists and stories at once. */
export const PURGE_BATCH_WINDOW_MS = 50;

export interface CdnPurgeTarget {
  url: string;
  secret: string;
}

/**
 * Tells the CDN which surrogate keys changed: a signed POST of `{ "keys": [...] }` to
 * CDN_PURGE_URL, signed like webhooks (x-dateline-signature). Fire and forget: the change that
 * caused it has long been answered; a failed purge is retried a few times in memory, then reported
 * (the CDN's copy then expires by itself within s-maxage, see web/http/cache-control.ts).
 *
 * Called for this process's own events only (cdn-purge.reaction.ts runs on the origin node): in
 * multi-node mode the node where the change happened purges, and the others, which only reload
 * their memory, do not purge again.
 * Without CDN_PURGE_URL every method does nothing.
 */
export class CdnPurger {
  private pending = new Set<string>();
  private batchTimer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private errorHandler: (error: unknown) => void = () => {};

  constructor(
    private readonly clock: Clock,
    private readonly target: CdnPurgeTarget | undefined,
    private readonly retryDelaysMs: readonly number[] = PURGE_RETRY_DELAYS_MS,
  ) {}

  get enabled(): boolean {
    return this.target !== undefined;
  }

  onError(handler: (error: unknown) => void): void {
    this.errorHandler = handler;
  }

  /**
   * Purges the keys an event made stale (purge-keys.ts), once they are known: the story look-ups
   * run beside the change's other reactions, never in front of them.
   */
  purgeWhenKnown(keys: Promise<readonly string[]>): void {
    if (!this.target) return;
    this.track(
      keys.then(
        (known) => this.purge(known),
        (error: unknown) => this.errorHandler(error),
      ),
    );
  }

  /** The ranked lists changed by time alone (the minute timer): pages showing them go. */
  listsChanged(): void {
    this.purge([SURROGATE_KEYS.lists]);
  }

  /** Queues keys; they go out together a moment later, without holding up the caller. */
  purge(keys: readonly string[]): void {
    if (!this.target || keys.length === 0) return;
    for (const key of keys) this.pending.add(key);
    this.batchTimer ??= setTimeout(() => this.sendPending(), PURGE_BATCH_WINDOW_MS);
  }

  /** Resolves when nothing is queued or being sent (tests, and a graceful stop). */
  async idle(): Promise<void> {
    while (this.batchTimer || this.inFlight.size > 0) {
      if (this.batchTimer) {
        clearTimeout(this.batchTimer);
        this.sendPending();
      }
      await Promise.all([...this.inFlight]);
    }
  }

  /** On shutdown: sends what is queued, but waits at most `maxWaitMs` for a CDN that does not answer. */
  async close(maxWaitMs = 2_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.idle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs)))]);
    clearTimeout(timer);
  }

  private sendPending(): void {
    this.batchTimer = undefined;
    const keys = this.pending.has(SURROGATE_KEYS.site) ? [SURROGATE_KEYS.site] : [...this.pending].sort();
    this.pending = new Set();
    if (keys.length === 0) return;
    this.track(this.send(keys));
  }

  private track(work: Promise<void>): void {
    const tracked = work.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private async send(keys: string[]): Promise<void> {
    const target = this.target;
    if (!target) return;
    const body = JSON.stringify({ keys });
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
      if (attempt > 0) await sleep(this.retryDelaysMs[attempt - 1] ?? 0);
      try {
        const response = await fetch(target.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Dateline-CDN-Purge/1',
            // Signed at each attempt, so a retry is not refused as a replay.
            'x-dateline-signature': signatureHeader(target.secret, body, this.clock.now()),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
        });
        await response.body?.cancel();
        if (response.ok) return;
        lastError = new Error(`CDN purge answered ${response.status}`);
      } catch (error) {
        lastError = error;
      }
    }
    this.errorHandler(new Error(`CDN purge of ${keys.join(' ')} failed after ${this.retryDelaysMs.length + 1} attempts`, { cause: lastError }));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
