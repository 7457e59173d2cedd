/**
 * Runs jobs one at a time, in order, inside this process. Made for slow work that must not hold up
 * a request (AVIF encoding): with two cores, one job at a time leaves the other for readers.
 * Pending jobs are lost when the process stops; callers keep their results optional for that reason.
 */
export class SerialQueue {
  private readonly pending: Array<() => Promise<void>> = [];
  private running: Promise<void> | undefined;
  private idleWaiters: Array<() => void> = [];

  constructor(
    /** More waiting jobs than this are refused, so a burst of uploads cannot pile up in memory. */
    private readonly maxPending: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Queues a job; returns false (and drops it) when the queue is full. */
  push(job: () => Promise<void>): boolean {
    if (this.pending.length >= this.maxPending) return false;
    this.pending.push(job);
    if (!this.running) this.running = this.drain();
    return true;
  }

  /** Resolves once no job is waiting or running. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops waiting jobs and waits for the one running, e.g. before the database closes. */
  async stop(): Promise<void> {
    this.pending.length = 0;
    await this.idle();
  }

  private async drain(): Promise<void> {
    for (let job = this.pending.shift(); job; job = this.pending.shift()) {
      try {
        await job();
      } catch (error) {
        this.onError(error);
      }
    }
    this.running = undefined;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
