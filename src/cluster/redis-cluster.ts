import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/clock.js';
import { EVENT_NAMES } from '../shared/events.js';
import type { RateLimiter, SharedRateLimitOptions } from '../shared/rate-limiter.js';
import type { Cluster, ClusterMessage, ReaderDays } from '../shared/cluster.types.js';
import { connectRedis, type Redis } from './redis.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';

// Takes the lock if free, renews it if this node holds it; anything else is another node's.
const HOLD_LOCK = `
local holder = redis.call('GET', KEYS[1])
if holder == false then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
return 0`;
// Lets go only of a lock this node still holds, so a stopping node never frees another's.
const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** A problem worth a log line that must not fail the request or job that met it. */
export type ClusterWarning = (error: unknown, what: string) => void;

export interface RedisClusterOptions {
  url: string;
  /** Prefixes every key and the channel, so publications (or test runs) can share one Redis. */
  keyPrefix: string;
  clock: Clock;
  /** The shared "seen today" of readers, built on this cluster's connection. */
  readerDays: (redis: Redis, keyPrefix: string) => ReaderDays;
  warn?: ClusterWarning;
}

/**
 * Several nodes sharing one Redis: messages go out on one pub/sub channel (`<prefix>events`) as
 * `{ from, message }`, rate limits and locks are keys under the prefix. Pub/sub delivers to
 * whoever listens at that moment, so a node that was cut off from Redis reloads everything when
 * it is back (see `resync`) instead of trusting that it missed nothing.
 */
export class RedisCluster implements Cluster {
  readonly mode = 'redis' as const;
  readonly nodeId = randomUUID();
  readonly readerDays: ReaderDays;
  private readonly channel: string;
  private readonly handlers: Array<(message: ClusterMessage) => void | Promise<void>> = [];
  private readonly heldLocks = new Set<string>();
  private readonly warn: ClusterWarning;
  private subscriberLost = false;

  private constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    private readonly options: RedisClusterOptions,
  ) {
    this.channel = `${options.keyPrefix}events`;
    this.warn = throttled(options.warn ?? defaultWarning);
    this.readerDays = options.readerDays(redis, options.keyPrefix);
  }

  /** Connects both connections (pub/sub needs its own) and listens before returning. */
  static async connect(options: RedisClusterOptions): Promise<RedisCluster> {
    const redis = connectRedis(options.url, { lazyConnect: true });
    const subscriber = connectRedis(options.url, { lazyConnect: true });
    const cluster = new RedisCluster(redis, subscriber, options);
    // Without a listener, ioredis reports connection errors as unhandled; they are logged instead.
    redis.on('error', (error) => cluster.warn(error, 'Redis connection'));
    subscriber.on('error', (error) => cluster.warn(error, 'Redis subscriber connection'));
    try {
      await Promise.all([redis.connect(), subscriber.connect()]);
      subscriber.on('message', (channel: string, raw: string) => {
        if (channel === cluster.channel) void cluster.receive(raw);
      });
      subscriber.on('close', () => {
        cluster.subscriberLost = true;
      });
      subscriber.on('ready', () => void cluster.resync());
      await subscriber.subscribe(cluster.channel);
    } catch (error) {
      redis.disconnect();
      subscriber.disconnect();
      throw error;
    }
    return cluster;
  }

  async broadcast(message: ClusterMessage): Promise<void> {
    // The change already happened here: failing to tell the others is logged, never thrown.
    try {
      await this.redis.publish(this.channel, JSON.stringify({ from: this.nodeId, message }));
    } catch (error) {
      this.warn(error, `broadcasting ${message.type}`);
    }
  }

  onMessage(handler: (message: ClusterMessage) => void | Promise<void>): void {
    this.handlers.push(handler);
  }

  rateLimiter(name: string, options: SharedRateLimitOptions): RateLimiter {
    return new RedisRateLimiter(this.redis, this.options.keyPrefix, name, { ...options, clock: this.options.clock, report: this.warn });
  }

  async holdLock(name: string, ttlMs: number): Promise<boolean> {
    try {
      const held = (await this.redis.eval(HOLD_LOCK, 1, this.lockKey(name), this.nodeId, Math.max(1, Math.round(ttlMs)))) === 1;
      if (held) this.heldLocks.add(name);
      else this.heldLocks.delete(name);
      return held;
    } catch (error) {
      // A node that cannot reach Redis cannot know it is alone: it does not run the job, so a job
      // waits for Redis rather than running twice.
      this.warn(error, `holding lock ${name}`);
      return false;
    }
  }

  /** Frees this node's locks (another node takes over at once, not after the TTL), then disconnects. */
  async close(): Promise<void> {
    // Redis down: the locks lapse by their TTL; waiting for it would only hold up the stop.
    if (this.redis.status === 'ready') {
      await Promise.allSettled([...this.heldLocks].map((name) => this.redis.eval(RELEASE_LOCK, 1, this.lockKey(name), this.nodeId)));
    }
    this.heldLocks.clear();
    await Promise.allSettled([quit(this.subscriber), quit(this.redis)]);
  }

  private lockKey(name: string): string {
    return `${this.options.keyPrefix}lock:${name}`;
  }

  private async receive(raw: string): Promise<void> {
    const envelope = parseEnvelope(raw);
    if (!envelope) {
      this.warn(new Error('malformed cluster message'), `ignoring a message on ${this.channel}: ${raw.slice(0, 200)}`);
      return;
    }
    if (envelope.from === this.nodeId) return;
    await this.deliver(envelope.message);
  }

  private async deliver(message: ClusterMessage): Promise<void> {
    for (const handler of this.handlers) {
      try {
        await handler(message);
      } catch (error) {
        this.warn(error, `handling ${message.type === 'event' ? message.event.name : message.type} from another node`);
      }
    }
  }

  /**
   * Back after losing the subscription: messages sent meanwhile are gone, so this node reloads as
   * if everything changed (`cluster.resynced` reloads every in-memory view).
   */
  private async resync(): Promise<void> {
    if (!this.subscriberLost) return;
    this.subscriberLost = false;
    await this.deliver({ type: 'event', event: { name: 'cluster.resynced' } });
  }
}

const MESSAGE_TYPES = new Set<string>(['event', 'lists.refreshed', 'api-key.revoked']);

/** Only well-formed envelopes of known types reach handlers; anything else is another program's (or a bug's). */
function parseEnvelope(raw: string): { from: string; message: ClusterMessage } | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { from, message } = value as { from?: unknown; message?: unknown };
  if (typeof from !== 'string' || typeof message !== 'object' || message === null) return null;
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string' || !MESSAGE_TYPES.has(type)) return null;
  if (type === 'event' && !isNamedEvent((message as { event?: unknown }).event)) return null;
  if (type === 'api-key.revoked' && typeof (message as { keyId?: unknown }).keyId !== 'string') return null;
  return { from, message: message as ClusterMessage };
}

/** An event of the catalogue; its payload is trusted (it comes from another node of this publication). */
function isNamedEvent(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const name = (event as { name?: unknown }).name;
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}

async function quit(connection: Redis): Promise<void> {
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}

function defaultWarning(error: unknown, what: string): void {
  console.warn(`dateline cluster: ${what}: ${error instanceof Error ? error.message : String(error)}`);
}

/** One line per problem per 10 seconds: an outage under load must not flood the log. */
function throttled(warn: ClusterWarning): ClusterWarning {
  const lastSeen = new Map<string, number>();
  return (error, what) => {
    const now = Date.now();
    if ((lastSeen.get(what) ?? 0) > now - 10_000) return;
    if (lastSeen.size > 1_000) lastSeen.clear();
    lastSeen.set(what, now);
    warn(error, what);
  };
}
