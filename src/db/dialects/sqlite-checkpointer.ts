import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * How often the checkpointer copies the write-ahead log back into the database file. Writes are
 * committed to the log at once either way; this only bounds how large the log grows.
 */
export const CHECKPOINT_INTERVAL_MS = 1_000;
/**
 * Pages of log after which a commit on the main connection checkpoints by itself: only a safety net
 * (40 MB, should the checkpointer stop), far above what it lets accumulate in a second.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;
/** How long a close waits for the last checkpoint before ending the thread. */
const STOP_WAIT_MS = 5_000;

/**
 * The thread's code: its own connection to the same file, a PASSIVE checkpoint on a timer (it never
 * waits for readers or blocks writers), and a last one when told to stop. Plain CommonJS run with
 * `eval`, so the same code serves tsx and the built dist/.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
db.pragma('busy_timeout = 5000');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

/**
 * Checkpoints a SQLite database's write-ahead log on a thread of its own. SQLite copies the log
 * into the database file when it passes 1,000 pages (4 MB), inside whichever commit crossed the
 * line: that commit then writes and fsyncs megabytes on the event loop (about 120 ms here, every few
 * publishes' worth of writes), holding every request. With this thread doing it every second, the
 * main connection's automatic checkpoint is raised to a safety net it never reaches.
 */
export class SqliteCheckpointer {
  private stopping: Promise<void> | undefined;

  private constructor(private readonly worker: Worker) {}

  /** Starts the thread, or returns null when it cannot start (the main connection keeps checkpointing, as SQLite does by itself). */
  static start(filename: string, everyMs = CHECKPOINT_INTERVAL_MS): SqliteCheckpointer | null {
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      const worker = new Worker(WORKER_CODE, { eval: true, workerData: { driver, filename, everyMs } });
      // A failure in the thread (the file gone) only ends the checkpointing, never the server.
      worker.on('error', () => {});
      worker.unref();
      return new SqliteCheckpointer(worker);
    } catch {
      return null;
    }
  }

  /**
   * A last checkpoint, then the thread closes its connection and ends by itself (the connection
   * closing beside it need not wait: SQLite sorts out two connections closing at once).
   */
  stop(): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      // Bounded: a checkpoint held up by a lock is cut short rather than holding up the close.
      const timer = setTimeout(() => void this.worker.terminate(), STOP_WAIT_MS);
      timer.unref();
      this.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      // Held until it ends: a close awaits this, and the process must not exit meanwhile.
      this.worker.ref();
      this.worker.postMessage('stop');
    });
    return this.stopping;
  }

  /** Resolves when the thread has ended (at once when it was never told to stop: the process may then exit). */
  stopped(): Promise<void> {
    return this.stopping ?? Promise.resolve();
  }
}
