import type { ListSnapshotIds, ListSnapshotStore } from '../modules/rankings/index.js';
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
    const value = JSON.parse(raw) as Partial<ListSnapshotIds>;
    // Only this program writes the key; anything else in it is treated as no snapshot.
    const isIds = (ids: unknown): ids is string[] => Array.isArray(ids) && ids.every((id) => typeof id === 'string');
    if (
      typeof value.computedAt !== 'string' ||
      !isIds(value.latest) ||
      !isIds(value.weeklyBest) ||
      !isIds(value.popularNow) ||
      !isIds(value.mustReads)
    )
      return null;
    if (
      !Array.isArray(value.latestBySection) ||
      !value.latestBySection.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && isIds(entry[1]))
    )
      return null;
    return value as ListSnapshotIds;
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
