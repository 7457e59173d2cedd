import type { ImportRun } from '../../../modules/import-runs/index.js';
import type { ImportReport } from '../../../modules/imports/index.js';
import type { Section } from '../../../modules/sections/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, FieldWrap, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { formatDateTime } from '../../shared/format.js';
import { Notice } from '../../shared/notice.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { fileSize, ImportRunPanel } from '../components/import-run-panel.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { isActive, KIND_LABELS, progressText, STATUS_LABELS } from '../import-presenter.js';
import { newsroomPaths } from '../newsroom-paths.js';

/** The form's choices, as sent back when it was refused. */
export interface ImportFormValues {
  sectionMap: string;
  unmapped: string;
  dryRun: boolean;
  fetchImages: boolean;
  defaultSection: string;
  timeZone: string;
  siteUrl: string;
  update: boolean;
}

export const DEFAULT_IMPORT_VALUES: ImportFormValues = {
  sectionMap: '',
  unmapped: 'sections',
  dryRun: false,
  fetchImages: true,
  defaultSection: '',
  timeZone: '',
  siteUrl: '',
  update: false,
};

export interface ImportPageProps {
  site: SiteContext;
  viewer: NewsroomViewer;
  /** The newest runs first. */
  runs: readonly ImportRun[];
  /** The run shown in full: the one asked for, else the newest. */
  shown?: { run: ImportRun; report: ImportReport | null };
  /** Display names of who started the runs, by user id. */
  names: ReadonlyMap<string, string>;
  maxBytes: number;
  /** The sections a story may default to, in their order. */
  sections: ReadonlyArray<Pick<Section, 'slug' | 'name'>>;
  values: ImportFormValues;
  errors?: readonly FieldError[];
  notice?: string;
}

/**
 * The Import page for admins: the current or last run (its progress, then its report), the form
 * that uploads an export (closed while a run is active: one at a time), and the earlier runs.
 */
export function ImportPage(props: ImportPageProps) {
  const { site, viewer, runs, shown, errors = [] } = props;
  const active = runs.find(isActive);
  const name = (id: string) => props.names.get(id) ?? 'a former staff member';
  return (
    <NewsroomLayout site={site} title={errors.length > 0 ? 'Error: Import' : 'Import'} viewer={viewer} current={newsroomPaths.import()}>
      <h1>Import</h1>
      <ErrorSummary errors={errors} />
      <Notice text={props.notice} />
      <p>
        Move an archive in from WordPress or Ghost: its stories, bylines, sections, tags, pictures and comments, and every old link, which then leads
        to the story’s new address. The import runs on the server in the background, one at a time. A story already imported is left as it is, so
        importing the same file again changes nothing, and resumes an import that was interrupted.
      </p>
      {shown && (
        <ImportRunPanel
          site={site}
          run={shown.run}
          report={shown.report}
          startedBy={name(shown.run.startedBy)}
          latest={shown.run.id === runs[0]?.id}
        />
      )}
      {active ? <p class="empty-note">A new import can start once this one has ended.</p> : <ImportForm {...props} errors={errors} />}
      {runs.length > 0 && (
        <section aria-labelledby="import-runs-heading">
          <h2 id="import-runs-heading">Recent imports</h2>
          <DataTable
            class="newsroom-table"
            wrap
            caption="Recent imports, newest first"
            captionHidden
            columns={['File', 'Status', 'Progress', 'Started', 'Started by']}
          >
            {runs.map((run) => (
              <tr key={run.id}>
                <th scope="row">
                  <a href={newsroomPaths.import({ run: run.id })} aria-current={shown?.run.id === run.id ? 'true' : undefined}>
                    {run.fileName}
                  </a>{' '}
                  ({KIND_LABELS[run.kind]}
                  {run.options.dryRun ? ', dry run' : ''})
                </th>
                <td>{STATUS_LABELS[run.status]}</td>
                <td>{progressText(run)}</td>
                <td>
                  <time dateTime={run.createdAt.toISOString()}>{formatDateTime(run.createdAt, site.publication)}</time>
                </td>
                <td>{name(run.startedBy)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
      <script src={site.assetUrl('newsroom-import.js')} defer />
    </NewsroomLayout>
  );
}

/**
 * The upload form. Its token comes first and the file after it, so the server checks the token
 * before it writes a byte of the file.
 */
function ImportForm(props: ImportPageProps & { errors: readonly FieldError[] }) {
  const { viewer, values, errors } = props;
  return (
    <section aria-labelledby="import-form-heading">
      <h2 id="import-form-heading">Start an import</h2>
      <form method="post" action={newsroomPaths.import()} enctype="multipart/form-data" class="newsroom-form newsroom-form-page">
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <RequiredNote />
        <FieldWrap
          id="file"
          label="Export file"
          required
          hint={`A WordPress export (.xml, from Tools → Export → All content in WordPress) or a Ghost export (.json from Settings → Labs → Export in Ghost, or a .zip holding it with its pictures), up to ${fileSize(props.maxBytes)}.`}
          errors={errors}
        >
          {(describedBy, invalid) => (
            <input
              id="file"
              name="file"
              type="file"
              accept=".xml,.json,.zip"
              required
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </FieldWrap>
        <FieldWrap
          id="section-map"
          label="Section map (optional)"
          hint="One old=new a line: a WordPress category’s or Ghost tag’s slug or name, then the slug of a section here, such as city-hall=politics."
          errors={errors}
        >
          {(describedBy, invalid) => (
            <textarea id="section-map" name="section-map" rows={4} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
              {values.sectionMap}
            </textarea>
          )}
        </FieldWrap>
        <fieldset class="newsroom-fieldset">
          <legend>Categories (Ghost: primary tags) not in the map become</legend>
          <Choice id="unmapped-sections" name="unmapped" value="sections" checked={values.unmapped !== 'tags'} label="Sections">
            New sections, left out of the navigation until an editor adds them in Sections.
          </Choice>
          <Choice id="unmapped-tags" name="unmapped" value="tags" checked={values.unmapped === 'tags'} label="Tags">
            Tags on their stories, which then go to the first section (or a new “News”).
          </Choice>
        </fieldset>
        <FieldWrap
          id="default-section"
          label="Section for stories without one"
          hint="For stories whose categories (Ghost: tags) name no section, and those mapped to none."
          errors={errors}
        >
          {(describedBy, invalid) => (
            <select id="default-section" name="default-section" aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
              <option value="" selected={values.defaultSection === ''}>
                The first section (or a new “News”)
              </option>
              {props.sections.map((section) => (
                <option key={section.slug} value={section.slug} selected={values.defaultSection === section.slug}>
                  {section.name}
                </option>
              ))}
            </select>
          )}
        </FieldWrap>
        <TextField
          id="time-zone"
          label="Old site’s time zone (optional, WordPress)"
          type="text"
          autoComplete="off"
          required={false}
          maxLength={200}
          value={values.timeZone}
          hint={`For dates a WordPress export gives without GMT: an IANA name such as Asia/Seoul. Empty: the publication’s, ${props.site.publication.timeZone}.`}
          errors={errors}
        />
        <TextField
          id="site-url"
          label="Old site’s address (optional, Ghost)"
          type="url"
          autoComplete="url"
          required={false}
          value={values.siteUrl}
          hint="Where the Ghost site was, such as https://news.example.com (or https://example.com/blog for a site in a folder): pictures not in the zip are fetched from there, and its old links answer below its folder. Empty: the address in the export, if it names one."
          errors={errors}
        />
        <Choice
          id="fetch-images"
          name="fetch-images"
          value="yes"
          checked={values.fetchImages}
          label="Fetch pictures from the old site"
          type="checkbox"
        >
          A picture that cannot be fetched is reported missing and its figure left out; the story is imported.
        </Choice>
        <Choice id="update" name="update" value="yes" checked={values.update} label="Update stories changed since they were imported" type="checkbox">
          Without it, a story imported before is left as it is, edits here included.
        </Choice>
        <Choice id="dry-run" name="dry-run" value="yes" checked={values.dryRun} label="Dry run" type="checkbox">
          Read the whole file and report what an import would do, writing nothing.
        </Choice>
        <button type="submit">Import</button>
      </form>
    </section>
  );
}

function Choice(props: { id: string; name: string; value: string; checked: boolean; label: string; type?: 'radio' | 'checkbox'; children: string }) {
  return (
    <div class="field">
      <div class="field-checkbox">
        <input
          type={props.type ?? 'radio'}
          id={props.id}
          name={props.name}
          value={props.value}
          checked={props.checked}
          aria-describedby={`${props.id}-hint`}
        />
        <label for={props.id}>{props.label}</label>
      </div>
      <p id={`${props.id}-hint`} class="field-hint">
        {props.children}
      </p>
    </div>
  );
}
