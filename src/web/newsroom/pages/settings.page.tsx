import type { MediaAsset } from '../../../modules/media/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredMarker, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

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
  { value: 'full', label: 'nr.settings.feedFull', hint: 'nr.settings.feedFullHint' },
  { value: 'summary', label: 'nr.settings.feedSummary', hint: 'nr.settings.feedSummaryHint' },
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
  const { t } = newsroomTranslator(site, viewer);
  const title = t('nr.settings.title');
  const errorOf = (field: string) => errors.find((error) => error.field === field);
  const descriptionError = errorOf('description');
  const logoError = errorOf('logo');
  const iconError = errorOf('icon');
  const feedContentError = errorOf('feed-content-full');
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={viewer}
      current={newsroomPaths.settings()}
    >
      <div class="newsroom-form-page">
        <h1>{title}</h1>
        <Notice text={saved && t('nr.settings.saved')} />
        <ErrorSummary errors={errors} />
        <form method="post" action={newsroomPaths.settings()} class="newsroom-form">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <RequiredNote />
          <TextField id="name" label={t('nr.settings.name')} type="text" autoComplete="off" value={values.name} maxLength={120} errors={errors} />
          <TextField
            id="tagline"
            label={t('nr.settings.tagline')}
            type="text"
            autoComplete="off"
            value={values.tagline}
            maxLength={200}
            required={false}
            errors={errors}
          />
          <div class={descriptionError ? 'field field-has-error' : 'field'}>
            <label for="description">{t('nr.settings.description')}</label>
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
              {values.description}
            </textarea>
          </div>
          <TextField
            id="language"
            label={t('nr.settings.language')}
            type="text"
            autoComplete="off"
            value={values.language}
            hint={t('nr.settings.languageHint')}
            maxLength={35}
            errors={errors}
          />
          <TextField
            id="time-zone"
            label={t('nr.settings.timeZone')}
            type="text"
            autoComplete="off"
            value={values['time-zone']}
            hint={t('nr.settings.timeZoneHint')}
            maxLength={64}
            errors={errors}
          />
          <TextField
            id="contact-email"
            label={t('nr.settings.contactEmail')}
            type="email"
            autoComplete="off"
            value={values['contact-email']}
            maxLength={254}
            errors={errors}
          />
          <TextField
            id="copyright-holder"
            label={t('nr.settings.copyrightHolder')}
            type="text"
            autoComplete="off"
            value={values['copyright-holder']}
            maxLength={200}
            required={false}
            errors={errors}
          />
          <TextField
            id="founded-year"
            label={t('nr.settings.foundedYear')}
            type="text"
            autoComplete="off"
            value={values['founded-year']}
            hint={t('nr.settings.foundedYearHint')}
            maxLength={4}
            errors={errors}
          />
          <div class={logoError ? 'field field-has-error' : 'field'}>
            <label for="logo">{t('nr.settings.logo')}</label>
            <p id="logo-hint" class="field-hint">
              {t('nr.settings.logoHint')}
            </p>
            {logoError && (
              <p id="logo-error" class="field-error">
                <span class="visually-hidden">{t('form.errorPrefix')}</span>
                {logoError.message}
              </p>
            )}
            <select id="logo" name="logo" aria-describedby={logoError ? 'logo-hint logo-error' : 'logo-hint'}>
              <option value="" selected={values.logo === ''}>
                {t('nr.settings.noLogo')}
              </option>
              {media.map((asset) => (
                <option key={asset.id} value={asset.id} selected={values.logo === asset.id}>
                  {asset.alt}
                </option>
              ))}
            </select>
          </div>
          <div class={iconError ? 'field field-has-error' : 'field'}>
            <label for="icon">{t('nr.settings.icon')}</label>
            <p id="icon-hint" class="field-hint">
              {t('nr.settings.iconHint')}
            </p>
            {iconError && (
              <p id="icon-error" class="field-error">
                <span class="visually-hidden">{t('form.errorPrefix')}</span>
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
                {t('nr.settings.defaultIcon')}
              </option>
              {media.map((asset) => (
                <option key={asset.id} value={asset.id} selected={values.icon === asset.id}>
                  {asset.alt}
                </option>
              ))}
            </select>
          </div>
          <fieldset class="newsroom-fieldset">
            <legend>{t('nr.settings.rankedLists')}</legend>
            <TextField
              id="popular-now-hours"
              label={t('nr.settings.popularNowHours')}
              type="text"
              autoComplete="off"
              value={values['popular-now-hours']}
              hint={t('nr.settings.popularNowHoursHint')}
              maxLength={2}
              errors={errors}
            />
            <TextField
              id="weekly-best-max-age-days"
              label={t('nr.settings.weeklyBestDays')}
              type="text"
              autoComplete="off"
              value={values['weekly-best-max-age-days']}
              hint={t('nr.settings.weeklyBestDaysHint')}
              maxLength={2}
              errors={errors}
            />
          </fieldset>
          <fieldset
            class={feedContentError ? 'newsroom-fieldset field-has-error' : 'newsroom-fieldset'}
            aria-describedby={feedContentError ? 'feed-content-error' : undefined}
          >
            <legend>
              {t('nr.settings.feedsCarry')}
              <RequiredMarker />
            </legend>
            {feedContentError && (
              <p id="feed-content-error" class="field-error">
                <span class="visually-hidden">{t('form.errorPrefix')}</span>
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
                  <label for={`feed-content-${choice.value}`}>{t(choice.label)}</label>
                </div>
                <p id={`feed-content-${choice.value}-hint`} class="field-hint">
                  {t(choice.hint)}
                </p>
              </div>
            ))}
          </fieldset>
          <button type="submit">{t('nr.settings.save')}</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}
