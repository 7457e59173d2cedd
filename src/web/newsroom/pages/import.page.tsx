import type { ImportRun } from '../../../modules/import-runs/index.js';
import type { ImportReport } from '../../../modules/imports/index.js';
import type { Section } from '../../../modules/sections/index.js';
import type { Translator } from '../../../shared/i18n/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, FieldWrap, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { fileSize, ImportRunPanel } from '../components/import-run-panel.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { isActive, kindLabel, progressText, statusLabel } from '../import-presenter.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

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
  const translator = newsroomTranslator(site, viewer);
  const { t } = translator;
  const name = (id: string) => props.names.get(id) ?? t('nr.import.formerStaff');
  const title = t('nr.nav.import');
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={viewer}
      current={newsroomPaths.import()}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <Notice text={props.notice} />
      <p>{t('nr.import.intro')}</p>
      {shown && (
        <ImportRunPanel
          site={site}
          run={shown.run}
          report={shown.report}
          startedBy={name(shown.run.startedBy)}
          latest={shown.run.id === runs[0]?.id}
        />
      )}
      {active ? <p class="empty-note">{t('nr.import.waitForRun')}</p> : <ImportForm {...props} errors={errors} translator={translator} />}
      {runs.length > 0 && (
        <section aria-labelledby="import-runs-heading">
          <h2 id="import-runs-heading">{t('nr.import.recentHeading')}</h2>
          <DataTable
            class="newsroom-table"
            wrap
            caption={t('nr.import.recentCaption')}
            captionHidden
            columns={[t('nr.import.file'), t('nr.import.status'), t('nr.import.progressColumn'), t('nr.import.started'), t('nr.import.startedBy')]}
          >
            {runs.map((run) => (
              <tr key={run.id}>
                <th scope="row">
                  <a href={newsroomPaths.import({ run: run.id })} aria-current={shown?.run.id === run.id ? 'true' : undefined}>
                    {run.fileName}
                  </a>{' '}
                  {t(run.options.dryRun ? 'nr.import.runKindDryRun' : 'nr.import.runKind', { kind: kindLabel(run.kind, translator) })}
                </th>
                <td>{statusLabel(run.status, translator)}</td>
                <td>{progressText(run, translator)}</td>
                <td>
                  <time dateTime={run.createdAt.toISOString()}>{translator.dateTime(run.createdAt, site.publication.timeZone)}</time>
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
function ImportForm(props: ImportPageProps & { errors: readonly FieldError[]; translator: Translator }) {
  const { viewer, values, errors } = props;
  const { t } = props.translator;
  return (
    <section aria-labelledby="import-form-heading">
      <h2 id="import-form-heading">{t('nr.import.formHeading')}</h2>
      <form method="post" action={newsroomPaths.import()} enctype="multipart/form-data" class="newsroom-form newsroom-form-page">
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <RequiredNote />
        <FieldWrap
          id="file"
          label={t('nr.import.fileLabel')}
          required
          hint={t('nr.import.fileHint', { size: fileSize(props.maxBytes) })}
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
        <FieldWrap id="section-map" label={t('nr.import.sectionMapLabel')} hint={t('nr.import.sectionMapHint')} errors={errors}>
          {(describedBy, invalid) => (
            <textarea id="section-map" name="section-map" rows={4} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
              {values.sectionMap}
            </textarea>
          )}
        </FieldWrap>
        <fieldset class="newsroom-fieldset">
          <legend>{t('nr.import.unmappedLegend')}</legend>
          <Choice
            id="unmapped-sections"
            name="unmapped"
            value="sections"
            checked={values.unmapped !== 'tags'}
            label={t('nr.import.unmappedSections')}
          >
            {t('nr.import.unmappedSectionsHint')}
          </Choice>
          <Choice id="unmapped-tags" name="unmapped" value="tags" checked={values.unmapped === 'tags'} label={t('nr.import.unmappedTags')}>
            {t('nr.import.unmappedTagsHint')}
          </Choice>
        </fieldset>
        <FieldWrap id="default-section" label={t('nr.import.defaultSectionLabel')} hint={t('nr.import.defaultSectionHint')} errors={errors}>
          {(describedBy, invalid) => (
            <select id="default-section" name="default-section" aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
              <option value="" selected={values.defaultSection === ''}>
                {t('nr.import.firstSection')}
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
          label={t('nr.import.timeZoneLabel')}
          type="text"
          autoComplete="off"
          required={false}
          maxLength={200}
          value={values.timeZone}
          hint={t('nr.import.timeZoneHint', { timeZone: props.site.publication.timeZone })}
          errors={errors}
        />
        <TextField
          id="site-url"
          label={t('nr.import.siteUrlLabel')}
          type="url"
          autoComplete="url"
          required={false}
          value={values.siteUrl}
          hint={t('nr.import.siteUrlHint')}
          errors={errors}
        />
        <Choice
          id="fetch-images"
          name="fetch-images"
          value="yes"
          checked={values.fetchImages}
          label={t('nr.import.fetchImagesLabel')}
          type="checkbox"
        >
          {t('nr.import.fetchImagesHint')}
        </Choice>
        <Choice id="update" name="update" value="yes" checked={values.update} label={t('nr.import.updateLabel')} type="checkbox">
          {t('nr.import.updateHint')}
        </Choice>
        <Choice id="dry-run" name="dry-run" value="yes" checked={values.dryRun} label={t('nr.import.dryRunLabel')} type="checkbox">
          {t('nr.import.dryRunHint')}
        </Choice>
        <button type="submit">{t('nr.import.submit')}</button>
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
