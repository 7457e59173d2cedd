import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config/config.js';
import { createDeps } from './deps.js';
import { seedDemoIfEmpty } from './demo/demo-seeder.js';
import { startupMessages, type StartupAnnouncement } from './startup-messages.js';

/** The first restart of a crashed worker waits this long; each further crash in a row doubles it. */
export const RESTART_DELAY_MS = 1_000;
export const MAX_RESTART_DELAY_MS = 30_000;
/** A worker that lived this long was healthy: its crash starts the back-off over. */
const STABLE_AFTER_MS = 60_000;
/** Workers stop within their own 10 seconds (main.ts); after this the primary kills what is left. */
const SHUTDOWN_GRACE_MS = 15_000;

/**
 * Cluster mode (CLUSTER_WORKERS): this process forks the workers and serves nothing itself. Each
 * worker is a whole Dateline node (main.ts) listening on the same port, which node:cluster shares;
 * they cooperate through Redis and PostgreSQL exactly as nodes on several machines do.
 *
 * Before forking, the primary does once what every node would otherwise race on at start:
 * migrations (createDeps), the demo publication, the first admin (whose password it prints, once).
 * It restarts a worker that dies unexpectedly, waiting longer after each crash in a row so a worker
 * that cannot start does not spin. On SIGTERM or SIGINT it asks every worker to stop gracefully
 * (each writes its last views, see deps.close) and exits when they all have: 0 if they all stopped
 * cleanly.
 */
export async function runClusterPrimary(config: Config): Promise<void> {
  const log = (message: string) => console.log(`dateline: ${message}`);
  const prepared = await prepareOnce(config, log);

  // Workers run main directly: under `npm start` this process began as scripts/start.mjs, which
  // would make every worker rebuild dist/ at once. main sits beside this file, with the same
  // extension: .ts under tsx, .js in dist.
  const here = fileURLToPath(import.meta.url);
  cluster.setupPrimary({ exec: path.join(path.dirname(here), `main${path.extname(here)}`) });

  const live = new Set<Worker>();
  const startedAt = new Map<Worker, number>();
  const restartTimers = new Set<NodeJS.Timeout>();
  let crashesInARow = 0;
  let stopping = false;
  let uncleanStop = false;
  let announced = false;

  const fork = () => {
    const worker = cluster.fork();
    live.add(worker);
    startedAt.set(worker, Date.now());
  };

  cluster.on('listening', (_worker, address) => {
    if (announced) return;
    announced = true;
    for (const line of startupMessages(config, { ...prepared, port: address.port })) console.log(line);
  });

  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker);
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (code !== 0) uncleanStop = true;
      if (live.size === 0) process.exit(uncleanStop ? 1 : 0);
      return;
    }
    crashesInARow = lived >= STABLE_AFTER_MS ? 1 : crashesInARow + 1;
    const wait = Math.min(MAX_RESTART_DELAY_MS, RESTART_DELAY_MS * 2 ** (crashesInARow - 1));
    log(`worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); starting another in ${wait} ms`);
    const timer = setTimeout(() => {
      restartTimers.delete(timer);
      if (!stopping) fork();
    }, wait);
    restartTimers.add(timer);
  });

  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, stopping ${live.size} workers`);
    for (const timer of restartTimers) clearTimeout(timer);
    if (live.size === 0) process.exit(0);
    // A signal, not a disconnect: the worker runs its own graceful shutdown (main.ts), which
    // closes the server first, then writes its views and closes the database.
    for (const worker of live) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of live) worker.process.kill('SIGKILL');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  for (let index = 0; index < config.clusterWorkers; index++) fork();
  log(`cluster mode: ${config.clusterWorkers} workers on one port`);
}

/** Migrations, the demo and the first admin, in this process alone; its connections close after. */
async function prepareOnce(config: Config, log: (message: string) => void): Promise<Omit<StartupAnnouncement, 'port'>> {
  const deps = await createDeps(config);
  try {
    if (config.demo) {
      const seeded = await seedDemoIfEmpty(deps, log);
      if (seeded) log(`Demo publication created: ${seeded.articles} stories in ${seeded.sections} sections.`);
    }
    const firstAdmin = await deps.users.createFirstAdminIfNone(config.adminEmail);
    return { publicationName: deps.settings.publication.name, databaseDescription: deps.database.description, firstAdmin };
  } finally {
    await deps.close();
  }
}
