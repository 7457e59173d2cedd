/** What a run is handed. */
export interface JobContext {
  /**
   * Aborted when the runner stops. A run that works through a queue checks it between items and
   * returns early; what it leaves must be found again at the next start (nothing is kept in memory).
   */
  readonly signal: AbortSignal;
}

/**
 * One job: a name, when it runs, and one run of its work. The work lives in the module's service
 * (one method doing one run); the `*.job.ts` file beside it says when and how often.
 */
export interface JobDefinition {
  /** Unique; also the cluster lock's name for a `leaderOnly` job. */
  readonly name: string;
  /** Runs this often once the runner has started; absent: only when asked for (queued work). */
  readonly everyMs?: number;
  /** Also runs once when the runner starts: work that fell due while the process was down. */
  readonly atStart?: boolean;
  /** Runs once more when the runner stops, after any run in progress (the last batch of views). */
  readonly atStop?: boolean;
  /**
   * Several nodes: runs only on the node holding the cluster lock named after the job, taken or
   * renewed for `ttlMs` before each run (a single node always holds it). When the holder dies,
   * another node takes over once the lock has lapsed, so `ttlMs` should cover a few runs.
   */
  readonly leaderOnly?: { ttlMs: number };
  /** Logged with the error when a run the runner started by itself (timer, start, stop) fails. */
  readonly failureMessage: string;
  run(context: JobContext): Promise<void>;
}

/** A run the runner started by itself failed; callers of `run(name)` get their failures thrown instead. */
export interface JobFailure {
  job: string;
  message: string;
  error: unknown;
}

/** What admins see of a job (the newsroom's System page). Times come from the runner's Clock. */
export interface JobStatus {
  name: string;
  everyMs: number | null;
  atStart: boolean;
  atStop: boolean;
  leaderOnly: boolean;
  /** For a `leaderOnly` job: whether this node held the lock at its last attempt (null: not tried yet). */
  leader: boolean | null;
  running: boolean;
  /** Runs finished since this process started, failed ones included (runs skipped for want of the lock are not). */
  runs: number;
  failures: number;
  lastStartedAt: Date | null;
  lastDurationMs: number | null;
  lastError: { message: string; at: Date } | null;
  /** When the timer fires next; null when the job has no timer or the runner is not started. */
  nextRunAt: Date | null;
}

/** Read-only access to the jobs' status, for the pages that show it. */
export interface JobStatusReader {
  statuses(): JobStatus[];
}
