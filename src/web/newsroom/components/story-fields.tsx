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
import { typeLabelText } from '../../shared/site-translator.js';
import { useTranslator } from '../../shared/translator-context.js';

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
  const translator = useTranslator();
  const { t, rich } = translator;
  return (
    <>
      <RequiredNote />
      <fieldset>
        <legend>{t('nr.storyFields.words')}</legend>
        <Text id="headline" label={t('nr.storyFields.headline')} values={values} errors={errors} maxLength={300} required />
        <Text id="standfirst" label={t('nr.storyFields.standfirst')} values={values} errors={errors} maxLength={500} />
        <FieldWrap id="body" label={t('nr.storyFields.body')} hint={t('nr.storyFields.bodyHint')} errors={errors}>
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
          <summary>{t('nr.storyFields.insertFigure')}</summary>
          <p>{rich('nr.storyFields.figureHelp', { code: (text) => <code>{text}</code> })}</p>
          {choices.media.length === 0 ? (
            <p>{t('nr.storyFields.mediaEmpty')}</p>
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
          <h2 id="story-live-preview-title">{t('nr.storyFields.bodyPreview')}</h2>
          <div id="story-live-preview-body" />
        </section>
      </fieldset>
      <fieldset>
        <legend>{t('nr.storyFields.placement')}</legend>
        {choices.editions.length > 1 && (
          <Select
            id="editionId"
            label={t('nr.storyFields.edition')}
            hint={t('nr.storyFields.editionHint')}
            values={{ ...values, editionId: editionId ?? '' }}
            errors={errors}
            required
            options={choices.editions.map((edition) => ({ value: edition.id, label: editionLabel(edition) }))}
          />
        )}
        <Select
          id="sectionId"
          label={t('nr.storyFields.section')}
          values={values}
          errors={errors}
          required
          options={[
            { value: '', label: t('nr.storyFields.chooseSection') },
            ...sections.map((section) => ({ value: section.id, label: section.name })),
          ]}
        />
        <Select
          id="typeLabel"
          label={t('nr.storyFields.type')}
          values={values}
          errors={errors}
          required
          options={TYPE_LABELS.map((label) => ({ value: label, label: typeLabelText(translator, label) }))}
        />
        <Text id="tags" label={t('nr.storyFields.tags')} hint={t('nr.storyFields.tagsHint')} values={values} errors={errors} />
        <FieldWrap id="authorIds" label={t('nr.storyFields.authors')} hint={t('nr.storyFields.authorsHint')} required errors={errors}>
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
          label={t('nr.storyFields.series')}
          values={values}
          errors={errors}
          options={[
            { value: '', label: t('nr.storyFields.noSeries') },
            ...choices.series.map((series) => ({ value: series.id, label: series.title })),
          ]}
        />
        <Text
          id="seriesPart"
          label={t('nr.storyFields.seriesPart')}
          hint={t('nr.storyFields.seriesPartHint')}
          type="number"
          values={values}
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>{t('nr.storyFields.hero')}</legend>
        {/* A text field for the picture's id works at any library size without JavaScript; with it,
            client/editor/media/hero-picker.ts adds the library picker beside it. */}
        <Text
          id="heroMediaId"
          label={t('nr.storyFields.heroId')}
          hint={t('nr.storyFields.heroHint')}
          values={values}
          errors={errors}
          maxLength={64}
        />
        <p class="story-hero-library">
          <a href={newsroomPaths.media()}>{t('nr.storyFields.openLibrary')}</a>
        </p>
        {hero && thumb && (
          <img
            class="story-hero-thumb"
            src={paths.media(thumb.file)}
            alt={t('nr.storyFields.currentHero', { alt: hero.alt })}
            width={160}
            height={Math.round((160 * thumb.height) / Math.max(1, thumb.width))}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>{t('nr.storyFields.address')}</legend>
        <Text id="slug" label={t('nr.storyFields.slug')} hint={t('nr.storyFields.slugHint')} values={values} errors={errors} maxLength={120} />
        <Text id="seoTitle" label={t('nr.storyFields.seoTitle')} values={values} errors={errors} maxLength={120} />
        <Text id="seoDescription" label={t('nr.storyFields.seoDescription')} values={values} errors={errors} maxLength={300} />
        <Text
          id="embargoUntil"
          label={t('nr.storyFields.embargo')}
          hint={t('nr.storyFields.embargoHint')}
          type="datetime-local"
          values={values}
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>{t('nr.storyFields.comments')}</legend>
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
          <label for="commentsEnabled">{t('nr.storyFields.commentsOpen')}</label>
        </div>
        <p id="commentsEnabled-hint" class="field-hint">
          {t('nr.storyFields.commentsHint')}
        </p>
      </fieldset>
    </>
  );
}
