/**
 * Retry-After on a 503 for an unreachable or hung database (ERR_DATABASE_UNAVAILABLE): long enough
 * for a restart or failover to get under way, short enough that a reader's retry soon succeeds.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
