import { Kysely, sql, Migrator, type MigrationResultSet } from 'kysely';
import type { DatabaseTarget } from '../config/config.js';
import { StartupError } from '../shared/errors.js';
import type { EngineConnection } from './dialects/engine.js';
import type { FullTextIndex } from './dialects/full-text.js';
import type { PostgresOptions } from './dialects/postgres.dialect.js';
import { openSqlite } from './dialects/sqlite.dialect.js';
import { migrations } from './migrations/migrations.js';
import type { Database } from './schema.js';
import { StatementLog } from './statement-log.js';

export type { Database } from './schema.js';
export type { LoggedStatement, StatementLog } from './statement-log.js';
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  readonly db: Db;
  readonly description: string;
  /** The engine's full-text index (the search module's), chosen with the dialect. */
  readonly fullText: FullTextIndex;
  /** Every statement `db` runs, for tests that count or EXPLAIN what a page costs (statement-log.ts). */
  readonly statements: StatementLog;
  ping(): Promise<void>;
  /**
   * After a bulk write (an archive generated or imported): PostgreSQL vacuums and analyzes at once,
   * rather than when autovacuum next comes by. Until then it takes the new tables for empty, and the
   * full-text index's new entries wait in its pending list, which the planner prices so high that
   * it reads every document instead: a search took 0.3–1 s at 100,000 stories instead of 5–35 ms.
   * Nothing on SQLite, which plans from the schema alone.
   */
  refreshStatistics(): Promise<void>;
  close(): Promise<void>;
  isUnavailableError(error: unknown): boolean;
}

/**
 * Connects, proves the connection answers, and brings the schema up to date. Any failure becomes a
 * StartupError with one clear sentence.
 */
export async function openDatabase(target: DatabaseTarget, options: PostgresOptions = {}): Promise<DatabaseHandle> {
  const connection: EngineConnection =
    target.engine === 'sqlite'
      ? openSqlite(target.filename)
      : (await loadPostgres())(target.connectionString, { ...options, statementTimeoutMs: target.statementTimeoutMs ?? options.statementTimeoutMs });
  try {
    await connection.ping();
  } catch (error) {
    await connection.close().catch(() => {});
    throw new StartupError(`Cannot reach the database (${connection.description}): ${reason(error)}`, { cause: error });
  }
  const statements = new StatementLog();
  const db = new Kysely<Database>({ dialect: connection.dialect, log: statements.observe });
  const handle: DatabaseHandle = {
    db,
    description: connection.description,
    fullText: connection.fullText,
    statements,
    ping: () => connection.ping(),
    refreshStatistics: async () => {
      if (target.engine === 'postgres') await vacuumAnalyzeSchema(db);
    },
    close: async () => {
      await db.destroy();
      await connection.closed?.();
    },
    isUnavailableError: (error) => connection.isUnavailableError(error),
  };
  try {
    await migrateWithoutTimeLimit(target, db, connection.fullText, options);
  } catch (error) {
    await handle.close().catch(() => {});
    throw new StartupError(`Could not update the database schema (${connection.description}): ${reason(error)}`, {
      cause: error,
    });
  }
  return handle;
}

/**
 * A migration may rightly take longer than any request's statement (an index built on a large
 * table), and a node may wait for another's to finish: on PostgreSQL migrations run on a
 * connection of their own without DATABASE_STATEMENT_TIMEOUT_MS, closed once they are done.
 */
async function migrateWithoutTimeLimit(target: DatabaseTarget, db: Db, fullText: FullTextIndex, options: PostgresOptions): Promise<void> {
  if (target.engine !== 'postgres') {
    await migrateToLatest(db, fullText, options.searchPath);
    return;
  }
  const unlimited = (await loadPostgres())(target.connectionString, { ...options, maxConnections: 1, statementTimeoutMs: 0 });
  const migrationDb = new Kysely<Database>({ dialect: unlimited.dialect });
  try {
    await migrateToLatest(migrationDb, unlimited.fullText, options.searchPath);
  } finally {
    await migrationDb.destroy();
  }
}

/**
 * The PostgreSQL driver, loaded only when the database is PostgreSQL: `pg` and its dialect cost a
 * SQLite node's start about 0.1 s of loading for nothing.
 */
async function loadPostgres(): Promise<typeof import('./dialects/postgres.dialect.js').openPostgres> {
  return (await import('./dialects/postgres.dialect.js')).openPostgres;
}

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one (Kysely does not
 * nest transactions), so a repository function can be atomic alone and still join a larger unit.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * @param fullText the engine's full-text index, which writes its own DDL.
 * @param schema the PostgreSQL schema the tables live in, when not the default. Kysely looks for its
 *   bookkeeping tables in every schema unless told which, and would find another schema's.
 */
export async function migrateToLatest(db: Db, fullText: FullTextIndex, schema?: string): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(fullText) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error('The migration failed', { cause: result.error });
  return result;
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  if (error instanceof Error) {
    const code = 'code' in error && (typeof error.code === 'string' || typeof error.code === 'number') && error.code ? String(error.code) : '';
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message || code;
  }
  return String(error);
}

/**
 * PostgreSQL: VACUUM ANALYZE of this schema's tables, one by one (others' schemas may share the
 * database: the tests' do). Outside any transaction, as VACUUM must be.
 */
async function vacuumAnalyzeSchema(db: Db): Promise<void> {
  const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = current_schema()`.execute(db);
  for (const { tablename } of tables.rows) await sql`vacuum analyze ${sql.table(tablename)}`.execute(db);
}
