import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Cluster } from '../../shared/cluster.types.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { AuditService } from '../audit/index.js';
import type { ImportDeps, ImportReport, ImportTargets } from '../imports/index.js';
import { executeImport, ImportFailure, INTERRUPTED, type ImportRunLogger } from './import-execution.js';
import { parseImportOptions, type ImportOptionsForm } from './import-options.js';
import {
  findAbandonedRuns,
  findActiveRun,
  findQueuedRun,
  findRun,
  findRunReport,
  failRun,
  finishRun,
  insertQueuedRun,
  listRuns,
  markRunRunning,
} from './import-run.repository.js';
import type { ImportRun, ImportRunOptions, StoredUpload } from './import-run.types.js';
import { PARTIAL_UPLOAD, storeUpload } from './import-upload.js';

/** A run whose heartbeat is older than this was left by a node that stopped. */
const STALE_AFTER_MS = 30_000;
const PROGRESS_EVERY_MS = 1000;
/** A run's export while it waits and runs: `run-<id>.export` under the imports folder. */
const RUN_FILE = /^run-([0-9a-f-]{36})\.export$/;
/** An upload last written this long before this process started was cut off by the stop (file times are coarse). */
const CUT_OFF_MARGIN_MS = 5000;

const stderrLogger: ImportRunLogger = { error: (details, message) => console.error(message, details) };

export interface ImportRunServiceOptions {
  db: Db;
  clock: Pick<Clock, 'now'>;
  audit: Pick<AuditService, 'record'>;
  /** The app's own services, so pictures, reactions and events are the running site's. */
  importer: ImportDeps;
  targets: ImportTargets;
  sections: { bySlug(slug: string): unknown };
  node: Pick<Cluster, 'mode' | 'nodeId'>;
  /** DATA_DIR/imports: uploads as they arrive, then each run's export until it ended. */
  dir: string;
  /** IMPORT_MAX_BYTES. */
  maxBytes: number;
  timeZone: () => string;
  /** Asks this node's import-run job for a run (deps.ts: `jobs.run(IMPORT_RUN_JOB)`). */
  requestRun: () => Promise<void>;
  log?: ImportRunLogger;
  progressEveryMs?: number;
  /**
   * After a run that wrote something: the importer makes no AVIF variants (media's backlog does),
   * so the running site asks its backlog for the new pictures' now rather than at its next start.
   */
  afterRun?: () => void;
}

/**
 * The newsroom's imports: an upload is written to disk and checked (`receive`), then becomes a
 * queued run (`start`, audited), which this node's import-run job runs in the background
 * (`runQueued`) with its progress written about once a second. One run at a time across every node;
 * a run a stopped node left behind is marked failed ("interrupted"): at this node's start, or by
 * anyone reading once its heartbeat is 30 seconds old. Running the same file again resumes it.
 */
export class ImportRunService {
  private readonly log: ImportRunLogger;
  private readonly createdAt = Date.now();
  private recovered = false;

  constructor(private readonly options: ImportRunServiceOptions) {
    this.log = options.log ?? stderrLogger;
  }

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  /** Refuses (409) while a run is queued or running anywhere. */
  async assertIdle(): Promise<void> {
    await this.failStale();
    if (await findActiveRun(this.options.db)) throw new AppError('ERR_IMPORT_RUNNING');
  }

  /** Writes an upload to disk as it arrives, checked (import-upload.ts); nothing is left on a refusal. */
  receive(source: Readable, fileName: string): Promise<StoredUpload> {
    const { dir, maxBytes } = this.options;
    return storeUpload(source, { dir, fileName, maxBytes });
  }

  /** Removes an upload that will not run (a refused form). */
  async discard(upload: StoredUpload): Promise<void> {
    await rm(upload.path, { force: true });
  }

  parseOptions(form: ImportOptionsForm): ImportRunOptions {
    return parseImportOptions(form, (slug) => this.options.sections.bySlug(slug) !== undefined);
  }

  /**
   * Queues a run of an upload, audited (`import.started`) in the same transaction, and asks this
   * node's job to run it. Another run queued or running: 409, the upload removed.
   */
  async start(upload: StoredUpload, options: ImportRunOptions, userId: string): Promise<ImportRun> {
    const { db, clock, audit, node } = this.options;
    const id = newId();
    const file = this.fileOf(id);
    try {
      await rename(upload.path, file);
      const run = { id, kind: upload.kind, fileName: upload.fileName, fileBytes: upload.bytes, options, nodeId: node.nodeId, startedBy: userId };
      const details = { fileName: upload.fileName, bytes: upload.bytes, kind: upload.kind, dryRun: options.dryRun };
      const added = await inTransaction(db, async (trx) => {
        const inserted = await insertQueuedRun(trx, run, clock.now());
        if (inserted) await audit.record({ actorUserId: userId, action: 'import.started', subjectType: 'import', subjectId: id, details }, trx);
        return inserted;
      });
      if (!added) throw new AppError('ERR_IMPORT_RUNNING');
    } catch (error) {
      await Promise.all([rm(file, { force: true }), rm(upload.path, { force: true })]);
      throw error;
    }
    this.options.requestRun().catch((error: unknown) => this.log.error({ err: error, runId: id }, 'the import run job failed'));
    return this.get(id);
  }

  /** The import-run job: marks what a stopped node left, then runs this node's queued runs, oldest first. */
  async runQueued(signal: AbortSignal): Promise<void> {
    if (!this.recovered) {
      this.recovered = true;
      await this.recoverInterrupted();
    }
    for (;;) {
      if (signal.aborted) return;
      const run = await findQueuedRun(this.options.db, this.options.node.nodeId);
      if (!run) return;
      await this.execute(run, signal);
    }
  }

  /**
   * At a start: the runs a stopped process left queued or running are marked failed
   * ("interrupted"). One process: every run not its own; several nodes: those whose heartbeat is
   * stale (another node may be running one). Their files go, and uploads cut off by the stop.
   */
  async recoverInterrupted(): Promise<void> {
    const { node } = this.options;
    await this.failAbandoned(node.mode === 'single' ? { notOfNode: node.nodeId } : this.staleWhich());
    await this.removeLeftovers();
  }

  /** The newest runs first. */
  async list(limit: number): Promise<ImportRun[]> {
    await this.failStale();
    return listRuns(this.options.db, limit);
  }

  /** One run; ERR_IMPORT_RUN_NOT_FOUND when there is none. */
  async get(id: string): Promise<ImportRun> {
    await this.failStale();
    const run = await findRun(this.options.db, id);
    if (!run) throw new AppError('ERR_IMPORT_RUN_NOT_FOUND');
    return run;
  }

  /** A finished run's whole report, or null (not finished, or no such run). */
  report(id: string): Promise<ImportReport | null> {
    return findRunReport(this.options.db, id);
  }

  private async execute(run: ImportRun, signal: AbortSignal): Promise<void> {
    const { db, clock, audit } = this.options;
    if (!(await markRunRunning(db, run.id, clock.now()))) return;
    const context = { ...this.options, log: this.log, progressEveryMs: this.options.progressEveryMs ?? PROGRESS_EVERY_MS };
    try {
      const { report, total } = await executeImport(context, run, this.fileOf(run.id), signal);
      const details = { status: 'finished', dryRun: run.options.dryRun, counts: report.counts, warnings: report.warnings.length };
      await inTransaction(db, async (trx) => {
        await finishRun(trx, run.id, report, total, clock.now());
        await audit.record({ actorUserId: run.startedBy, action: 'import.finished', subjectType: 'import', subjectId: run.id, details }, trx);
      });
      if (!run.options.dryRun) this.options.afterRun?.();
    } catch (error) {
      if (!(error instanceof ImportFailure)) throw error;
      if (error.unexpected !== undefined) this.log.error({ err: error.unexpected, runId: run.id }, 'an import failed');
      await this.fail(run, error.reason);
    } finally {
      await rm(this.fileOf(run.id), { force: true });
    }
  }

  private async fail(run: ImportRun, reason: string): Promise<void> {
    const { db, clock, audit } = this.options;
    await inTransaction(db, async (trx) => {
      if (!(await failRun(trx, run.id, reason, clock.now()))) return;
      const details = { status: 'failed', error: reason };
      await audit.record({ actorUserId: run.startedBy, action: 'import.finished', subjectType: 'import', subjectId: run.id, details }, trx);
    });
  }

  /** Runs whose node stopped writing their heartbeat: given up, by whoever looks. */
  private async failStale(): Promise<void> {
    await this.failAbandoned(this.staleWhich());
  }

  private staleWhich(): { staleBefore: Date } {
    return { staleBefore: new Date(this.options.clock.now().getTime() - STALE_AFTER_MS) };
  }

  private async failAbandoned(which: { notOfNode: string } | { staleBefore: Date }): Promise<void> {
    for (const run of await findAbandonedRuns(this.options.db, which)) await this.fail(run, INTERRUPTED);
  }

  /**
   * Files of runs no longer active, and (one process: nobody else uploads into this folder) uploads
   * cut off by the stop, last written before this process started.
   */
  private async removeLeftovers(): Promise<void> {
    const names = await readdir(this.options.dir).catch(() => [] as string[]);
    const active = await findActiveRun(this.options.db);
    const single = this.options.node.mode === 'single';
    for (const name of names) {
      const file = path.join(this.options.dir, name);
      const runId = RUN_FILE.exec(name)?.[1];
      if (runId !== undefined && runId !== active?.id) await rm(file, { force: true });
      if (single && PARTIAL_UPLOAD.test(name) && (await lastWritten(file)) < this.createdAt - CUT_OFF_MARGIN_MS) await rm(file, { force: true });
    }
  }

  private fileOf(id: string): string {
    return path.join(this.options.dir, `run-${id}.export`);
  }
}

async function lastWritten(file: string): Promise<number> {
  return (await stat(file).catch(() => undefined))?.mtimeMs ?? Infinity;
}
