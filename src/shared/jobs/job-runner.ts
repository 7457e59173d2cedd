import type { Clock } from '../clock.js';
import type { Cluster } from '../cluster.types.js';
import { CoalescedRun } from './coalesced-run.js';
import type { JobDefinition, JobFailure, JobStatus, JobStatusReader } from './job.types.js';

/** Long errors (a driver's whole query) are cut for the status page; the log has them whole. */
const MAX_ERROR_LENGTH = 500;

interface Job {
  readonly definition: JobDefinition;
  readonly runs: CoalescedRun;
  readonly status: JobStatus;
  timer: NodeJS.Timeout | undefined;
}

export interface JobRunnerOptions {
  /** Every time the status shows (starts, durations, the next run); the timers themselves are real. */
  clock: Clock;
  /** The cluster's locks, for `leaderOnly` jobs; a single node's are always its own. */
  locks: Pick<Cluster, 'holdLock'>;
}

export type JobRunnerState = 'idle' | 'started' | 'stopping' | 'stopped';

/**
 * Runs every periodic and queued job of this node, in the order they were registered: one place for
 * timers, coalescing, leadership, stopping and status, instead of one hand-rolled copy per service.
 *
 * - `run(name)` works from the moment a job is registered, started or not: the app's own reactions
 *   (`lists.refresh()`) and the tests call it. A run never overlaps another of the same job; calls
 *   during a run share one more run after it, and each resolves once the job has no run left to do,
 *   so after a run that started after the call (CoalescedRun). It rejects with a failed run's error;
 *   the caller reports it.
 * - `start()` arms the timers (unref'd: they never keep the process alive) and runs the `atStart`
 *   jobs. Tests never start it, so nothing runs behind their back; they call `run(name)`.
 * - `stop()` clears the timers, refuses new runs, aborts the runs' signal, then job by job in
 *   registration order waits for what is running and runs the `atStop` jobs once more: all of it
 *   before the database closes (deps.close()).
 * - Runs the runner starts by itself (timers, start, stop) report failures to `onFailure`; every
 *   failure, asked for or not, is counted in the job's status.
 */
export class JobRunner implements JobStatusReader {
  private readonly jobs = new Map<string, Job>();
  private current: JobRunnerState = 'idle';
  private readonly stopping = new AbortController();
  private onFailure: (failure: JobFailure) => void = () => {};
  private stopped: Promise<void> | undefined;

  constructor(private readonly options: JobRunnerOptions) {}

  get state(): JobRunnerState {
    return this.current;
  }

  /** Adds a job; the order of registration is the order of starting and stopping. */
  register(definition: JobDefinition): void {
    if (this.jobs.has(definition.name)) throw new Error(`job ${definition.name} is registered twice`);
    if (this.current !== 'idle') throw new Error(`job ${definition.name} is registered after the runner started`);
    const job: Job = {
      definition,
      runs: new CoalescedRun(() => this.attempt(job, this.stopping.signal)),
      status: {
        name: definition.name,
        everyMs: definition.everyMs ?? null,
        atStart: definition.atStart ?? false,
        atStop: definition.atStop ?? false,
        leaderOnly: definition.leaderOnly !== undefined,
        leader: null,
        running: false,
        runs: 0,
        failures: 0,
        lastStartedAt: null,
        lastDurationMs: null,
        lastError: null,
        nextRunAt: null,
      },
      timer: undefined,
    };
    this.jobs.set(definition.name, job);
  }

  /**
   * One run of the job, coalesced with any in progress (see the class). Once the runner is stopping
   * nothing new runs: the call resolves at once, as the database is about to close. Never call it
   * from inside the same job's run: that run would wait for itself.
   */
  run(name: string): Promise<void> {
    const job = this.job(name);
    if (this.current === 'stopping' || this.current === 'stopped') return Promise.resolve();
    return job.runs.run();
  }

  /** Arms the timers and runs the `atStart` jobs, in registration order. */
  start(options: { onFailure?: (failure: JobFailure) => void } = {}): void {
    if (this.current !== 'idle') throw new Error(`the job runner cannot start when ${this.current}`);
    this.current = 'started';
    if (options.onFailure) this.onFailure = options.onFailure;
    for (const job of this.jobs.values()) {
      if (job.definition.atStart) this.launch(job);
      this.arm(job);
    }
  }

  /** Stops every job (see the class); safe to call more than once, and without a start. */
  stop(): Promise<void> {
    this.stopped ??= this.stopAll();
    return this.stopped;
  }

  /** Resolves once the job (or every job) has nothing running or waiting; never rejects. */
  async idle(name?: string): Promise<void> {
    const jobs = name === undefined ? [...this.jobs.values()] : [this.job(name)];
    await Promise.all(jobs.map((job) => job.runs.idle()));
  }

  statuses(): JobStatus[] {
    return [...this.jobs.values()].map(({ status }) => ({ ...status, lastError: status.lastError && { ...status.lastError } }));
  }

  private async stopAll(): Promise<void> {
    this.current = 'stopping';
    for (const job of this.jobs.values()) {
      clearTimeout(job.timer);
      job.timer = undefined;
      job.status.nextRunAt = null;
    }
    this.stopping.abort();
    for (const job of this.jobs.values()) {
      await job.runs.idle();
      // Its own signal: this run is the stop itself, not something to cut short.
      if (job.definition.atStop) await this.attempt(job, new AbortController().signal).catch((error: unknown) => this.report(job, error));
    }
    this.current = 'stopped';
  }

  private job(name: string): Job {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    return job;
  }

  private async attempt(job: Job, signal: AbortSignal): Promise<void> {
    const { definition, status } = job;
    if (definition.leaderOnly) {
      status.leader = await this.options.locks.holdLock(definition.name, definition.leaderOnly.ttlMs).catch(() => false);
      // Another node leads: it runs the job. Not a run, not a failure.
      if (!status.leader) return;
    }
    const startedAt = this.options.clock.now();
    status.running = true;
    status.lastStartedAt = startedAt;
    try {
      await definition.run({ signal });
    } catch (error) {
      status.failures += 1;
      status.lastError = { message: errorText(error), at: this.options.clock.now() };
      throw error;
    } finally {
      status.running = false;
      status.runs += 1;
      status.lastDurationMs = this.options.clock.now().getTime() - startedAt.getTime();
    }
  }

  /** A run the runner starts by itself: nobody awaits it, so its failure is reported here. */
  private launch(job: Job): void {
    job.runs.run().catch((error: unknown) => this.report(job, error));
  }

  private report(job: Job, error: unknown): void {
    this.onFailure({ job: job.definition.name, message: job.definition.failureMessage, error });
  }

  private arm(job: Job): void {
    const every = job.definition.everyMs;
    if (every === undefined || this.current !== 'started') return;
    job.status.nextRunAt = new Date(this.options.clock.now().getTime() + every);
    job.timer = setTimeout(() => {
      job.timer = undefined;
      if (this.current !== 'started') return;
      // A run still going (a slow receiver, a slow query) is not overlapped: this tick is skipped.
      if (!job.runs.busy) this.launch(job);
      this.arm(job);
    }, every);
    job.timer.unref();
  }
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH)}…` : message;
}
