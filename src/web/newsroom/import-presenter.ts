import type { ImportKind, ImportRun, ImportRunStatus } from '../../modules/import-runs/index.js';
import { translatorFor, type Translator } from '../../shared/i18n/index.js';
import { newsroomPaths } from './newsroom-paths.js';

/** What the page and its script show of a run's state, in words. */
export function statusLabel(status: ImportRunStatus, { t }: Translator): string {
  return t(`nr.import.status.${status}`);
}

export function kindLabel(kind: ImportKind, { t }: Translator): string {
  return t(`nr.import.kind.${kind}`);
}

/** The importer's kinds of item that the report's table names; others show as they are. */
const ITEM_KINDS = ['post', 'page', 'comment', 'author', 'category', 'tag', 'image', 'reader', 'file', 'section'] as const;

function isNamedItemKind(kind: string): kind is (typeof ITEM_KINDS)[number] {
  return (ITEM_KINDS as readonly string[]).includes(kind);
}

export function itemKindLabel(kind: string, { t }: Translator): string {
  return isNamedItemKind(kind) ? t(`nr.import.item.${kind}`) : kind;
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

/** "1,234 of 5,000 items (24 %).", or what stands for it before and after. */
export function progressText(run: ImportRun, { t }: Translator): string {
  const percent = percentDone(run);
  if (run.status === 'queued') return t('nr.import.progress.waiting');
  if (run.status === 'finished' && run.total === 0) return t('nr.import.progress.empty');
  if (percent === null) return run.status === 'running' ? t('nr.import.progress.reading') : t('nr.import.progress.stoppedBefore');
  const counts = { done: run.done, count: run.total, percent: String(percent) };
  return run.status === 'failed' ? t('nr.import.progress.stoppedAt', counts) : t('nr.import.progress.items', counts);
}

/** The JSON the page's script polls (`/newsroom/import/runs/:id.json`), its texts in the viewer's language. */
export function runJson(run: ImportRun, translator: Translator = translatorFor('en')) {
  return {
    id: run.id,
    status: run.status,
    statusText: statusLabel(run.status, translator),
    done: run.status === 'finished' ? run.total : run.done,
    total: run.total,
    percent: percentDone(run),
    progressText: progressText(run, translator),
    error: run.error,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    /** Where the finished run's report is shown. */
    pageUrl: newsroomPaths.import({ run: run.id }),
  };
}
