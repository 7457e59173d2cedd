import { sql } from 'kysely';
import type { DatabaseTarget } from '../../config/config.js';
import { openDatabase } from '../../db/database.js';
import type { PostgresOptions } from '../../db/dialects/postgres.dialect.js';
import { buildRelatedStories, type BuildReport } from './related-stories-build.js';
import { FileSpill } from './related-stories-spill.js';

/** What the serving process hands the builder (as JSON, over IPC). */
export interface RelatedBuildRequest {
  database: DatabaseTarget;
  postgres: PostgresOptions;
  /** The readers' "now" (ISO): which stories are visible. */
  now: string;
}

/** What the builder says back: progress, then exactly one of done or failed. */
export type RelatedBuildMessage =
  | { type: 'progress'; phase: 'read' | 'compute' | 'write'; done: number }
  | { type: 'heartbeat' }
  | { type: 'done'; report: BuildReport }
  | { type: 'failed'; message: string };

/**
 * The SQLite page cache of the builder's own connection. Every write of a build appends in key order
 * (the lists' index is dropped meanwhile and made again by one sort), so a larger cache bought
 * nothing measurable; 128 MB was a tenth of the builder's memory at 100,000 stories.
 */
const BUILD_CACHE_KIB = 16_384;

/**
 * The full build of "You May Also Like" off the serving process (started by RelatedStoriesService
 * with `child_process.fork`): the archive's vocabulary, profiles and postings live here, never in
 * the server's heap, and the server's event loop keeps serving while this process computes. The
 * stories' terms wait between the build's two passes in a temporary file (FileSpill), so the
 * process stays near 230 MB at 100,000 stories. A
 * process rather than a worker thread because memory a thread frees stays with the process (the
 * allocator keeps it): after a build at 100,000 stories a worker thread left the server at 750 MB.
 * It opens its own connection: on SQLite, WAL lets it read beside the server, and its write
 * transactions stay short.
 */
async function main(): Promise<void> {
  const request = await new Promise<RelatedBuildRequest>((resolve) => process.once('message', (message) => resolve(message as RelatedBuildRequest)));
  const send = (message: RelatedBuildMessage) => new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
  // No statement time limit: remaking the lists' index over a whole archive may rightly take longer than a request's.
  const target: DatabaseTarget = request.database.engine === 'postgres' ? { ...request.database, statementTimeoutMs: 0 } : request.database;
  const handle = await openDatabase(target, { ...request.postgres, maxConnections: 2 });
  try {
    if (request.database.engine === 'sqlite') await sql.raw(`pragma cache_size = -${BUILD_CACHE_KIB}`).execute(handle.db);
    const report = await buildRelatedStories(handle.db, new Date(request.now), {
      onProgress: (phase, done) => void send({ type: 'progress', phase, done }),
      onHeartbeat: () => send({ type: 'heartbeat' }),
      spill: new FileSpill(),
    });
    await send({ type: 'done', report });
  } catch (error) {
    await send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    await handle.close();
    process.disconnect?.();
  }
}

await main();
