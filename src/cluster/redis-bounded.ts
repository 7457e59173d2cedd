import type { Redis } from './redis.js';

/**
 * Runs a Redis command that must not hold up a request: fails at once when Redis is not connected
 * (ioredis would queue it until Redis returns) and after `timeoutMs` when Redis is slow. The
 * caller decides what to do without Redis.
 */
export async function boundedRedisCall<T>(redis: Redis, run: () => Promise<T>, timeoutMs: number): Promise<T> {
  if (redis.status !== 'ready') throw new Error(`Redis is ${redis.status}`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([run(), timeout]).finally(() => clearTimeout(timer));
}
