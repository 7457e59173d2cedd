/** What an import did, per kind of item, with the reason for everything it left out. */
export interface ImportCounts {
  imported: number;
  /** Imported by an earlier run and changed at the source since: brought up to date (`--update`). */
  updated: number;
  /** Already imported by an earlier run and unchanged (or changed, without `--update`): left as it is. */
  unchanged: number;
  skipped: number;
  failed: number;
}

export interface ImportProblem {
  kind: string;
  sourceId: string;
  /** The item's title or address, for people to find it. */
  label: string;
  reason: string;
  line?: number;
}

export interface ImportReport {
  source: string;
  dryRun: boolean;
  counts: Record<string, ImportCounts>;
  skipped: ImportProblem[];
  failed: ImportProblem[];
  /** Changes made to fit Dateline (a dropped element, a cut headline), per story. */
  warnings: ImportProblem[];
  startedAt: string;
  finishedAt: string;
  /** Where the time went: reading the references (first pass), writing the stories (second), rebuilding the computed state. */
  timings: { scanMs: number; writeMs: number; rebuildMs: number };
}

/** Reasons kept in the report; past this many of one list only the counts go on growing. */
const MAX_LISTED = 10_000;

export class ImportReportBuilder {
  private readonly report: ImportReport;

  constructor(source: string, dryRun: boolean, now: Date) {
    this.report = {
      source,
      dryRun,
      counts: {},
      skipped: [],
      failed: [],
      warnings: [],
      startedAt: now.toISOString(),
      finishedAt: '',
      timings: { scanMs: 0, writeMs: 0, rebuildMs: 0 },
    };
  }

  private countsOf(kind: string): ImportCounts {
    this.report.counts[kind] ??= { imported: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
    return this.report.counts[kind];
  }

  imported(kind: string, count = 1): void {
    this.countsOf(kind).imported += count;
  }

  updated(kind: string): void {
    this.countsOf(kind).updated += 1;
  }

  unchanged(kind: string): void {
    this.countsOf(kind).unchanged += 1;
  }

  skipped(problem: ImportProblem): void {
    this.countsOf(problem.kind).skipped += 1;
    if (this.report.skipped.length < MAX_LISTED) this.report.skipped.push(problem);
  }

  failed(problem: ImportProblem): void {
    this.countsOf(problem.kind).failed += 1;
    if (this.report.failed.length < MAX_LISTED) this.report.failed.push(problem);
  }

  warned(problem: ImportProblem): void {
    if (this.report.warnings.length < MAX_LISTED) this.report.warnings.push(problem);
  }

  timed(phase: keyof ImportReport['timings'], ms: number): void {
    this.report.timings[phase] = Math.round(ms);
  }

  finish(now: Date): ImportReport {
    return { ...this.report, finishedAt: now.toISOString() };
  }
}

/** The report as a few lines for a terminal; the whole of it goes to the JSON file. */
export function summariseReport(report: ImportReport): string {
  const lines = Object.entries(report.counts).map(
    ([kind, counts]) =>
      `${kind.padEnd(9)} imported ${counts.imported}, updated ${counts.updated}, unchanged ${counts.unchanged}, skipped ${counts.skipped}, failed ${counts.failed}`,
  );
  const firstFailures = report.failed
    .slice(0, 10)
    .map((problem) => `  failed ${problem.kind} ${problem.sourceId} (${problem.label}): ${problem.reason}`);
  const written = Object.values(report.counts).length > 0 ? (report.counts.post?.imported ?? 0) + (report.counts.page?.imported ?? 0) : 0;
  const { scanMs, writeMs, rebuildMs } = report.timings;
  const rate = writeMs > 0 ? ` (${Math.round((written / writeMs) * 1000).toLocaleString('en-US')} stories/s)` : '';
  const timing = `Read the references in ${(scanMs / 1000).toFixed(1)} s, wrote the stories in ${(writeMs / 1000).toFixed(1)} s${rate}, rebuilt search, lists and sitemaps in ${(rebuildMs / 1000).toFixed(1)} s.`;
  return [report.dryRun ? 'Dry run: nothing was written.' : '', ...lines, ...firstFailures, `${report.warnings.length} warnings.`, timing]
    .filter(Boolean)
    .join('\n');
}
