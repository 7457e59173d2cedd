import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createClusterDatabase, deleteRedisKeys, eventually, freePort, uniqueKeyPrefix, type ClusterDatabase } from '../testing/node-process.js';
import { CLUSTER_TEST_SKIP } from '../testing/test-cluster.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** GET /healthz on a connection of its own, so node:cluster may hand it to any worker. */
function health(port: number): Promise<{ statusCode: number; worker?: number } | undefined> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, worker: (JSON.parse(body) as { worker?: number }).worker }));
    });
    request.on('error', () => resolve(undefined));
  });
}

/** The worker processes: the primary's children. */
function workerPids(primaryPid: number): number[] {
  try {
    // Only the workers (main.ts): under tsx the primary may also run esbuild's service process
    // for a while, when a source file is not in tsx's cache yet.
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(primaryPid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /main\.[jt]s\b/.test(line))
      .map((line) => Number.parseInt(line.trim(), 10))
      .filter((pid) => pid > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** CLUSTER_WORKERS=2 as a real process tree: one primary, two workers on one port. */
describe('cluster mode', { skip: CLUSTER_TEST_SKIP }, () => {
  let database: ClusterDatabase;
  let keyPrefix: string;
  let primary: ChildProcess;
  let port: number;
  let stdout = '';
  let stderr = '';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cluster-mode-'));

  before(async () => {
    database = await createClusterDatabase(process.env['TEST_DATABASE_URL'] ?? '');
    keyPrefix = uniqueKeyPrefix();
    port = await freePort();
    primary = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      // A group of its own, so a failing test still takes the workers down with it (after()).
      detached: true,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO: '0',
        LOG_LEVEL: 'warn',
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        REDIS_URL: process.env['TEST_REDIS_URL'] ?? '',
        REDIS_KEY_PREFIX: keyPrefix,
        CLUSTER_WORKERS: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    primary.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  });

  after(async () => {
    if (primary.pid !== undefined && primary.exitCode === null && primary.signalCode === null) {
      try {
        process.kill(-primary.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await deleteRedisKeys(process.env['TEST_REDIS_URL'] ?? '', keyPrefix);
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves from two workers, prints the first admin once, restarts a dead worker and stops gracefully', async () => {
    const primaryPid = primary.pid;
    assert.ok(primaryPid);
    await eventually(
      async () => (/Dateline is serving .* at http:\/\/localhost:(\d+)/.test(stdout) ? true : undefined),
      60_000,
      `the startup line\n${stderr}`,
    );
    assert.match(stdout, new RegExp(`http://localhost:${port}`));

    // Both workers answer on the one port.
    const seen = new Set<number>();
    await eventually(
      async () => {
        const answer = await health(port);
        if (answer?.statusCode === 200 && answer.worker !== undefined) seen.add(answer.worker);
        return seen.size >= 2 ? true : undefined;
      },
      30_000,
      'answers from two workers',
    );
    assert.equal(workerPids(primaryPid).length, 2);
    // The primary made the first admin before forking: one password, printed once.
    assert.equal(stdout.split('First start: an administrator account').length - 1, 1);
    assert.equal(stdout.split('Dateline is serving').length - 1, 1);

    // A worker killed outright is replaced (after the back-off), and the new one serves.
    const [victim] = workerPids(primaryPid);
    assert.ok(victim);
    process.kill(victim, 'SIGKILL');
    await eventually(
      async () => {
        const pids = workerPids(primaryPid);
        return pids.length === 2 && !pids.includes(victim) ? true : undefined;
      },
      20_000,
      'a replacement worker',
    );
    await eventually(async () => ((await health(port))?.worker === 3 ? true : undefined), 20_000, 'the replacement answering');

    // SIGTERM to the primary alone: it stops the workers gracefully and exits 0.
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    process.kill(primaryPid, 'SIGTERM');
    assert.equal(await exited, 0, `${stderr}${stdout}`);
    assert.deepEqual(workerPids(primaryPid), []);
    assert.equal(await health(port), undefined, 'nothing listens any more');
  });
});
