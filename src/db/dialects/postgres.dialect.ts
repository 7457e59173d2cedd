import { PostgresDialect } from 'kysely';
import pg from 'pg';
import type { EngineConnection } from './engine.js';

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
  return {
    engine: 'postgres',
    description: `PostgreSQL ${redactPassword(connectionString)}`,
    dialect: new PostgresDialect({ pool }),
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
  return /Connection terminated|timeout exceeded when trying to connect/i.test(message);
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
