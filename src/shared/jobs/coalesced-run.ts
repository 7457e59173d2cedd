/**
 * Asks for one more run of a piece of work and resolves when a run that started after the call has
 * finished: whatever the caller changed before asking has been seen by it.
 */
export type RequestRun = () => Promise<void>;

/**
 * One piece of work that never overlaps itself. A call while it runs starts no second copy: it asks
 * for exactly one more run after the current one, shared by every call made meanwhile, so a burst of
 * changes costs two runs, not one per change. Every call made while the work is busy gets the same
 * promise, which settles when no further run is wanted: so each call resolves only after a run that
 * started after it. A failed run rejects them all and drops the run asked for meanwhile (the next
 * call, or the job's next tick, starts afresh).
 */
export class CoalescedRun {
  private loop: Promise<void> | undefined;
  private again = false;

  constructor(private readonly work: () => Promise<void>) {}

  /** Whether a run is in progress (one more may be wanted after it). */
  get busy(): boolean {
    return this.loop !== undefined;
  }

  /** Starts a run now when idle; otherwise asks for one more after the current one. */
  run(): Promise<void> {
    if (this.loop) {
      this.again = true;
      return this.loop;
    }
    const loop: Promise<void> = this.drain().finally(() => {
      if (this.loop === loop) this.loop = undefined;
    });
    this.loop = loop;
    return loop;
  }

  /** Resolves once nothing is running or wanted; never rejects (the callers saw the errors). */
  async idle(): Promise<void> {
    while (this.loop) await this.loop.catch(() => undefined);
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      await this.work();
    } while (this.again);
  }
}

/** A `RequestRun` for a service used on its own (tests, tools): the work, coalesced, with no job runner. */
export function coalesced(work: () => Promise<void>): RequestRun {
  const runs = new CoalescedRun(work);
  return () => runs.run();
}
