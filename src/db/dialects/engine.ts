import type { Dialect } from 'kysely';

/**
 * The seam between the data layer and the engine. Everything engine-specific (connecting, health,
 * and later full-text search and date buckets) lives behind this interface, in this folder.
 */
export interface EngineConnection {
  readonly engine: 'sqlite' | 'postgres';
  /** For logs: never contains a password. */
  readonly description: string;
  readonly dialect: Dialect;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** True when the error means "the database cannot be reached right now" (answer 503, not 500). */
  isUnavailableError(error: unknown): boolean;
}
