import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ImportRunsTable } from '../../db/schema.js';
import type { ImportReport } from '../imports/index.js';
import { DEFAULT_RUN_OPTIONS, type ImportKind, type ImportRun, type ImportRunOptions, type ImportRunStatus } from './import-run.types.js';

/** Every column but the report, which only the run's own page and download read. */
const RUN_COLUMNS = [
  'id',
  'kind',
  'file_name',
  'file_bytes',
  'status',
  'options',
  'done',
  'total',
  'started_by',
  'created_at',
  'started_at',
  'finished_at',
  'error',
] as const;

type RunRow = Pick<Selectable<ImportRunsTable>, (typeof RUN_COLUMNS)[number]>;

export interface NewImportRun {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileBytes: number;
  options: ImportRunOptions;
  nodeId: string;
  startedBy: string;
}

/**
 * Adds a queued run unless another is queued or running (the unique `active` column): true when it
 * was added. One statement, so two nodes taking an upload at once cannot both win.
 */
export async function insertQueuedRun(db: Db, run: NewImportRun, now: Date): Promise<boolean> {
  const at = now.toISOString();
  await db
    .insertInto('import_runs')
    .values({
      id: run.id,
      kind: run.kind,
      file_name: run.fileName,
      file_bytes: run.fileBytes,
      status: 'queued',
      active: 1,
      dry_run: run.options.dryRun ? 1 : 0,
      options: JSON.stringify(run.options),
      done: 0,
      total: 0,
      node_id: run.nodeId,
      started_by: run.startedBy,
      created_at: at,
      started_at: null,
      heartbeat_at: at,
      finished_at: null,
      error: null,
      report: null,
    })
    .onConflict((conflict) => conflict.column('active').doNothing())
    .execute();
  const row = await db.selectFrom('import_runs').select('id').where('id', '=', run.id).executeTakeFirst();
  return row !== undefined;
}

export async function findRun(db: Db, id: string): Promise<ImportRun | undefined> {
  const row = await db.selectFrom('import_runs').select(RUN_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toRun(row);
}

/** The run queued or running, if any (at most one: the unique `active` column). */
export async function findActiveRun(db: Db): Promise<ImportRun | undefined> {
  const row = await db.selectFrom('import_runs').select(RUN_COLUMNS).where('active', '=', 1).executeTakeFirst();
  return row && toRun(row);
}

/** The oldest run queued on this node, for its job to take. */
export async function findQueuedRun(db: Db, nodeId: string): Promise<ImportRun | undefined> {
  const row = await db
    .selectFrom('import_runs')
    .select(RUN_COLUMNS)
    .where('status', '=', 'queued')
    .where('node_id', '=', nodeId)
    .orderBy('created_at')
    .executeTakeFirst();
  return row && toRun(row);
}

/** The newest runs first. */
export async function listRuns(db: Db, limit: number): Promise<ImportRun[]> {
  const rows = await db.selectFrom('import_runs').select(RUN_COLUMNS).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toRun);
}

export async function findRunReport(db: Db, id: string): Promise<ImportReport | null> {
  const row = await db.selectFrom('import_runs').select('report').where('id', '=', id).executeTakeFirst();
  return row?.report ? (JSON.parse(row.report) as ImportReport) : null;
}

export async function markRunRunning(db: Db, id: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('import_runs')
    .set({ status: 'running', started_at: at, heartbeat_at: at })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Progress and heartbeat; false when the run is no longer running (another node marked it failed). */
export async function writeRunProgress(db: Db, id: string, progress: { done: number; total: number }, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('import_runs')
    .set({ done: progress.done, total: progress.total, heartbeat_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishRun(db: Db, id: string, report: ImportReport, total: number, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('import_runs')
    .set({ status: 'finished', active: null, done: total, total, finished_at: at, heartbeat_at: at, error: null, report: JSON.stringify(report) })
    .where('id', '=', id)
    .execute();
}

/** Marks an active run failed; false when it had ended already (finished, or failed by another node). */
export async function failRun(db: Db, id: string, error: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('import_runs')
    .set({ status: 'failed', active: null, finished_at: at, heartbeat_at: at, error })
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The active runs a node left when it stopped: every one not of `notOfNode` (one process, at its
 * start), or those whose heartbeat is older than `staleBefore` (several nodes).
 */
export async function findAbandonedRuns(db: Db, which: { notOfNode: string } | { staleBefore: Date }): Promise<ImportRun[]> {
  const query = db.selectFrom('import_runs').select(RUN_COLUMNS).where('active', '=', 1);
  const rows = await (
    'notOfNode' in which ? query.where('node_id', '<>', which.notOfNode) : query.where('heartbeat_at', '<', which.staleBefore.toISOString())
  ).execute();
  return rows.map(toRun);
}

function toRun(row: RunRow): ImportRun {
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.file_name,
    fileBytes: Number(row.file_bytes),
    status: row.status as ImportRunStatus,
    options: { ...DEFAULT_RUN_OPTIONS, ...(JSON.parse(row.options) as Partial<ImportRunOptions>) } as ImportRunOptions,
    done: Number(row.done),
    total: Number(row.total),
    startedBy: row.started_by,
    createdAt: new Date(row.created_at),
    startedAt: row.started_at ? new Date(row.started_at) : null,
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
    error: row.error,
  };
}
