import {
  IMPORT_FILE_MAX_BYTES,
  IMPORT_MAX_BYTES,
  type GrowthDay,
  type ImportReport,
  type NewsletterInfo,
  type Subscriber,
} from '../../../modules/newsletters/index.js';
import type { Translator } from '../../../shared/i18n/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, FieldWrap, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { PostButton } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

export interface SubscribersPageProps {
  site: SiteContext;
  viewer: NewsroomViewer;
  counts: ReadonlyArray<NewsletterInfo & { subscribed: number }>;
  growth: readonly GrowthDay[];
  query: string;
  results: readonly Subscriber[];
  report?: ImportReport;
  done?: string;
  /** An import refused: the problem, and the rows pasted, shown again. */
  errors?: readonly FieldError[];
  pasted?: string;
}

/** The notices after a redirect (`?done=`); anything else shows none. */
function noticeOf(done: string | undefined, { t }: Translator): string | undefined {
  if (done === 'unsubscribed') return t('nr.subscribers.notice.unsubscribed');
  if (done === 'deleted') return t('nr.subscribers.notice.deleted');
  return undefined;
}

/** The import's outcome in a sentence or two. */
function reportText(report: ImportReport, { t }: Translator): string {
  const count = report.imported;
  const imported =
    report.awaitingConfirmation > 0
      ? t('nr.subscribers.importedAwaiting', { count, awaiting: report.awaitingConfirmation })
      : t('nr.subscribers.imported', { count });
  return report.problems.length > 0 ? `${imported} ${t('nr.subscribers.rowsNotImported', { count: report.problems.length })}` : imported;
}

/** New subscriptions and unsubscribes per day as bars: an image for a glance, the table below it for the figures. */
function GrowthChart({ growth, translator }: { growth: readonly GrowthDay[]; translator: Translator }) {
  const max = Math.max(1, ...growth.map((day) => Math.max(day.subscribed, day.unsubscribed)));
  const width = 600;
  const height = 120;
  const slot = width / Math.max(1, growth.length);
  const bar = Math.max(1, slot / 2 - 1);
  return (
    <svg class="subscriber-growth" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="growth-title growth-desc">
      <title id="growth-title">{translator.t('nr.subscribers.chartTitle')}</title>
      <desc id="growth-desc">{translator.t('nr.subscribers.chartDescription')}</desc>
      {growth.map((day, i) => {
        const s = (day.subscribed / max) * (height - 4);
        const u = (day.unsubscribed / max) * (height - 4);
        return (
          <g key={day.day}>
            <rect x={i * slot} y={height - s} width={bar} height={s} fill="#0b57d0" />
            <rect x={i * slot + bar + 1} y={height - u} width={bar} height={u} fill="#6b6b6b" />
          </g>
        );
      })}
    </svg>
  );
}

/** The newsroom's Subscribers page: counts, growth, search, export and import, per-address actions. */
export function SubscribersPage(props: SubscribersPageProps) {
  const { site, viewer, counts, growth, query, results, report, errors = [] } = props;
  const csrf = viewer.csrfToken;
  const translator = newsroomTranslator(site, viewer);
  const { t } = translator;
  const title = t('nr.nav.subscribers');
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={viewer}
      current={newsroomPaths.subscribers()}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <Notice text={noticeOf(props.done, translator)} />

      <h2 id="counts">{t('nr.subscribers.countsHeading')}</h2>
      <DataTable class="subscriber-counts" columns={[t('nr.subscribers.newsletter'), t('nr.subscribers.subscribedAddresses')]}>
        {counts.map((row) => (
          <tr key={row.key}>
            <td>{row.name}</td>
            <td>{translator.number(row.subscribed)}</td>
          </tr>
        ))}
      </DataTable>

      <h2 id="growth">{t('nr.subscribers.growthHeading', { days: growth.length })}</h2>
      <GrowthChart growth={growth} translator={translator} />
      <details>
        <summary>{t('nr.subscribers.figuresSummary')}</summary>
        <DataTable
          class="subscriber-growth-table"
          caption={t('nr.subscribers.growthCaption')}
          columns={[t('nr.subscribers.day'), t('nr.subscribers.subscribed'), t('nr.subscribers.unsubscribed')]}
          wrap
        >
          {growth.map((day) => (
            <tr key={day.day}>
              <td>{day.day}</td>
              <td>{day.subscribed}</td>
              <td>{day.unsubscribed}</td>
            </tr>
          ))}
        </DataTable>
      </details>

      <h2 id="search">{t('nr.subscribers.searchHeading')}</h2>
      <form method="get" action={newsroomPaths.subscribers()} class="newsroom-form" role="search">
        <label for="subscriber-q">{t('nr.subscribers.searchLabel')}</label>
        <input id="subscriber-q" type="search" name="q" value={query} maxLength={254} />
        <button type="submit">{t('nr.subscribers.search')}</button>
      </form>
      {query !== '' && results.length === 0 && <p>{t('nr.subscribers.noResults')}</p>}
      {results.length > 0 && (
        <DataTable
          class="subscriber-results"
          caption={t('nr.subscribers.resultsCaption', { query })}
          columns={[t('nr.subscribers.address'), t('nr.subscribers.confirmed'), t('nr.subscribers.actions')]}
          wrap
        >
          {results
            .filter((subscriber) => subscriber.email !== null)
            .map((subscriber) => (
              <tr key={subscriber.id}>
                <td>{subscriber.email}</td>
                <td>{subscriber.confirmedAt ? subscriber.confirmedAt.toISOString().slice(0, 10) : t('nr.subscribers.notYet')}</td>
                <td>
                  <PostButton
                    action={newsroomPaths.subscriberUnsubscribe(subscriber.id)}
                    csrfToken={csrf}
                    label={t('nr.subscribers.unsubscribe')}
                    context={` ${subscriber.email ?? ''}`}
                  />
                  <PostButton
                    action={newsroomPaths.subscriberErase(subscriber.id)}
                    csrfToken={csrf}
                    label={t('nr.subscribers.delete')}
                    context={` ${subscriber.email ?? ''}`}
                  />
                </td>
              </tr>
            ))}
        </DataTable>
      )}

      <h2 id="export">{t('nr.subscribers.exportHeading')}</h2>
      <p>{translator.rich('nr.subscribers.export', { link: (text) => <a href={newsroomPaths.subscribersExport()}>{text}</a> })}</p>

      <h2 id="import">{t('nr.subscribers.importHeading')}</h2>
      {report && (
        <div role="status">
          <p>{reportText(report, translator)}</p>
          {report.problems.length > 0 && (
            <DataTable
              class="subscriber-import-problems"
              caption={t('nr.subscribers.problemsCaption')}
              columns={[t('nr.subscribers.line'), t('nr.subscribers.reason')]}
              wrap
            >
              {report.problems.map((problem) => (
                <tr key={problem.line}>
                  <td>{problem.line}</td>
                  <td>{problem.reason}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </div>
      )}
      <ImportForm csrf={csrf} keys={counts.map((row) => row.key)} errors={errors} pasted={props.pasted ?? ''} translator={translator} />
    </NewsroomLayout>
  );
}

/** Whole megabytes, as the limits are set (1,000,000 bytes a megabyte). */
const megabytes = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

/**
 * The import form: a CSV file, or rows pasted instead. Its token comes first and the file after
 * it, so the server checks the token before it reads the file (subscriber-import-upload.ts).
 */
function ImportForm(props: { csrf: string; keys: readonly string[]; errors: readonly FieldError[]; pasted: string; translator: Translator }) {
  const { errors } = props;
  const { t } = props.translator;
  // Both fields are described by the columns, as well as by their own hint and error.
  const described = (own: string | undefined) => [own, 'subscriber-import-columns'].filter(Boolean).join(' ');
  return (
    <form method="post" action={newsroomPaths.subscribersImport()} enctype="multipart/form-data" class="newsroom-form newsroom-form-page">
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      <p class="field-hint" id="subscriber-import-columns">
        {t('nr.subscribers.importColumns', { keys: props.keys.join(', ') })}
      </p>
      <FieldWrap
        id="subscriber-file"
        label={t('nr.subscribers.fileLabel')}
        hint={t('nr.subscribers.fileHint', { size: megabytes(IMPORT_FILE_MAX_BYTES) })}
        errors={errors}
      >
        {(describedBy, invalid) => (
          <input
            id="subscriber-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={described(describedBy)}
            aria-invalid={invalid ? 'true' : undefined}
          />
        )}
      </FieldWrap>
      <FieldWrap
        id="subscriber-csv"
        label={t('nr.subscribers.pasteLabel')}
        hint={t('nr.subscribers.pasteHint', { size: megabytes(IMPORT_MAX_BYTES) })}
        errors={errors}
      >
        {(describedBy, invalid) => (
          <textarea id="subscriber-csv" name="csv" rows={8} aria-describedby={described(describedBy)} aria-invalid={invalid ? 'true' : undefined}>
            {props.pasted}
          </textarea>
        )}
      </FieldWrap>
      <button type="submit">{t('nr.subscribers.import')}</button>
    </form>
  );
}
