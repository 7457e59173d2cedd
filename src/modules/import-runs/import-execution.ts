import { createReadStream, type ReadStream } from 'node:fs';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { importGhost, importWordPress, XmlRefusedError, type ImportDeps, type ImportReport, type ImportTargets } from '../imports/index.js';
import { writeRunProgress } from './import-run.repository.js';
import type { ImportRun } from './import-run.types.js';
import { sentence } from './import-upload.js';

/** Said of a run a stopped server left unfinished (the importer's ledger makes a second run resume). */
export const INTERRUPTED =
  'Interrupted: run it again to resume. The server stopped before the import finished; what was imported is kept, and importing the same file again takes up where this run stopped.';

export interface ImportRunLogger {
  error(details: Record<string, unknown>, message: string): void;
}

/** What running one import needs from the service. */
export interface ExecutionContext {
  db: Db;
  clock: Pick<Clock, 'now'>;
  importer: ImportDeps;
  targets: ImportTargets;
  timeZone: () => string;
  log: ImportRunLogger;
  /** How often progress (and the heartbeat) is written: about once a second, never once per item. */
  progressEveryMs: number;
}

/**
 * Runs the importer over a run's file: the export is read as a stream (twice, as the importer
 * asks), progress is kept in memory and written on a timer, and the node's stop (`signal`) or
 * another node having given the run up ends it between items. Resolves with the report, or rejects
 * with the reason to show (`failureReason`).
 */
export async function executeImport(
  context: ExecutionContext,
  run: ImportRun,
  file: string,
  signal: AbortSignal,
): Promise<{ report: ImportReport; total: number }> {
  const progress = { done: 0, total: 0 };
  const streams = new Set<ReadStream>();
  let stopped: string | undefined;
  const stop = (reason: string) => {
    stopped ??= reason;
    for (const stream of streams) stream.destroy(new Error(reason));
  };
  const onAbort = () => stop(INTERRUPTED);
  signal.addEventListener('abort', onAbort);
  const heartbeat = startHeartbeat(context, run.id, progress, () => stop(INTERRUPTED));
  try {
    if (signal.aborted) onAbort();
    const open = () => {
      const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
      streams.add(stream);
      stream.once('close', () => streams.delete(stream));
      if (stopped) stream.destroy(new Error(stopped));
      return stream;
    };
    const onProgress = (done: number, total: number) => {
      progress.done = done;
      progress.total = total;
    };
    const report = await runImporter(context, run, { file, open, onProgress });
    return { report, total: progress.total };
  } catch (error) {
    const refused = error instanceof XmlRefusedError || error instanceof AppError;
    throw new ImportFailure(stopped ?? failureReason(error), stopped === undefined && !refused ? error : undefined);
  } finally {
    signal.removeEventListener('abort', onAbort);
    await heartbeat.stop();
  }
}

/** Why a run failed, for people; `unexpected` is the error when it was not a refusal or a stop (it is logged). */
export class ImportFailure extends Error {
  constructor(
    readonly reason: string,
    readonly unexpected: unknown,
  ) {
    super(reason);
    this.name = 'ImportFailure';
  }
}

/**
 * The importer for the run's kind. A WordPress export is read through `open`, so a stop cuts it
 * short between stories; the Ghost importer opens its file (or zip) itself and runs to its end, or
 * to the process's exit at a stop (main.ts allows 10 seconds): the next start marks it interrupted.
 */
function runImporter(
  context: ExecutionContext,
  run: ImportRun,
  io: { file: string; open: () => AsyncIterable<string>; onProgress: (done: number, total: number) => void },
): Promise<ImportReport> {
  const common = {
    targets: context.targets,
    images: { fetch: run.options.fetchImages },
    dryRun: run.options.dryRun,
    sectionMap: new Map(run.options.sectionMap),
    unmapped: run.options.unmapped,
    defaultSection: run.options.defaultSection,
    update: run.options.update,
    onProgress: io.onProgress,
  };
  switch (run.kind) {
    case 'wordpress':
      return importWordPress(context.importer, {
        ...common,
        open: io.open,
        timeZone: run.options.timeZone ?? context.timeZone(),
      });
    case 'ghost':
      return importGhost(context.importer, { ...common, file: io.file, siteUrl: run.options.siteUrl });
  }
}

function failureReason(error: unknown): string {
  if (error instanceof XmlRefusedError) return sentence(error.message);
  if (error instanceof AppError) return sentence(error.message);
  const message = error instanceof Error ? error.message : String(error);
  return `The import stopped on an error: ${message}. What was imported before it is kept; run it again to resume.`;
}

/**
 * Writes the progress and the heartbeat every `progressEveryMs`, one write at a time. When the run
 * is no longer `running` in the database (another node found its heartbeat stale and gave it up),
 * `onLost` stops the import.
 */
function startHeartbeat(context: ExecutionContext, id: string, progress: { done: number; total: number }, onLost: () => void) {
  let writing: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (writing) return;
    writing = writeRunProgress(context.db, id, { ...progress }, context.clock.now())
      .then((stillRunning) => {
        if (!stillRunning) onLost();
      })
      .catch((error: unknown) => context.log.error({ err: error, runId: id }, 'writing an import’s progress failed; it is tried again in a second'))
      .finally(() => {
        writing = undefined;
      });
  }, context.progressEveryMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await writing;
    },
  };
}
