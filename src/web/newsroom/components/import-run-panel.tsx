import type { ImportRun } from '../../../modules/import-runs/index.js';
import type { ImportProblem, ImportReport } from '../../../modules/imports/index.js';
import type { Translator } from '../../../shared/i18n/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { useTranslator } from '../../shared/translator-context.js';
import { isActive, itemKindLabel, kindLabel, percentDone, progressText, statusLabel } from '../import-presenter.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { DataTable } from './data-table.js';

/** Reasons listed on the page; the rest are in the downloaded report. */
const PROBLEMS_SHOWN = 100;

function Time({ date, site, text }: { date: Date; site: SiteContext; text?: string }) {
  const translator = useTranslator();
  return <time dateTime={date.toISOString()}>{text ?? translator.dateTime(date, site.publication.timeZone)}</time>;
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
  const translator = useTranslator();
  const { t } = translator;
  const heading = t(active ? 'nr.import.heading.active' : props.latest ? 'nr.import.heading.latest' : 'nr.import.heading.other');
  const facts = { kind: kindLabel(run.kind, translator), size: fileSize(run.fileBytes) };
  return (
    <section
      aria-labelledby="import-run-heading"
      class="import-run"
      data-import-run-url={active ? newsroomPaths.importRun(run.id) : undefined}
      // newsroom-import.js writes the bar's text with this pattern.
      data-import-percent={active ? t('nr.import.percent', { percent: '{percent}' }) : undefined}
    >
      <h2 id="import-run-heading">{t('nr.import.runHeading', { heading, file: run.fileName })}</h2>
      <dl class="import-facts">
        <dt>{t('nr.import.file')}</dt>
        <dd>{run.options.dryRun ? t('nr.import.fileFactsDryRun', facts) : t('nr.import.fileFacts', facts)}</dd>
        <dt>{t('nr.import.startedBy')}</dt>
        <dd>
          {translator.rich(
            'nr.import.startedByValue',
            { time: (text) => <Time date={run.createdAt} site={site} text={text} /> },
            { name: props.startedBy, when: translator.dateTime(run.createdAt, site.publication.timeZone) },
          )}
        </dd>
        {run.finishedAt && (
          <>
            <dt>{t('nr.import.ended')}</dt>
            <dd>
              <Time date={run.finishedAt} site={site} />
            </dd>
          </>
        )}
        <dt>{t('nr.import.status')}</dt>
        <dd id="import-status" aria-live="polite">
          {statusLabel(run.status, translator)}
        </dd>
      </dl>
      <div class="import-progress">
        <label for="import-progress">{t('nr.import.progress')}</label>
        {/* Without a value the bar is indeterminate: the total is not known until the file was read once. */}
        <progress
          id="import-progress"
          max={run.total > 0 ? run.total : 1}
          value={percent === null ? undefined : run.total > 0 ? Math.min(run.done, run.total) : 1}
          aria-describedby="import-progress-text"
        >
          {percent === null ? '' : t('nr.import.percent', { percent: String(percent) })}
        </progress>
        <p id="import-progress-text">{progressText(run, translator)}</p>
      </div>
      {active && (
        <p class="import-refresh">
          {translator.rich('nr.import.refreshNote', { link: (text) => <a href={newsroomPaths.import({ run: run.id })}>{text}</a> })}
        </p>
      )}
      {run.status === 'failed' && run.error && <p class="import-failure">{run.error}</p>}
      {run.status === 'finished' && props.report && <ImportReportView run={run} report={props.report} translator={translator} />}
    </section>
  );
}

/** The report: counts per kind of item, warnings, and the first reasons for what was skipped or failed. */
function ImportReportView({ run, report, translator }: { run: ImportRun; report: ImportReport; translator: Translator }) {
  const { t, number } = translator;
  const kinds = Object.entries(report.counts);
  return (
    <>
      <h3>{t('nr.import.reportHeading')}</h3>
      {report.dryRun && <p>{t('nr.import.dryRunReport')}</p>}
      {kinds.length === 0 ? (
        <p class="empty-note">{t('nr.import.nothingToImport')}</p>
      ) : (
        <DataTable
          class="newsroom-table"
          wrap
          caption={t('nr.import.reportCaption')}
          columns={[
            t('nr.import.kind'),
            t('nr.import.imported'),
            t('nr.import.updated'),
            t('nr.import.unchanged'),
            t('nr.import.skipped'),
            t('nr.import.failed'),
          ]}
        >
          {kinds.map(([kind, counts]) => (
            <tr key={kind}>
              <th scope="row">{itemKindLabel(kind, translator)}</th>
              <td class="numeric">{number(counts.imported)}</td>
              <td class="numeric">{number(counts.updated ?? 0)}</td>
              <td class="numeric">{number(counts.unchanged)}</td>
              <td class="numeric">{number(counts.skipped)}</td>
              <td class="numeric">{number(counts.failed)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <p>
        {translator.rich(
          'nr.import.warnings',
          {
            link: (text) => (
              <a href={newsroomPaths.importReport(run.id)} download>
                {text}
              </a>
            ),
          },
          { count: report.warnings.length },
        )}
      </p>
      <Problems title={t('nr.import.skipped')} problems={report.skipped} translator={translator} />
      <Problems title={t('nr.import.failed')} problems={report.failed} translator={translator} />
    </>
  );
}

function Problems({ title, problems, translator }: { title: string; problems: readonly ImportProblem[]; translator: Translator }) {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const { t } = translator;
  return (
    <>
      <h3>{t('nr.import.problemsHeading', { title, count: problems.length })}</h3>
      {problems.length > shown.length && <p>{t('nr.import.problemsShown', { count: PROBLEMS_SHOWN })}</p>}
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
