import type { Dialect } from 'kysely';
import type { FullTextIndex } from './full-text.js';

/**
 * The seam between the data layer and the engine. Everything engine-specific (connecting, health,
 * full-text search, and later date buckets) lives behind this interface, in this folder.
 */
export interface EngineConnection {
  readonly engine: 'sqlite' | 'postgres';
  /** For logs: never contains a password. */
  readonly description: string;
  readonly dialect: Dialect;
  /** This engine's full-text index, chosen here once, like the Kysely dialect. */
  readonly fullText: FullTextIndex;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Resolves once the engine's own background threads have ended after a close (SQLite's
   * checkpointer): a process that exits while one still works on the file may crash in it.
   */
  closed?(): Promise<void>;
  /** True when the error means "the database cannot be reached right now" (answer 503, not 500). */
  isUnavailableError(error: unknown): boolean;
}
