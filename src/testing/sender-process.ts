import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../config/config.js';
import { createClusterDatabase } from './node-process.js';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.js';

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

export interface SenderSuite {
  /** The processes' DATA_DIR (and the SQLite file's folder). */
  readonly scratch: string;
  readonly target: SenderDatabase;
  readonly smtp: SmtpTestServer;
  /** startSender with the suite's safety net: a process still running after the suite is SIGKILLed. */
  start(env: Record<string, string>): SenderProcess;
}

/**
 * For a kill -9 suite (call inside its describe): before it, a scratch folder, the database the
 * processes share and a real SMTP server; after it, every process it started that still runs is
 * SIGKILLed and the rest is dropped. Read the fields from the tests (they exist once `before` ran).
 */
export function senderSuite(scratchPrefix: string): SenderSuite {
  let scratch: string | undefined;
  let target: SenderDatabase | undefined;
  let smtp: SmtpTestServer | undefined;
  const children: ChildProcess[] = [];
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('senderSuite: read its fields from a test, after its before hook');
    return value;
  };
  before(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), scratchPrefix));
    target = await senderDatabase(scratch);
    smtp = await startSmtpTestServer();
  });
  after(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await smtp?.close();
    await target?.drop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });
  return {
    get scratch() {
      return ready(scratch);
    },
    get target() {
      return ready(target);
    },
    get smtp() {
      return ready(smtp);
    },
    start(env) {
      const sender = startSender(env);
      children.push(sender.child);
      return sender;
    },
  };
}
