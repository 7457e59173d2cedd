import { createApp } from '../app.js';
import { loadConfig } from '../config/config.js';
import { createDeps } from '../deps.js';
import { fixedClock } from '../shared/clock.js';
import { createFactories } from './factories.js';
import { deleteRedisKeys, uniqueKeyPrefix } from './node-process.js';
import { TEST_NOW, recordingSleep, type TestApp } from './test-app.js';
import { createTestDatabase } from './test-database.js';

/** Why a `*.cluster.test.ts` is skipped outside the cluster pass of scripts/run-tests.mjs. */
export const CLUSTER_TEST_SKIP =
  !process.env['TEST_DATABASE_URL'] || !process.env['TEST_REDIS_URL'] ? 'needs TEST_DATABASE_URL and TEST_REDIS_URL (the cluster pass)' : false;

export interface TestCluster {
  /** One TestApp per node; `close` on a node is not for tests: close the cluster. */
  nodes: TestApp[];
  /** Every node reads and moves this one clock, as machines synchronised by NTP would. */
  clock: ReturnType<typeof fixedClock>;
  /** The Redis key prefix the nodes share (unique to this cluster). */
  keyPrefix: string;
  close(): Promise<void>;
}

/**
 * Several nodes in this one process, as `createTestApp` makes one: each its own Deps and app (its
 * own page cache, lists, limiters' view of Redis, cluster connection), all sharing one PostgreSQL
 * schema and one Redis key prefix. Requests go through `app.inject()` on the node a test picks, so
 * what crosses between nodes is exactly what crosses between machines: the database and Redis.
 * Needs TEST_DATABASE_URL and TEST_REDIS_URL; tests using it are `*.cluster.test.ts` and skip
 * themselves with CLUSTER_TEST_SKIP. (src/cluster/two-nodes.cluster.test.ts runs real processes.)
 */
export async function createTestCluster(
  options: { nodes?: number; now?: string; env?: Record<string, string>; redisUrl?: string } = {},
): Promise<TestCluster> {
  const databaseUrl = process.env['TEST_DATABASE_URL'];
  // A test may bring its own Redis (one it stops and starts); the shared one otherwise.
  const redisUrl = options.redisUrl ?? process.env['TEST_REDIS_URL'];
  if (!databaseUrl || !redisUrl) throw new Error('createTestCluster needs TEST_DATABASE_URL and TEST_REDIS_URL');
  const database = await createTestDatabase();
  const keyPrefix = uniqueKeyPrefix();
  const clock = fixedClock(options.now ?? TEST_NOW);
  const env = {
    DATA_DIR: database.dataDir,
    LOG_LEVEL: 'silent',
    SITE_URL: 'https://news.example',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: keyPrefix,
    ...options.env,
  };
  const config = { ...loadConfig(env), database: database.target };
  const nodes: TestApp[] = [];
  const closeNodes = async () => {
    for (const node of nodes.reverse()) await node.close();
    // A test's own Redis may be stopped by now: its keys went with it.
    await deleteRedisKeys(redisUrl, keyPrefix).catch(() => undefined);
    await database.drop();
  };
  try {
    // One after the other: the first node migrates the shared schema, the next finds it ready.
    for (let index = 0; index < (options.nodes ?? 2); index++) {
      const { sleep, sleeps } = recordingSleep();
      const deps = await createDeps(config, { clock, sleep, postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
      const app = await createApp(deps);
      await app.ready();
      nodes.push({
        app,
        deps,
        clock,
        config,
        sleeps,
        factories: createFactories(deps),
        close: async () => {
          await app.close();
          await deps.close();
        },
      });
    }
  } catch (error) {
    await closeNodes();
    throw error;
  }
  return { nodes, clock, keyPrefix, close: closeNodes };
}
