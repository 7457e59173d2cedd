import type { RateLimiter, SharedRateLimitOptions } from './rate-limiter.js';
import type { DomainEvent } from './events.js';

/**
 * What the processes serving one publication share. One process (the default, SQLite or
 * PostgreSQL) uses memory; several nodes (REDIS_URL, PostgreSQL required) and cluster mode (several
 * workers on one machine) share it through Redis. Code outside src/cluster only sees this
 * interface, so a single node and a cluster behave the same.
 */
export interface Cluster {
  readonly mode: 'single' | 'redis';
  /** Unique per process; messages carry it so a node ignores its own. */
  readonly nodeId: string;
  /** Tells every other node; never delivered back to this one. */
  broadcast(message: ClusterMessage): Promise<void>;
  /** Handles messages from other nodes (state reloads only: never side effects such as webhooks). */
  onMessage(handler: (message: ClusterMessage) => void | Promise<void>): void;
  /** A limiter whose counts every node shares; `name` keeps limiters apart. */
  rateLimiter(name: string, options: SharedRateLimitOptions): RateLimiter;
  /** Readers already counted today, shared by every node (see modules/audience/daily-readers.ts). */
  readonly readerDays: ReaderDays;
  /**
   * Takes or renews the lock `name` for `ttlMs` if no other node holds it; true when this node holds
   * it now. Jobs that must run once across the cluster (list refresh, …) run only while they hold it.
   */
  holdLock(name: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Messages between nodes. */
export type ClusterMessage =
  /** A change made on the sending node: the others run the reactions that run `everywhere` (src/reactions.ts). */
  | { type: 'event'; event: DomainEvent }
  /** The cluster's list leader computed new ranked lists: followers reload them. */
  | { type: 'lists.refreshed' }
  /** Other nodes drop the key from their cache of verified keys at once (see ApiKeyService). */
  | { type: 'api-key.revoked'; keyId: string };

/**
 * One view per reader per story per day, across every node: the daily salt and the set of
 * (salted) readers seen are shared, and both vanish when the publication's day ends.
 */
export interface ReaderDays {
  /** True the first time today this reader views this story, on any node. */
  firstViewToday(articleId: string, ip: string, userAgent: string, now: Date): Promise<boolean>;
}
