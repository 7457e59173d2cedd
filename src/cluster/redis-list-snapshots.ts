import { parseListSnapshotIds, type ListSnapshotIds, type ListSnapshotStore } from '../modules/rankings/index.js';
import { connectRedis, type Redis } from './redis.js';
import { boundedRedisCall } from './redis-bounded.js';

/** Commands past this fail: a follower then computes the lists itself rather than wait. */
const SNAPSHOT_TIMEOUT_MS = 1_000;

/** The list leader's snapshot as JSON in `<prefix>lists:snapshot` (a few kilobytes of ids). */
export class RedisListSnapshots implements ListSnapshotStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async save(snapshot: ListSnapshotIds, ttlMs: number): Promise<void> {
    await boundedRedisCall(
      this.redis,
      () => this.redis.set(this.key, JSON.stringify(snapshot), 'PX', Math.max(1, Math.round(ttlMs))),
      SNAPSHOT_TIMEOUT_MS,
    );
  }

  async load(): Promise<ListSnapshotIds | null> {
    const raw = await boundedRedisCall(this.redis, () => this.redis.get(this.key), SNAPSHOT_TIMEOUT_MS);
    if (raw === null) return null;
    // Only this program writes the key; anything else in it (an older version's lists too) is treated as no snapshot.
    return parseListSnapshotIds(JSON.parse(raw));
  }

  private get key(): string {
    return `${this.keyPrefix}lists:snapshot`;
  }
}

/**
 * A store on its own connection, for a node's lists: connected before the first refresh so the
 * node's first lists come from the leader. Unreachable, it fails each call and the node computes.
 */
export async function connectListSnapshots(url: string, keyPrefix: string): Promise<{ store: RedisListSnapshots; close(): Promise<void> }> {
  const redis = connectRedis(url, { lazyConnect: true });
  // Errors surface on the calls (each falls back); without a listener ioredis reports them as unhandled.
  redis.on('error', () => {});
  await redis.connect().catch(() => {});
  return {
    store: new RedisListSnapshots(redis, keyPrefix),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
