import {
  IMPORT_FILE_MAX_BYTES,
  IMPORT_MAX_BYTES,
  type GrowthDay,
  type ImportReport,
  type NewsletterInfo,
  type Subscriber,
} from '../../../modules/newsletters/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, FieldWrap, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { PostButton } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

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

const NOTICES: Record<string, string> = {
  unsubscribed: 'The address was unsubscribed from every newsletter.',
  deleted: 'The address was deleted: nothing personal about it is kept.',
};

/** New subscriptions and unsubscribes per day as bars: an image for a glance, the table below it for the figures. */
function GrowthChart({ growth }: { growth: readonly GrowthDay[] }) {
  const max = Math.max(1, ...growth.map((day) => Math.max(day.subscribed, day.unsubscribed)));
  const width = 600;
  const height = 120;
  const slot = width / Math.max(1, growth.length);
  const bar = Math.max(1, slot / 2 - 1);
  return (
    <svg class="subscriber-growth" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="growth-title growth-desc">
      <title id="growth-title">Subscriptions and unsubscribes per day</title>
      <desc id="growth-desc">Blue bars: new subscriptions; grey bars: unsubscribes. The table below gives each day’s figures.</desc>
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
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? 'Error: Subscribers' : 'Subscribers'}
      viewer={viewer}
      current={newsroomPaths.subscribers()}
    >
      <h1>Subscribers</h1>
      <ErrorSummary errors={errors} />
      <Notice text={props.done && NOTICES[props.done]} />

      <h2 id="counts">Subscribers per newsletter</h2>
      <DataTable class="subscriber-counts" columns={['Newsletter', 'Subscribed addresses']}>
        {counts.map((row) => (
          <tr key={row.key}>
            <td>{row.name}</td>
            <td>{row.subscribed.toLocaleString(site.publication.language)}</td>
          </tr>
        ))}
      </DataTable>

      <h2 id="growth">Growth over the last {growth.length} days</h2>
      <GrowthChart growth={growth} />
      <details>
        <summary>The figures per day</summary>
        <DataTable
          class="subscriber-growth-table"
          caption="Subscriptions and unsubscribes per day (UTC)"
          columns={['Day', 'Subscribed', 'Unsubscribed']}
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

      <h2 id="search">Find an address</h2>
      <form method="get" action={newsroomPaths.subscribers()} class="newsroom-form" role="search">
        <label for="subscriber-q">Address starts with</label>
        <input id="subscriber-q" type="search" name="q" value={query} maxLength={254} />
        <button type="submit">Search</button>
      </form>
      {query !== '' && results.length === 0 && <p>No address starts with that.</p>}
      {results.length > 0 && (
        <DataTable
          class="subscriber-results"
          caption={`Addresses starting with “${query}” (at most 50)`}
          columns={['Address', 'Confirmed', 'Actions']}
          wrap
        >
          {results
            .filter((subscriber) => subscriber.email !== null)
            .map((subscriber) => (
              <tr key={subscriber.id}>
                <td>{subscriber.email}</td>
                <td>{subscriber.confirmedAt ? subscriber.confirmedAt.toISOString().slice(0, 10) : 'Not yet'}</td>
                <td>
                  <PostButton
                    action={newsroomPaths.subscriberUnsubscribe(subscriber.id)}
                    csrfToken={csrf}
                    label="Unsubscribe"
                    context={` ${subscriber.email ?? ''}`}
                  />
                  <PostButton
                    action={newsroomPaths.subscriberErase(subscriber.id)}
                    csrfToken={csrf}
                    label="Delete"
                    context={` ${subscriber.email ?? ''}`}
                  />
                </td>
              </tr>
            ))}
        </DataTable>
      )}

      <h2 id="export">Export</h2>
      <p>
        <a href={newsroomPaths.subscribersExport()}>Download every address as CSV</a> (address, newsletters, consent date).
      </p>

      <h2 id="import">Import</h2>
      {report && (
        <div role="status">
          <p>
            Imported {report.imported} {report.imported === 1 ? 'address' : 'addresses'}
            {report.awaitingConfirmation > 0 ? `; ${report.awaitingConfirmation} without a consent date were sent a confirmation link` : ''}.
            {report.problems.length > 0 ? ` ${report.problems.length} rows were not imported:` : ''}
          </p>
          {report.problems.length > 0 && (
            <DataTable class="subscriber-import-problems" caption="Rows not imported" columns={['Line', 'Reason']} wrap>
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
      <ImportForm csrf={csrf} keys={counts.map((row) => row.key)} errors={errors} pasted={props.pasted ?? ''} />
    </NewsroomLayout>
  );
}

/** Whole megabytes, as the limits are set (1,000,000 bytes a megabyte). */
const megabytes = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

/**
 * The import form: a CSV file, or rows pasted instead. Its token comes first and the file after
 * it, so the server checks the token before it reads the file (subscriber-import-upload.ts).
 */
function ImportForm(props: { csrf: string; keys: readonly string[]; errors: readonly FieldError[]; pasted: string }) {
  const { errors } = props;
  // Both fields are described by the columns, as well as by their own hint and error.
  const described = (own: string | undefined) => [own, 'subscriber-import-columns'].filter(Boolean).join(' ');
  return (
    <form method="post" action={newsroomPaths.subscribersImport()} enctype="multipart/form-data" class="newsroom-form newsroom-form-page">
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      <p class="field-hint" id="subscriber-import-columns">
        Three columns: address, newsletters (keys separated by spaces: {props.keys.join(', ')}) and consent date. A first row starting with “address”
        is skipped. Only rows with a consent date (such as 2026-05-31) count as confirmed; the others are sent a confirmation link.
      </p>
      <FieldWrap
        id="subscriber-file"
        label="CSV file"
        hint={`A .csv file, saved from a spreadsheet as “CSV UTF-8”, up to ${megabytes(IMPORT_FILE_MAX_BYTES)} (about 100,000 addresses).`}
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
        label="CSV rows, pasted instead of a file"
        hint={`Up to ${megabytes(IMPORT_MAX_BYTES)} (about 20,000 addresses). Leave empty when you upload a file.`}
        errors={errors}
      >
        {(describedBy, invalid) => (
          <textarea id="subscriber-csv" name="csv" rows={8} aria-describedby={described(describedBy)} aria-invalid={invalid ? 'true' : undefined}>
            {props.pasted}
          </textarea>
        )}
      </FieldWrap>
      <button type="submit">Import</button>
    </form>
  );
}
