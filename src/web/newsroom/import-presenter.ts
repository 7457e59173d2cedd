import type { ImportKind, ImportRun, ImportRunStatus } from '../../modules/import-runs/index.js';
import { newsroomPaths } from './newsroom-paths.js';

/** What the page and its script show of a run's state, in words. */
export const STATUS_LABELS: Record<ImportRunStatus, string> = {
  queued: 'Waiting to start',
  running: 'Running',
  finished: 'Finished',
  failed: 'Failed',
};

export const KIND_LABELS: Record<ImportKind, string> = { wordpress: 'WordPress export', ghost: 'Ghost export' };

/** The importer's kinds of item, as the report's table names them; others show as they are. */
const ITEM_KINDS: Record<string, string> = {
  post: 'Posts',
  page: 'Pages',
  comment: 'Comments',
  author: 'Authors',
  category: 'Categories',
  tag: 'Tags',
  image: 'Pictures',
  reader: 'Commenters',
  file: 'The file itself',
};

export function itemKindLabel(kind: string): string {
  return ITEM_KINDS[kind] ?? kind;
}

export function isActive(run: ImportRun): boolean {
  return run.status === 'queued' || run.status === 'running';
}

/** Whole percent done, or null while the total is not known yet (the importer's first pass). */
export function percentDone(run: ImportRun): number | null {
  if (run.status === 'finished') return 100;
  if (run.total <= 0) return null;
  return Math.min(100, Math.floor((run.done * 100) / run.total));
}

/** "1,234 of 5,000 items (24 %)", or what stands for it before and after. */
export function progressText(run: ImportRun): string {
  const count = (value: number) => value.toLocaleString('en');
  const percent = percentDone(run);
  if (run.status === 'queued') return 'Waiting to start.';
  if (run.status === 'finished' && run.total === 0) return 'Done: the file held no posts or pages.';
  if (percent === null) return run.status === 'running' ? 'Reading the file through once before importing…' : 'Stopped before any item was imported.';
  const items = `${count(run.done)} of ${count(run.total)} ${run.total === 1 ? 'item' : 'items'} (${percent} %)`;
  return run.status === 'failed' ? `Stopped at ${items}.` : `${items}.`;
}

/** The JSON the page's script polls (`/newsroom/import/runs/:id.json`). */
export function runJson(run: ImportRun) {
  return {
    id: run.id,
    status: run.status,
    statusText: STATUS_LABELS[run.status],
    done: run.status === 'finished' ? run.total : run.done,
    total: run.total,
    percent: percentDone(run),
    progressText: progressText(run),
    error: run.error,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    /** Where the finished run's report is shown. */
    pageUrl: newsroomPaths.import({ run: run.id }),
  };
}
