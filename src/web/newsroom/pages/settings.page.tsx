import type { MediaAsset } from '../../../modules/media/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredMarker, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

/** The form's values as typed, so a refused form comes back as the person left it. */
export interface SettingsFormValues {
  name: string;
  tagline: string;
  description: string;
  language: string;
  'time-zone': string;
  'contact-email': string;
  'copyright-holder': string;
  'founded-year': string;
  'popular-now-hours': string;
  'weekly-best-max-age-days': string;
  logo: string;
  icon: string;
  'feed-content': string;
}

const FEED_CONTENT_CHOICES = [
  { value: 'full', label: 'Whole stories', hint: 'Each story’s full text and images, readable in a feed reader.' },
  { value: 'summary', label: 'Summaries', hint: 'Only each story’s standfirst and picture; readers follow the link to read on.' },
] as const;

/** Publication settings: what the masthead, footer, dates and metadata say. */
export function SettingsPage({
  site,
  viewer,
  values,
  media,
  errors = [],
  saved = false,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  values: SettingsFormValues;
  /** Images to choose the logo and the icon from, newest first. */
  media: readonly MediaAsset[];
  errors?: readonly FieldError[];
  saved?: boolean;
}) {
  const errorOf = (field: string) => errors.find((error) => error.field === field);
  const descriptionError = errorOf('description');
  const logoError = errorOf('logo');
  const iconError = errorOf('icon');
  const feedContentError = errorOf('feed-content-full');
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? 'Error: Publication settings' : 'Publication settings'}
      viewer={viewer}
      current={newsroomPaths.settings()}
    >
      <div class="newsroom-form-page">
        <h1>Publication settings</h1>
        <Notice text={saved && 'The settings have been saved. Readers see them now.'} />
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.settings()} class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <RequiredNote />
          <TextField id="name" label="Publication name" type="text" autoComplete="off" value={values.name} maxLength={120} errors={errors} />
          <TextField
            id="tagline"
            label="Tagline (optional)"
            type="text"
            autoComplete="off"
            value={values.tagline}
            maxLength={200}
            required={false}
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
              {values.description}
            </textarea>
          </div>
          <TextField
            id="language"
            label="Language"
            type="text"
            autoComplete="off"
            value={values.language}
            hint="A language tag such as en, en-GB or ko."
            maxLength={35}
            errors={errors}
          />
          <TextField
            id="time-zone"
            label="Time zone"
            type="text"
            autoComplete="off"
            value={values['time-zone']}
            hint="An IANA time zone such as Asia/Seoul or Europe/London."
            maxLength={64}
            errors={errors}
          />
          <TextField
            id="contact-email"
            label="Contact e-mail address"
            type="email"
            autoComplete="off"
            value={values['contact-email']}
            maxLength={254}
            errors={errors}
          />
          <TextField
            id="copyright-holder"
            label="Copyright holder (optional)"
            type="text"
            autoComplete="off"
            value={values['copyright-holder']}
            maxLength={200}
            required={false}
            errors={errors}
          />
          <TextField
            id="founded-year"
            label="Year founded"
            type="text"
            autoComplete="off"
            value={values['founded-year']}
            hint="Four digits, e.g. 1965."
            maxLength={4}
            errors={errors}
          />
          <div class={logoError ? 'field field-has-error' : 'field'}>
            <label for="logo">Logo</label>
            <p id="logo-hint" class="field-hint">
              An image from the media library, shown in the masthead instead of the name; the name becomes its text alternative.
            </p>
            {logoError && (
              <p id="logo-error" class="field-error">
                <span class="visually-hidden">Error: </span>
                {logoError.message}
              </p>
            )}
            <select id="logo" name="logo" aria-describedby={logoError ? 'logo-hint logo-error' : 'logo-hint'}>
              <option value="" selected={values.logo === ''}>
                No logo: show the name
              </option>
              {media.map((asset) => (
                <option key={asset.id} value={asset.id} selected={values.logo === asset.id}>
                  {asset.alt}
                </option>
              ))}
            </select>
          </div>
          <div class={iconError ? 'field field-has-error' : 'field'}>
            <label for="icon">Site icon</label>
            <p id="icon-hint" class="field-hint">
              An image from the media library, shown in browser tabs, bookmarks and on phones’ home screens. A square image works best; others are cut
              to their centre square.
            </p>
            {iconError && (
              <p id="icon-error" class="field-error">
                <span class="visually-hidden">Error: </span>
                {iconError.message}
              </p>
            )}
            <select
              id="icon"
              name="icon"
              aria-invalid={iconError ? 'true' : undefined}
              aria-describedby={iconError ? 'icon-hint icon-error' : 'icon-hint'}
            >
              <option value="" selected={values.icon === ''}>
                The default icon
              </option>
              {media.map((asset) => (
                <option key={asset.id} value={asset.id} selected={values.icon === asset.id}>
                  {asset.alt}
                </option>
              ))}
            </select>
          </div>
          <fieldset class="newsroom-fieldset">
            <legend>Ranked lists</legend>
            <TextField
              id="popular-now-hours"
              label="Popular Now: hours of views counted"
              type="text"
              autoComplete="off"
              value={values['popular-now-hours']}
              hint="From 1 to 24. Popular Now ranks stories by their views in this many recent hours, favouring rising ones."
              maxLength={2}
              errors={errors}
            />
            <TextField
              id="weekly-best-max-age-days"
              label="Weekly Best: oldest story, in days"
              type="text"
              autoComplete="off"
              value={values['weekly-best-max-age-days']}
              hint="From 1 to 30. Weekly Best ranks the last 7 days' views among stories published within this many days."
              maxLength={2}
              errors={errors}
            />
          </fieldset>
          <fieldset
            class={feedContentError ? 'newsroom-fieldset field-has-error' : 'newsroom-fieldset'}
            aria-describedby={feedContentError ? 'feed-content-error' : undefined}
          >
            <legend>
              RSS and Atom feeds carry
              <RequiredMarker />
            </legend>
            {feedContentError && (
              <p id="feed-content-error" class="field-error">
                <span class="visually-hidden">Error: </span>
                {feedContentError.message}
              </p>
            )}
            {FEED_CONTENT_CHOICES.map((choice) => (
              <div key={choice.value} class="field">
                <div class="field-checkbox">
                  <input
                    type="radio"
                    id={`feed-content-${choice.value}`}
                    name="feed-content"
                    value={choice.value}
                    checked={values['feed-content'] === choice.value}
                    required
                    aria-describedby={`feed-content-${choice.value}-hint`}
                  />
                  <label for={`feed-content-${choice.value}`}>{choice.label}</label>
                </div>
                <p id={`feed-content-${choice.value}-hint`} class="field-hint">
                  {choice.hint}
                </p>
              </div>
            ))}
          </fieldset>
          <button type="submit">Save settings</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}
