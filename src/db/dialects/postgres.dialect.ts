import { PostgresDialect } from 'kysely';
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
]);

export interface PostgresOptions {
  /** Schema to use instead of `public`; tests give each run its own. */
  searchPath?: string;
  maxConnections?: number;
}

export function openPostgres(connectionString: string, options: PostgresOptions = {}): EngineConnection {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
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
    dialect: new PostgresDialect({ pool }),
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

function isUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? String(error.code) : '';
  if (UNAVAILABLE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  // The last two: a query sent on a client whose connection has already died (inside a transaction).
  return /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Client was closed and is not queryable/i.test(
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
