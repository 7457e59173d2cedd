import type { ImportRun } from '../../../modules/import-runs/index.js';
import type { ImportProblem, ImportReport } from '../../../modules/imports/index.js';
import { formatDateTime } from '../../shared/format.js';
import type { SiteContext } from '../../shared/site-context.js';
import { isActive, itemKindLabel, KIND_LABELS, percentDone, progressText, STATUS_LABELS } from '../import-presenter.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { DataTable } from './data-table.js';

/** Reasons listed on the page; the rest are in the downloaded report. */
const PROBLEMS_SHOWN = 100;

function Time({ date, site }: { date: Date; site: SiteContext }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date, site.publication)}</time>;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/**
 * One run: what was uploaded, by whom and when, a progress bar with its text beside it (updated by
 * newsroom-import.js while the run is active, or by the Refresh link without JavaScript), and once
 * it ended the reason it failed or its report.
 */
export function ImportRunPanel(props: { site: SiteContext; run: ImportRun; report: ImportReport | null; startedBy: string; latest: boolean }) {
  const { site, run } = props;
  const active = isActive(run);
  const percent = percentDone(run);
  const heading = active ? 'Import in progress' : props.latest ? 'Last import' : 'Import';
  return (
    <section aria-labelledby="import-run-heading" class="import-run" data-import-run-url={active ? newsroomPaths.importRun(run.id) : undefined}>
      <h2 id="import-run-heading">
        {heading}: {run.fileName}
      </h2>
      <dl class="import-facts">
        <dt>File</dt>
        <dd>
          {KIND_LABELS[run.kind]}, {fileSize(run.fileBytes)}
          {run.options.dryRun ? ' (dry run: nothing is written)' : ''}
        </dd>
        <dt>Started by</dt>
        <dd>
          {props.startedBy}, <Time date={run.createdAt} site={site} />
        </dd>
        {run.finishedAt && (
          <>
            <dt>Ended</dt>
            <dd>
              <Time date={run.finishedAt} site={site} />
            </dd>
          </>
        )}
        <dt>Status</dt>
        <dd id="import-status" aria-live="polite">
          {STATUS_LABELS[run.status]}
        </dd>
      </dl>
      <div class="import-progress">
        <label for="import-progress">Progress</label>
        {/* Without a value the bar is indeterminate: the total is not known until the file was read once. */}
        <progress
          id="import-progress"
          max={run.total > 0 ? run.total : 1}
          value={percent === null ? undefined : run.total > 0 ? Math.min(run.done, run.total) : 1}
          aria-describedby="import-progress-text"
        >
          {percent === null ? '' : `${percent} %`}
        </progress>
        <p id="import-progress-text">{progressText(run)}</p>
      </div>
      {active && (
        <p class="import-refresh">
          The import runs on the server: you may leave this page and come back. <a href={newsroomPaths.import({ run: run.id })}>Refresh</a> to see how
          far it has got.
        </p>
      )}
      {run.status === 'failed' && run.error && <p class="import-failure">{run.error}</p>}
      {run.status === 'finished' && props.report && <ImportReportView run={run} report={props.report} />}
    </section>
  );
}

/** The report: counts per kind of item, warnings, and the first reasons for what was skipped or failed. */
function ImportReportView({ run, report }: { run: ImportRun; report: ImportReport }) {
  const kinds = Object.entries(report.counts);
  return (
    <>
      <h3>Report</h3>
      {report.dryRun && <p>Dry run: nothing was written. This is what an import of this file would do.</p>}
      {kinds.length === 0 ? (
        <p class="empty-note">The file held nothing to import.</p>
      ) : (
        <DataTable
          class="newsroom-table"
          wrap
          caption="What the import did, per kind of item"
          columns={['Kind', 'Imported', 'Updated', 'Unchanged', 'Skipped', 'Failed']}
        >
          {kinds.map(([kind, counts]) => (
            <tr key={kind}>
              <th scope="row">{itemKindLabel(kind)}</th>
              <td class="numeric">{counts.imported.toLocaleString('en')}</td>
              <td class="numeric">{(counts.updated ?? 0).toLocaleString('en')}</td>
              <td class="numeric">{counts.unchanged.toLocaleString('en')}</td>
              <td class="numeric">{counts.skipped.toLocaleString('en')}</td>
              <td class="numeric">{counts.failed.toLocaleString('en')}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <p>
        {report.warnings.length === 1 ? '1 warning' : `${report.warnings.length.toLocaleString('en')} warnings`}: changes made to fit Dateline (an
        element dropped, a headline cut, alt text to check), each listed in the whole report.{' '}
        <a href={newsroomPaths.importReport(run.id)} download>
          Download the whole report (JSON)
        </a>
      </p>
      <Problems title="Skipped" problems={report.skipped} />
      <Problems title="Failed" problems={report.failed} />
    </>
  );
}

function Problems({ title, problems }: { title: string; problems: readonly ImportProblem[] }) {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  return (
    <>
      <h3>
        {title} ({problems.length.toLocaleString('en')})
      </h3>
      {problems.length > shown.length && <p>The first {PROBLEMS_SHOWN}; the whole report has every one.</p>}
      <ul class="import-problems">
        {shown.map((problem, index) => (
          <li key={index}>
            <strong>{problem.kind}</strong>
            {problem.sourceId ? ` ${problem.sourceId}` : ''}
            {problem.label ? ` (${problem.label})` : ''}: {problem.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
