import { createHash, randomBytes } from 'node:crypto';
import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { memoryRateLimiters, type RateLimiter, type RateLimiterFactory } from '../../shared/rate-limiter.js';
import { validateText } from '../../shared/text.js';
import type { AuditService } from '../audit/index.js';
import { findApiKeyByHash, findApiKeyById, insertApiKey, listApiKeys, revokeApiKey, touchApiKey } from './api-key.repository.js';
import type { ApiKey } from './api-key.types.js';

/** Recognisable in logs, configs and secret scanners; `live` leaves room for test keys later. */
export const API_KEY_PREFIX = 'dl_live_';
/** The prefix plus 32 random bytes in base64url (43 characters). */
const KEY_PATTERN = /^dl_live_[A-Za-z0-9_-]{43}$/;
/** Enough of the key to tell keys apart in the newsroom, far too little to guess the rest. */
const SHOWN_PREFIX_LENGTH = 12;
export const API_KEY_NAME_MAX = 100;
/**
 * A verified key is trusted from memory this long, so a partner's burst of requests costs no query
 * each. Revoking drops it at once here, and on other nodes through `onRevoked` (a cluster message).
 */
export const API_KEY_CACHE_TTL_MS = 30_000;
/** last_used_at is written at most this often per key: "when was it last used" needs no finer grain. */
export const API_KEY_TOUCH_INTERVAL_MS = 60_000;
const MAX_CACHED_KEYS = 10_000;

export interface ApiKeyLimits {
  /** Requests per key per minute; the next one is a 429. */
  requestsPerMinute: number;
}

export const DEFAULT_API_KEY_LIMITS: ApiKeyLimits = { requestsPerMinute: 600 };

export interface ApiKeyServiceOptions {
  limits?: ApiKeyLimits;
  /** Where the per-key limiter comes from: the cluster's, so every node counts a key's requests together. */
  limiters?: RateLimiterFactory;
  /** Tells other nodes a key was revoked, so they drop it from their caches at once. */
  onRevoked?: (keyId: string) => Promise<void>;
}

interface CachedKey {
  key: ApiKey;
  cachedUntil: number;
  touchedAt: number;
}

/** Keys for the Content API: made and revoked by admins, checked on every API request. */
export class ApiKeyService {
  private readonly cache = new Map<string, CachedKey>();
  private readonly limiter: RateLimiter;
  private readonly onRevoked: (keyId: string) => Promise<void>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    options: ApiKeyServiceOptions = {},
  ) {
    const limits = options.limits ?? DEFAULT_API_KEY_LIMITS;
    const limiters = options.limiters ?? memoryRateLimiters(clock);
    // A fixed window: a counter per key, cheap on every API request. Flood control only, so an
    // unreachable shared store lets requests through rather than failing partners' calls.
    this.limiter = limiters('api-keys', { limit: limits.requestsPerMinute, windowMs: 60_000, window: 'fixed', whenUnavailable: 'allow' });
    this.onRevoked = options.onRevoked ?? (async () => {});
  }

  /**
   * Makes a key and returns it whole: the only time it exists outside the partner's hands.
   * `actorUserId` is null when an operator makes it from the command line.
   */
  async create(rawName: string, actorUserId: string | null): Promise<{ key: string; apiKey: ApiKey }> {
    const name = validateText(rawName, { field: 'name', code: 'ERR_API_KEY_NAME_INVALID', min: 1, max: API_KEY_NAME_MAX });
    const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const apiKey: ApiKey = {
      id: newId(),
      name,
      prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
      createdByUserId: actorUserId,
      createdAt: this.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await inTransaction(this.db, async (trx) => {
      await insertApiKey(trx, { ...apiKey, hash: hashApiKey(key) });
      await this.audit.record(
        { actorUserId, action: 'api_key.created', subjectType: 'api_key', subjectId: apiKey.id, details: { name, prefix: apiKey.prefix } },
        trx,
      );
    });
    return { key, apiKey };
  }

  list(): Promise<ApiKey[]> {
    return listApiKeys(this.db);
  }

  /** Revokes a key; it stops working at once in this process and, through `onRevoked`, on the others. */
  async revoke(id: string, actorUserId: string): Promise<ApiKey> {
    const existing = await findApiKeyById(this.db, id);
    if (!existing) throw new AppError('ERR_API_KEY_NOT_FOUND');
    const now = this.clock.now();
    await inTransaction(this.db, async (trx) => {
      if (!(await revokeApiKey(trx, id, now))) throw new AppError('ERR_API_KEY_ALREADY_REVOKED');
      await this.audit.record(
        { actorUserId, action: 'api_key.revoked', subjectType: 'api_key', subjectId: id, details: { name: existing.name, prefix: existing.prefix } },
        trx,
      );
    });
    this.forget(id);
    await this.onRevoked(id);
    return { ...existing, revokedAt: now };
  }

  /** Drops a key from the cache of verified keys: the next request with it reads the database. */
  forget(id: string): void {
    for (const [hash, cached] of this.cache) if (cached.key.id === id) this.cache.delete(hash);
  }

  /**
   * The key a request carries, if it may use the API: missing → ERR_API_KEY_REQUIRED, unknown or
   * malformed → ERR_API_KEY_INVALID, revoked → ERR_API_KEY_REVOKED. A lookup by hash needs no
   * constant-time comparison: the hash of a guess reveals nothing about the stored hashes.
   */
  async verify(presented: string | undefined): Promise<ApiKey> {
    if (presented === undefined || presented === '') throw new AppError('ERR_API_KEY_REQUIRED');
    if (!KEY_PATTERN.test(presented)) throw new AppError('ERR_API_KEY_INVALID');
    const hash = hashApiKey(presented);
    const now = this.clock.now().getTime();
    let cached = this.cache.get(hash);
    if (!cached || cached.cachedUntil <= now) {
      const key = await findApiKeyByHash(this.db, hash);
      if (!key) throw new AppError('ERR_API_KEY_INVALID');
      if (key.revokedAt) {
        this.cache.delete(hash);
        throw new AppError('ERR_API_KEY_REVOKED');
      }
      cached = { key, cachedUntil: now + API_KEY_CACHE_TTL_MS, touchedAt: cached?.touchedAt ?? Number.NEGATIVE_INFINITY };
      this.remember(hash, cached);
    }
    if (now - cached.touchedAt >= API_KEY_TOUCH_INTERVAL_MS) {
      cached.touchedAt = now;
      await touchApiKey(this.db, cached.key.id, new Date(now));
    }
    return cached.key;
  }

  /** Counts one request against a key; a 429 (ERR_API_RATE_LIMITED) once its minute's allowance is used. */
  async consume(keyId: string): Promise<void> {
    if (await this.limiter.isLimited(keyId)) throw new AppError('ERR_API_RATE_LIMITED');
    await this.limiter.hit(keyId);
  }

  private remember(hash: string, entry: CachedKey): void {
    this.cache.delete(hash);
    this.cache.set(hash, entry);
    if (this.cache.size > MAX_CACHED_KEYS) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
  }
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
