import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connectRedis } from '../cluster/redis.js';

/**
 * Real Dateline processes for the cluster tests: `node --import tsx src/main.ts` as a child in a
 * process group of its own, so a failing test still kills it (and anything it started) by group.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const running = new Set<ChildProcess>();

// The last line of defence: whatever a test forgot, the test process never leaves nodes behind.
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

export interface NodeProcess {
  /** `http://127.0.0.1:<port>`, for fetch. */
  readonly origin: string;
  readonly port: number;
  output(): { stdout: string; stderr: string };
  /** SIGTERM (a graceful stop writes the last views), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts one node and resolves once it prints its address and /healthz answers 200. */
export async function startNode(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<NodeProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-node-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    detached: true,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DEMO: '0', LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    running.delete(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const stop = async (graceMs = 5_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  try {
    let port = 0;
    while (!port) {
      if (child.exitCode !== null) throw new Error(`the node exited with ${child.exitCode}:\n${stderr}${stdout}`);
      if (Date.now() > deadline) throw new Error(`the node did not start in time:\n${stderr}${stdout}`);
      port = Number(/Dateline is serving .* at http:\/\/[^:\s]+:(\d+)/.exec(stdout)?.[1] ?? 0);
      if (!port) await delay(50);
    }
    const origin = `http://127.0.0.1:${port}`;
    while ((await fetch(`${origin}/healthz`).catch(() => undefined))?.status !== 200) {
      if (Date.now() > deadline) throw new Error(`the node never became healthy:\n${stderr}${stdout}`);
      await delay(100);
    }
    return { origin, port, output: () => ({ stdout, stderr }), stop };
  } catch (error) {
    await stop(0);
    throw error;
  }
}

/** Stops every node this process started that is still running (an `after` hook's safety net). */
export async function stopAllNodes(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          killGroup(child, 'SIGKILL');
        }),
    ),
  );
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(100);
  }
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ClusterDatabase {
  /** The database's own URL, for DATABASE_URL. */
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/**
 * A PostgreSQL database of its own for one test file: every node sees the same tables in `public`
 * (no search_path tricks), and dropping it WITH (FORCE) never races other files' schemas.
 */
export async function createClusterDatabase(serverUrl: string): Promise<ClusterDatabase> {
  const name = `dateline_cluster_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A Redis key prefix no other test run uses. */
export function uniqueKeyPrefix(): string {
  return `dateline-test:${randomBytes(8).toString('hex')}:`;
}

/** Deletes every key under `prefix` (what the nodes left behind). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = connectRedis(url);
  try {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = nextCursor;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
