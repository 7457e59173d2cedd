import type { Config } from '../config/config.js';
import type { Clock } from '../shared/clock.js';
import { StartupError } from '../shared/errors.js';
import type { Cluster } from '../shared/cluster.types.js';
import { LocalCluster } from './local-cluster.js';
import type { ClusterWarning } from './redis-cluster.js';

export type { Cluster, ClusterMessage, ReaderDays } from '../shared/cluster.types.js';

/**
 * The cluster this process belongs to: alone in memory by default, several nodes through Redis when
 * REDIS_URL is set (config.ts insists on PostgreSQL then).
 * @param timeZone the publication's time zone, read when needed: readers' days end at its midnight.
 */
export async function createCluster(
  config: Pick<Config, 'redis'> & Partial<Pick<Config, 'logLevel'>>,
  clock: Clock,
  timeZone: () => string,
  warn?: ClusterWarning,
): Promise<Cluster> {
  if (!config.redis) return new LocalCluster(clock, timeZone);
  // Redis trouble is a warning: shown unless LOG_LEVEL asks for errors only (or nothing).
  if (!warn && ['silent', 'fatal', 'error'].includes(config.logLevel ?? 'info')) warn = () => {};
  const { url, keyPrefix } = config.redis;
  // Loaded only for several nodes: ioredis costs a single node's start about 0.4 s of loading.
  const [{ RedisCluster }, { RedisReaderDays }] = await Promise.all([import('./redis-cluster.js'), import('./redis-reader-days.js')]);
  try {
    return await RedisCluster.connect({
      url,
      keyPrefix,
      clock,
      readerDays: (redis, prefix) => new RedisReaderDays(redis, prefix, timeZone),
      ...(warn ? { warn } : {}),
    });
  } catch (error) {
    // Once running, a node rides out a Redis restart; at start it has no state to serve from yet.
    const shown = new URL(url);
    shown.password = '';
    throw new StartupError(`cannot reach Redis at ${shown.toString()} (REDIS_URL): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
