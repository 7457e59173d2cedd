import type { Edition } from '../../../modules/editions/index.js';
import type { SectionFields } from '../../../modules/sections/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, FieldWrap, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { useTranslator } from '../../shared/translator-context.js';
import { editionLabel } from '../components/edition-label.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** Creating a section (no `sectionId`) or editing one. */
export function SectionFormPage({
  site,
  viewer,
  sectionId,
  fields,
  editions,
  errors = [],
  saved = false,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  sectionId?: string;
  fields: SectionFields;
  /** With one edition there is nothing to choose: the section is the default edition's. */
  editions: readonly Edition[];
  errors?: readonly FieldError[];
  saved?: boolean;
}) {
  const { t } = newsroomTranslator(site, viewer);
  const heading = sectionId ? t('nr.sections.editHeading', { name: fields.name }) : t('nr.sections.new');
  const descriptionError = errors.find((error) => error.field === 'description');
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title: heading }) : heading}
      viewer={viewer}
      current={newsroomPaths.sections()}
    >
      <div class="newsroom-form-page">
        <p>
          <a href={newsroomPaths.sections()}>{t('nr.sections.all')}</a>
        </p>
        <h1>{heading}</h1>
        <Notice text={saved && t('nr.sections.saved')} />
        <ErrorSummary errors={errors} />
        <form method="post" action={sectionId ? newsroomPaths.section(sectionId) : newsroomPaths.sectionNew()} class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <RequiredNote />
          <TextField id="name" label={t('nr.sections.name')} type="text" autoComplete="off" value={fields.name} maxLength={80} errors={errors} />
          {editions.length > 1 && <EditionField editions={editions} value={fields.editionId} errors={errors} />}
          <TextField
            id="slug"
            label={t('nr.sections.slug')}
            type="text"
            autoComplete="off"
            value={fields.slug}
            hint={t('nr.sections.slugHint')}
            maxLength={120}
            errors={errors}
          />
          <div class={descriptionError ? 'field field-has-error' : 'field'}>
            <label for="description">{t('nr.sections.description')}</label>
            {descriptionError && (
              <p id="description-error" class="field-error">
                <span class="visually-hidden">{t('form.errorPrefix')}</span>
                {descriptionError.message}
              </p>
            )}
            <textarea
              id="description"
              name="description"
              rows={3}
              maxLength={500}
              aria-invalid={descriptionError ? 'true' : undefined}
              aria-describedby={descriptionError ? 'description-error' : undefined}
            >
              {fields.description}
            </textarea>
          </div>
          <div class="field field-checkbox">
            <input id="in-navigation" name="in-navigation" type="checkbox" value="yes" checked={fields.inNavigation} />
            <label for="in-navigation">{t('nr.sections.inNavigation')}</label>
          </div>
          <button type="submit">{sectionId ? t('nr.sections.save') : t('nr.sections.create')}</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}

/** The section's edition: a select, the default edition first chosen. */
function EditionField({ editions, value, errors }: { editions: readonly Edition[]; value: string; errors: readonly FieldError[] }) {
  const { t } = useTranslator();
  const chosen = editions.find((edition) => edition.id === value) ?? editions.find((edition) => edition.isDefault);
  return (
    <FieldWrap id="edition" label={t('nr.sections.edition')} hint={t('nr.sections.editionHint')} required errors={errors}>
      {(describedBy, invalid) => (
        <select id="edition" name="edition" required aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy}>
          {editions.map((edition) => (
            <option key={edition.id} value={edition.id} selected={edition.id === chosen?.id}>
              {editionLabel(edition)}
            </option>
          ))}
        </select>
      )}
    </FieldWrap>
  );
}
