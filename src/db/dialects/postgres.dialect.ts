import { PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { EngineConnection } from './engine.js';
import { postgresFullText } from './postgres-full-text.js';

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '57014', // query_canceled: the statement ran past statement_timeout
]);

/** DATABASE_STATEMENT_TIMEOUT_MS unless set. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;
/** The longest wait for a connection: opening one, or a free one when all are busy. */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * How much longer than statement_timeout the client waits for an answer. A server that is alive
 * cancels the statement itself (a clean error, the connection stays usable); the client's own
 * timeout is for one that does not answer at all (a network partition, a hung host).
 */
const CLIENT_GRACE_MS = 500;
/** pg's error when `query_timeout` passes without an answer. */
const READ_TIMEOUT_MESSAGE = 'Query read timeout';

export interface PostgresOptions {
  /** Schema to use instead of `public`; tests give each run its own. */
  searchPath?: string;
  maxConnections?: number;
  /** The longest one statement may take (DATABASE_STATEMENT_TIMEOUT_MS); 0: no limit (migrations). */
  statementTimeoutMs?: number;
}

export function openPostgres(connectionString: string, options: PostgresOptions = {}): EngineConnection {
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    // A hung server never finishes the handshake either: a short limit makes it fail as soon.
    connectionTimeoutMillis: statementTimeoutMs > 0 ? Math.min(CONNECT_TIMEOUT_MS, statementTimeoutMs) : CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // Enforced by the server, which a hung server cannot do, hence the client's own limit as well.
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + CLIENT_GRACE_MS } : {}),
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // Nor a checked-out one: pg-pool listens only to idle clients, and a client in use (a query or a
  // transaction under way) whose socket dies emits 'error' besides failing its queries, which with
  // no listener ended the process when PostgreSQL went away (faults.cluster.test.ts). The failed
  // query still rejects, and the pool drops the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  return {
    engine: 'postgres',
    description: `PostgreSQL ${redactPassword(connectionString)}`,
    dialect: new PostgresDialect({ pool: discardingTimedOutClients(pool) }),
    fullText: postgresFullText,
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      await pool.end();
    },
    isUnavailableError: (error) => isUnavailable(error),
  };
}

/**
 * The pool as Kysely uses it, except that a connection whose query got no answer in time is
 * closed when released, never reused: its query is still on the wire, so anything sent after it
 * would wait behind it. Until then (a transaction's ROLLBACK) it refuses at once instead of
 * waiting out a second timeout.
 */
function discardingTimedOutClients(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      let timedOut = false;
      const query = async (sql: string, parameters: ReadonlyArray<unknown>) => {
        if (timedOut) throw new Error(`${READ_TIMEOUT_MESSAGE}: the connection is being closed`);
        try {
          return await client.query(sql, [...parameters]);
        } catch (error) {
          if (error instanceof Error && error.message === READ_TIMEOUT_MESSAGE) timedOut = true;
          throw error;
        }
      };
      return {
        // Kysely's type has a cursor overload too, which it calls only with a `cursor` in the dialect's config.
        query: query as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy === true || timedOut),
      };
    },
    end: () => pool.end(),
  };
}

function isUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? String(error.code) : '';
  if (UNAVAILABLE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  // The last two: a query sent on a client whose connection has already died (inside a transaction).
  // `Query read timeout`: no answer within DATABASE_STATEMENT_TIMEOUT_MS (and the grace) at all.
  return /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Client was closed and is not queryable|Query read timeout/i.test(
    message,
  );
}

export function redactPassword(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
