import { inTransaction } from '../../db/database.js';
import type { ImageSourceOptions } from './image-source.js';
import { collectGarbageWhenLarge } from './import-heap.js';
import type { ImportReport, ImportReportBuilder } from './import-report.js';
import type { ImportDeps, ImportTargets } from './import.types.js';
import type { StoryItem, StoryWriter } from './story-writer.js';
import type { UnmappedCategories } from './wordpress-taxonomy.js';

/**
 * Stories a transaction: a commit rewrites every index page the batch touched into SQLite's log
 * (12 % of the import's time at 100 a batch, 2026-12-03), and a batch held in memory stays small
 * (about 10 MB).
 */
const STORIES_PER_BATCH = 250;

/** The options every importer takes, whatever its source (the CLI's and the Import page's shared ones). */
export interface CommonImportOptions {
  targets: ImportTargets;
  images?: ImageSourceOptions;
  dryRun?: boolean;
  /** Bring posts and pages imported by an earlier run and changed at the source since up to date (`--update`). */
  update?: boolean;
  /** Category or tag slug (or lower-cased name) → an existing Dateline section's slug. */
  sectionMap?: ReadonlyMap<string, string>;
  unmapped?: UnmappedCategories;
  defaultSection?: string | null;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Hands an importer's planned stories to the writer a batch at a time, and counts them for the
 * progress bar (items that failed before planning count as done too). Between batches V8 is asked
 * to collect once its heap is large (import-heap.ts), which keeps a long import's memory flat.
 */
export class StoryBatches {
  private batch: StoryItem[] = [];
  private done = 0;

  constructor(
    private readonly writer: StoryWriter,
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    onProgress?.(0, total);
  }

  async add(item: StoryItem): Promise<void> {
    this.batch.push(item);
    if (this.batch.length >= STORIES_PER_BATCH) await this.flush();
  }

  /** An item that failed before it could be planned: done, with nothing to write. */
  skipped(): void {
    this.done += 1;
  }

  async flush(): Promise<void> {
    await this.writer.writeBatch(this.batch);
    this.done += this.batch.length;
    this.batch = [];
    this.onProgress?.(this.done, this.total);
    collectGarbageWhenLarge();
  }
}

/**
 * After the last batch: the site-wide redirects (feeds, sections, tags, authors) in one
 * transaction, fresh planner statistics, and `content.imported`, which rebuilds the computed state
 * (search, lists, sitemaps, related stories) once; then the report with its timings.
 */
export async function finishImport(
  deps: ImportDeps,
  run: { writer: StoryWriter; report: ImportReportBuilder; dryRun: boolean; redirects: () => Promise<Array<{ path: string; target: string }>> },
  timings: { started: number; scanned: number },
): Promise<ImportReport> {
  const written = performance.now();
  if (!run.dryRun) {
    const redirects = await run.redirects();
    await inTransaction(deps.db, (trx) => run.writer.keepRedirects(trx, redirects));
    await deps.database.refreshStatistics();
    await deps.events.emit({ name: 'content.imported' });
  }
  run.report.timed('scanMs', timings.scanned - timings.started);
  run.report.timed('writeMs', written - timings.scanned);
  run.report.timed('rebuildMs', performance.now() - written);
  return run.report.finish(deps.clock.now());
}
