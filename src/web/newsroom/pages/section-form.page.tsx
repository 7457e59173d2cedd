import type { Edition } from '../../../modules/editions/index.js';
import type { SectionFields } from '../../../modules/sections/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, FieldWrap, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { editionLabel } from '../components/edition-label.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

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
  const heading = sectionId ? `Edit section: ${fields.name}` : 'New section';
  const descriptionError = errors.find((error) => error.field === 'description');
  return (
    <NewsroomLayout site={site} title={errors.length > 0 ? `Error: ${heading}` : heading} viewer={viewer} current={newsroomPaths.sections()}>
      <div class="newsroom-form-page">
        <p>
          <a href={newsroomPaths.sections()}>All sections</a>
        </p>
        <h1>{heading}</h1>
        <Notice text={saved && 'The section has been saved. Readers see the change now.'} />
        <ErrorSummary errors={errors} />
        <form method="post" action={sectionId ? newsroomPaths.section(sectionId) : newsroomPaths.sectionNew()} class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <RequiredNote />
          <TextField id="name" label="Name" type="text" autoComplete="off" value={fields.name} maxLength={80} errors={errors} />
          {editions.length > 1 && <EditionField editions={editions} value={fields.editionId} errors={errors} />}
          <TextField
            id="slug"
            label="Web address (slug)"
            type="text"
            autoComplete="off"
            value={fields.slug}
            hint="Lower-case letters, numbers and hyphens, e.g. world-news. Changing it changes the section's address."
            maxLength={120}
            errors={errors}
          />
          <div class={descriptionError ? 'field field-has-error' : 'field'}>
            <label for="description">Description (optional)</label>
            {descriptionError && (
              <p id="description-error" class="field-error">
                <span class="visually-hidden">Error: </span>
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
            <label for="in-navigation">Show in the site's section navigation</label>
          </div>
          <button type="submit">{sectionId ? 'Save section' : 'Create section'}</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}

/** The section's edition: a select, the default edition first chosen. */
function EditionField({ editions, value, errors }: { editions: readonly Edition[]; value: string; errors: readonly FieldError[] }) {
  const chosen = editions.find((edition) => edition.id === value) ?? editions.find((edition) => edition.isDefault);
  return (
    <FieldWrap
      id="edition"
      label="Edition"
      hint="Its stories are that edition’s, and its web address is unique within that edition."
      required
      errors={errors}
    >
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
