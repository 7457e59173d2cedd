import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../config/config.js';
import { createClusterDatabase } from './node-process.js';

/**
 * A real Dateline process (`node --import tsx src/main.ts`) that sends mail, for the kill -9 resume
 * tests and the newsletter benchmark: started plainly (not in a process group, unlike the cluster
 * tests' nodes) so a test can kill it with SIGKILL at the moment it picks.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SenderProcess {
  readonly child: ChildProcess;
  /** Resolves with the signal that ended the process, or its exit code. */
  readonly exited: Promise<NodeJS.Signals | number | null>;
}

export interface SenderOptions {
  /** 'inherit' shows the process's errors (a benchmark); by default they are read and dropped. */
  stderr?: 'drop' | 'inherit';
  /** Two malloc arenas keep a test's process small; a benchmark measures the default allocator. */
  defaultMalloc?: boolean;
}

/** Starts one process on `env` (DATABASE_URL, DATA_DIR, SMTP_URL, …) over a quiet, demo-free base. */
export function startSender(env: Record<string, string>, options: SenderOptions = {}): SenderProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO: '0',
      LOG_LEVEL: 'warn',
      ...(options.defaultMalloc ? {} : { MALLOC_ARENA_MAX: '2' }),
      ...env,
    },
    stdio: ['ignore', 'ignore', options.stderr === 'inherit' ? 'inherit' : 'pipe'],
  });
  child.stderr?.resume();
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return { child, exited };
}

/** SIGKILLs every process of `children` still running (an `after` hook's safety net). */
export function killSenders(children: readonly ChildProcess[]): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export interface SenderDatabase {
  /** DATABASE_URL for the process. */
  env: Record<string, string>;
  /** The same database, for the test's own openDatabase. */
  database: DatabaseTarget;
  drop(): Promise<void>;
}

/**
 * The database the processes share: a SQLite file in `dataDir`, or, with TEST_DATABASE_URL, a
 * PostgreSQL database of its own (the processes use `public`, so no test schema prefix).
 */
export async function senderDatabase(dataDir: string): Promise<SenderDatabase> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    const filename = path.join(dataDir, 'dateline.sqlite');
    return { env: { DATABASE_URL: filename }, database: { engine: 'sqlite', filename }, drop: async () => {} };
  }
  const cluster = await createClusterDatabase(serverUrl);
  return { env: { DATABASE_URL: cluster.url }, database: { engine: 'postgres', connectionString: cluster.url }, drop: () => cluster.drop() };
}
