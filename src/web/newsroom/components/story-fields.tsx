import type { Author } from '../../../modules/authors/index.js';
import { TYPE_LABELS } from '../../../modules/articles/index.js';
import type { Edition } from '../../../modules/editions/index.js';
import type { MediaAsset } from '../../../modules/media/index.js';
import type { Section } from '../../../modules/sections/index.js';
import type { Series } from '../../../modules/series/index.js';
import { paths } from '../../shared/paths.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { editionLabel } from './edition-label.js';
import { COMMENTS_SWITCH_FIELD, type StoryFormValues } from '../story-form.js';
import { FieldWrap, RequiredNote, type FieldError } from '../../shared/form-fields.js';

/** What the story form offers to choose from. */
export interface StoryChoices {
  /** With more than one, the story's edition is chosen, and only its sections are offered. */
  editions: readonly Edition[];
  sections: readonly Section[];
  authors: readonly Author[];
  series: readonly Series[];
  media: readonly MediaAsset[];
}

function Text(props: {
  id: keyof StoryFormValues;
  label: string;
  values: StoryFormValues;
  errors: readonly FieldError[];
  hint?: string;
  type?: 'text' | 'datetime-local' | 'number';
  maxLength?: number;
  required?: boolean;
}) {
  const value = props.values[props.id];
  return (
    <FieldWrap id={props.id} label={props.label} hint={props.hint} required={props.required} errors={props.errors}>
      {(describedBy, invalid) => (
        <input
          id={props.id}
          name={props.id}
          type={props.type ?? 'text'}
          value={typeof value === 'string' ? value : ''}
          maxLength={props.maxLength}
          required={props.required}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldWrap>
  );
}

function Select(props: {
  id: keyof StoryFormValues;
  label: string;
  values: StoryFormValues;
  errors: readonly FieldError[];
  options: Array<{ value: string; label: string }>;
  hint?: string;
  required?: boolean;
}) {
  const value = props.values[props.id];
  return (
    <FieldWrap id={props.id} label={props.label} hint={props.hint} required={props.required} errors={props.errors}>
      {(describedBy, invalid) => (
        <select id={props.id} name={props.id} required={props.required} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy}>
          {props.options.map((option) => (
            <option key={option.value} value={option.value} selected={option.value === value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldWrap>
  );
}

/** Every editable field of a story, grouped in fieldsets; no script needed. */
export function StoryFields({
  values,
  errors,
  choices,
  previewBodyUrl,
}: {
  values: StoryFormValues;
  errors: readonly FieldError[];
  choices: StoryChoices;
  previewBodyUrl: string;
}) {
  const hero = choices.media.find((asset) => asset.id === values.heroMediaId);
  const editionId = values.editionId || choices.editions.find((edition) => edition.isDefault)?.id;
  const sections = choices.sections.filter((section) => section.editionId === editionId);
  const thumb = hero?.variants.slice().sort((a, b) => a.width - b.width)[0];
  return (
    <>
      <RequiredNote />
      <fieldset>
        <legend>Words</legend>
        <Text id="headline" label="Headline" values={values} errors={errors} maxLength={300} required />
        <Text id="standfirst" label="Standfirst (optional)" values={values} errors={errors} maxLength={500} />
        <FieldWrap
          id="body"
          label="Body (Markdown)"
          hint="Blank line between paragraphs. ## for a sub-heading, > for a quote (end with a line “— Name” to credit it), - or 1. for lists, *italic*, **bold**, [words](https://…) for links."
          errors={errors}
        >
          {(describedBy, invalid) => (
            <textarea
              id="body"
              name="body"
              rows={18}
              aria-invalid={invalid ? 'true' : undefined}
              aria-describedby={describedBy}
              data-preview-url={previewBodyUrl}
            >
              {values.body}
            </textarea>
          )}
        </FieldWrap>
        <details class="story-figure-help">
          <summary>Insert figure</summary>
          <p>
            Put <code>[[figure:ID]]</code> on a line of its own, with the id of an image from the media library:
          </p>
          {choices.media.length === 0 ? (
            <p>The media library is empty.</p>
          ) : (
            <ul>
              {choices.media.map((asset) => (
                <li key={asset.id}>
                  <code>{`[[figure:${asset.id}]]`}</code> — {asset.alt}
                </li>
              ))}
            </ul>
          )}
        </details>
        <section class="story-live-preview" aria-labelledby="story-live-preview-title" hidden>
          <h2 id="story-live-preview-title">Body preview</h2>
          <div id="story-live-preview-body" />
        </section>
      </fieldset>
      <fieldset>
        <legend>Placement</legend>
        {choices.editions.length > 1 && (
          <Select
            id="editionId"
            label="Edition"
            hint="The sections offered are the edition’s: after changing it, save, then choose one of its sections."
            values={{ ...values, editionId: editionId ?? '' }}
            errors={errors}
            required
            options={choices.editions.map((edition) => ({ value: edition.id, label: editionLabel(edition) }))}
          />
        )}
        <Select
          id="sectionId"
          label="Section"
          values={values}
          errors={errors}
          required
          options={[{ value: '', label: 'Choose a section' }, ...sections.map((section) => ({ value: section.id, label: section.name }))]}
        />
        <Select
          id="typeLabel"
          label="Type"
          values={values}
          errors={errors}
          required
          options={TYPE_LABELS.map((label) => ({ value: label, label }))}
        />
        <Text id="tags" label="Tags" hint="Separate tags with commas." values={values} errors={errors} />
        <FieldWrap id="authorIds" label="Authors" hint="Choose one or more; hold Ctrl (or Cmd) to choose several." required errors={errors}>
          {(describedBy, invalid) => (
            <select
              id="authorIds"
              name="authorIds"
              multiple
              required
              size={Math.min(6, Math.max(2, choices.authors.length))}
              aria-invalid={invalid ? 'true' : undefined}
              aria-describedby={describedBy}
            >
              {choices.authors.map((author) => (
                <option key={author.id} value={author.id} selected={values.authorIds.includes(author.id)}>
                  {author.name}
                </option>
              ))}
            </select>
          )}
        </FieldWrap>
        <Select
          id="seriesId"
          label="Series"
          values={values}
          errors={errors}
          options={[{ value: '', label: 'Not in a series' }, ...choices.series.map((series) => ({ value: series.id, label: series.title }))]}
        />
        <Text
          id="seriesPart"
          label="Part number"
          hint="Only for a story in a series; shown to readers as “Part 2”."
          type="number"
          values={values}
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>Hero image</legend>
        {/* A text field for the picture's id works at any library size without JavaScript; with it,
            client/editor/media/hero-picker.ts adds the library picker beside it. */}
        <Text
          id="heroMediaId"
          label="Hero image (picture id)"
          hint="Choose a picture with the button, or paste its id from the media library (the last part of the picture’s address there). Leave empty for none."
          values={values}
          errors={errors}
          maxLength={64}
        />
        <p class="story-hero-library">
          <a href={newsroomPaths.media()}>Open the media library</a>
        </p>
        {hero && thumb && (
          <img
            class="story-hero-thumb"
            src={paths.media(thumb.file)}
            alt={`Current hero image: ${hero.alt}`}
            width={160}
            height={Math.round((160 * thumb.height) / Math.max(1, thumb.width))}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>Address, search and embargo</legend>
        <Text
          id="slug"
          label="Slug (web address)"
          hint="Lower-case letters, digits and hyphens. Leave blank to make one from the headline."
          values={values}
          errors={errors}
          maxLength={120}
        />
        <Text id="seoTitle" label="SEO title (optional)" values={values} errors={errors} maxLength={120} />
        <Text id="seoDescription" label="SEO description (optional)" values={values} errors={errors} maxLength={300} />
        <Text
          id="embargoUntil"
          label="Embargo until (optional)"
          hint="In the publication’s time zone. Readers cannot see the story before then."
          type="datetime-local"
          values={values}
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>Comments</legend>
        <input type="hidden" name={COMMENTS_SWITCH_FIELD} value="1" />
        <div class="field field-checkbox">
          <input
            id="commentsEnabled"
            name="commentsEnabled"
            type="checkbox"
            value="on"
            checked={values.commentsEnabled !== false}
            aria-describedby="commentsEnabled-hint"
          />
          <label for="commentsEnabled">Comments open on this story</label>
        </div>
        <p id="commentsEnabled-hint" class="field-hint">
          Readers may comment unless comments are closed for the whole site (Comments, in the newsroom menu).
        </p>
      </fieldset>
    </>
  );
}
