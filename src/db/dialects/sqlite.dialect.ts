import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, type SqliteDatabase } from 'kysely';
import { StartupError } from '../../shared/errors.js';
import type { EngineConnection } from './engine.js';
import { FALLBACK_AUTOCHECKPOINT_PAGES, SqliteCheckpointer } from './sqlite-checkpointer.js';
import { sqliteFullText } from './sqlite-full-text.js';

/**
 * Opens (or creates) the SQLite file. Checks the folder first, so a bad DATA_DIR is reported in one
 * sentence and nothing is half-created; then WAL mode, which lets readers run beside the writer.
 */
export function openSqlite(filename: string): EngineConnection {
  if (filename !== ':memory:') ensureWritableDirectory(path.dirname(filename));
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(filename);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    throw new StartupError(
      `The database file ${filename} cannot be opened as SQLite (${describeError(error)}). ` +
        'If it is corrupt, move it away or restore it from a backup.',
      { cause: error },
    );
  }
  // The log is checkpointed on a thread of its own (sqlite-checkpointer.ts), not inside a commit on
  // the event loop; the connection's own automatic checkpoint stays only as a safety net.
  const checkpointer = filename === ':memory:' ? null : SqliteCheckpointer.start(filename);
  if (checkpointer) database.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const closeDatabase = () => {
    void checkpointer?.stop();
    if (database.open) database.close();
  };
  return {
    engine: 'sqlite',
    description: `SQLite ${filename}`,
    dialect: new SqliteDialect({ database: withStatementCache(database, closeDatabase) }),
    fullText: sqliteFullText,
    ping: async () => {
      database.prepare('select 1').get();
    },
    close: async () => {
      closeDatabase();
      await checkpointer?.stopped();
    },
    closed: async () => checkpointer?.stopped(),
    isUnavailableError: (error) => /SQLITE_(BUSY|IOERR|CANTOPEN|FULL)/.test(errorCode(error)),
  };
}

/** Prepared statements kept per SQL text; a page runs the same few dozen queries every time. */
const STATEMENT_CACHE_SIZE = 500;
/**
 * And at most this much SQL text among them: a statement's compiled program grows with its text, and
 * an import's multi-row inserts (thousands of parameters, a new text for each row count) otherwise
 * fill the cache with hundreds of them, tens of MB the process kept for the rest of an import.
 */
const STATEMENT_CACHE_CHARS = 1_000_000;

/**
 * Kysely prepares every query afresh, and preparing costs as much as running a simple query (a
 * third of an uncached article render, profiled). Statements are reused by their SQL text; Kysely's
 * SQLite driver runs one query at a time on its connection, so a statement is never used twice at
 * once. The least recently used statement goes first when the cache is full (`in (?, ?, …)` lists
 * make new texts).
 */
function withStatementCache(database: BetterSqlite3.Database, close: () => void): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  let chars = 0;
  return {
    close,
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        chars += sql.length;
        for (const oldest of statements.keys()) {
          if (statements.size < STATEMENT_CACHE_SIZE && chars <= STATEMENT_CACHE_CHARS) break;
          statements.delete(oldest);
          chars -= oldest.length;
        }
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

function ensureWritableDirectory(directory: string): void {
  const existing = statOrUndefined(directory);
  if (existing && !existing.isDirectory()) {
    throw new StartupError(`DATA_DIR ${directory} exists but is not a directory.`);
  }
  try {
    createDirectories(directory);
    // access() says yes to root even on a read-only mount, so probe with a real write.
    const probe = path.join(directory, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    throw new StartupError(`DATA_DIR ${directory} is not writable (${describeError(error)}).`, { cause: error });
  }
}

/**
 * `mkdir -p` one level at a time. Node's own recursive mkdir never returns on some virtual file
 * systems (it loops on /proc), so a mistyped DATA_DIR there would hang the start instead of failing.
 */
function createDirectories(directory: string): void {
  const parent = path.dirname(directory);
  if (parent !== directory && !statOrUndefined(parent)) createDirectories(parent);
  if (!statOrUndefined(directory)) fs.mkdirSync(directory);
}

function statOrUndefined(target: string): fs.Stats | undefined {
  try {
    return fs.statSync(target);
  } catch {
    return undefined;
  }
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function describeError(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
