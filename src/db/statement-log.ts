import type { LogEvent } from 'kysely';

/** One statement as the database ran it: its SQL text, its parameters and how long it took. */
export interface LoggedStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly durationMs: number;
}

/**
 * Every statement the application's database handle runs passes through here (Kysely's `log` hook),
 * so tests can count and inspect what a page costs: the statement-count test holds each page type to
 * a fixed number whatever the archive's size, and the EXPLAIN test plans the very statements a page
 * issued. Nothing is kept unless a recording is open, so a server pays one call and a size check.
 */
export class StatementLog {
  private readonly recordings = new Set<LoggedStatement[]>();

  /** Kysely's `log` option: queries and failed queries alike. */
  readonly observe = (event: LogEvent): void => {
    if (this.recordings.size === 0) return;
    const statement: LoggedStatement = { sql: event.query.sql, parameters: event.query.parameters, durationMs: event.queryDurationMillis };
    for (const recording of this.recordings) recording.push(statement);
  };

  /**
   * Runs `work` and returns the statements run meanwhile, in the order they finished. Anything else
   * running at the same time on this handle is recorded too: record one piece of work at a time.
   */
  async record<T>(work: () => Promise<T>): Promise<{ result: T; statements: LoggedStatement[] }> {
    const statements: LoggedStatement[] = [];
    this.recordings.add(statements);
    try {
      return { result: await work(), statements };
    } finally {
      this.recordings.delete(statements);
    }
  }
}
