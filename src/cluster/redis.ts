import { Redis } from 'ioredis';

export type { Redis } from 'ioredis';

/**
 * A Redis connection for multi-node mode. Commands wait (queued) while Redis restarts and are
 * retried once it is back, so a restart delays work instead of failing it; `maxRetriesPerRequest`
 * bounds how long a request can wait before it fails clearly.
 */
export function connectRedis(url: string, options: { lazyConnect?: boolean } = {}): Redis {
  return new Redis(url, {
    lazyConnect: options.lazyConnect ?? false,
    maxRetriesPerRequest: 3,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
}
