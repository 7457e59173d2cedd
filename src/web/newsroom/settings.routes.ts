import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { AuditService } from '../../modules/audit/index.js';
import type { MediaUploadService } from '../../modules/media/index.js';
import type { PublicationSettings, SettingsService } from '../../modules/settings/index.js';
import { AppError } from '../../shared/errors.js';
import type { MessageKey } from '../../shared/i18n/index.js';
import { sendHtml } from '../http/send-page.js';
import type { FieldError } from '../shared/form-fields.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps } from './newsroom-route.js';
import { formField, type FormBody } from '../shared/form-body.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { SettingsPage, type SettingsFormValues } from './pages/settings.page.js';

/** Enough recent images to pick a logo or an icon from without paging; the media library has the rest. */
const LOGO_CHOICES = 60;

/** The settings this form edits; comment moderation and the newsletters' schedule have their own pages. */
type FormSetting = Exclude<keyof PublicationSettings, 'commentsMode' | 'commentBlocklist' | 'newsletterTime' | 'weeklyNewsletterDay'>;

/** The catalogue's messages for a wrong setting. */
type SettingMessage = Extract<MessageKey, `nr.settings.${string}Invalid`>;

/** Each setting's form field (a radio group's first choice) and the message shown when it is wrong. */
const SETTINGS_FIELDS: Record<FormSetting, { field: keyof SettingsFormValues | 'feed-content-full'; message: SettingMessage }> = {
  name: { field: 'name', message: 'nr.settings.nameInvalid' },
  tagline: { field: 'tagline', message: 'nr.settings.taglineInvalid' },
  description: { field: 'description', message: 'nr.settings.descriptionInvalid' },
  language: { field: 'language', message: 'nr.settings.languageInvalid' },
  timeZone: { field: 'time-zone', message: 'nr.settings.timeZoneInvalid' },
  contactEmail: { field: 'contact-email', message: 'nr.settings.contactEmailInvalid' },
  copyrightHolder: { field: 'copyright-holder', message: 'nr.settings.copyrightHolderInvalid' },
  foundedYear: { field: 'founded-year', message: 'nr.settings.foundedYearInvalid' },
  popularNowHours: { field: 'popular-now-hours', message: 'nr.settings.popularNowHoursInvalid' },
  weeklyBestMaxAgeDays: { field: 'weekly-best-max-age-days', message: 'nr.settings.weeklyBestDaysInvalid' },
  logoMediaId: { field: 'logo', message: 'nr.settings.logoInvalid' },
  iconMediaId: { field: 'icon', message: 'nr.settings.iconInvalid' },
  feedContent: { field: 'feed-content-full', message: 'nr.settings.feedContentInvalid' },
};

function valuesOf(publication: PublicationSettings): SettingsFormValues {
  return {
    name: publication.name,
    tagline: publication.tagline,
    description: publication.description,
    language: publication.language,
    'time-zone': publication.timeZone,
    'contact-email': publication.contactEmail,
    'copyright-holder': publication.copyrightHolder,
    'founded-year': String(publication.foundedYear),
    'popular-now-hours': String(publication.popularNowHours),
    'weekly-best-max-age-days': String(publication.weeklyBestMaxAgeDays),
    logo: publication.logoMediaId ?? '',
    icon: publication.iconMediaId ?? '',
    'feed-content': publication.feedContent,
  };
}

function valuesFrom(body: FormBody): SettingsFormValues {
  const read = (name: keyof SettingsFormValues) => formField(body, name).trim();
  return {
    name: read('name'),
    tagline: read('tagline'),
    description: read('description'),
    language: read('language'),
    'time-zone': read('time-zone'),
    'contact-email': read('contact-email'),
    'copyright-holder': read('copyright-holder'),
    'founded-year': read('founded-year'),
    'popular-now-hours': read('popular-now-hours'),
    'weekly-best-max-age-days': read('weekly-best-max-age-days'),
    logo: read('logo'),
    icon: read('icon'),
    'feed-content': read('feed-content'),
  };
}

function changesFrom(values: SettingsFormValues): Partial<PublicationSettings> {
  return {
    name: values.name,
    tagline: values.tagline,
    description: values.description,
    language: values.language,
    timeZone: values['time-zone'],
    contactEmail: values['contact-email'],
    copyrightHolder: values['copyright-holder'],
    // Not a whole number of four digits → NaN, which the schema refuses like any bad year.
    foundedYear: /^\d{4}$/.test(values['founded-year']) ? Number(values['founded-year']) : Number.NaN,
    popularNowHours: wholeNumber(values['popular-now-hours']),
    weeklyBestMaxAgeDays: wholeNumber(values['weekly-best-max-age-days']),
    logoMediaId: values.logo === '' ? undefined : values.logo,
    iconMediaId: values.icon === '' ? undefined : values.icon,
    // Anything but the two choices is refused by the schema, like any bad value.
    feedContent: values['feed-content'] as PublicationSettings['feedContent'],
  };
}

/** Digits only (no `1e1`, `0x10`, ` 3`); anything else is NaN, which the schema refuses. */
function wholeNumber(value: string): number {
  return /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
}

/** What the settings page uses. */
export interface SettingsRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  settings: SettingsService;
  audit: AuditService;
  media: MediaUploadService;
}

/** Publication settings: `settings.manage`. Saving emits settings.changed, so readers see it at once. */
export function registerSettingsRoutes(scope: FastifyInstance, deps: SettingsRoutesDeps): void {
  const site = () => deps.site.current();
  const logoChoices = () => deps.media.list({ limit: LOGO_CHOICES, offset: 0 });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/settings',
    permission: 'settings.manage',
    handler: async (request, reply, staff) => {
      const values = valuesOf(deps.settings.publication);
      const saved = request.query.saved !== undefined;
      return sendHtml(request, reply, 200, h(SettingsPage, { site: site(), viewer: viewerOf(staff), values, media: await logoChoices(), saved }));
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/settings',
    permission: 'settings.manage',
    handler: async (request, reply, staff) => {
      const values = valuesFrom(request.body);
      const changes = changesFrom(values);
      const problems = await deps.settings.problemsWith(changes);
      if (problems.length > 0) {
        const error = new AppError('ERR_SETTINGS_INVALID');
        reply.header('x-error-code', error.code);
        const viewer = viewerOf(staff);
        const translator = newsroomTranslator(site(), viewer);
        const errors: FieldError[] = problems.flatMap(({ setting, characters }) => {
          if (!(setting in SETTINGS_FIELDS)) return [];
          const { field, message } = SETTINGS_FIELDS[setting as FormSetting];
          // Text refused for its characters has one message, whichever setting it was typed in.
          return [{ field, message: characters ? translator.error('ERR_TEXT_INVALID_CHARACTERS') : translator.t(message) }];
        });
        return sendHtml(request, reply, error.status, h(SettingsPage, { site: site(), viewer, values, media: await logoChoices(), errors }));
      }
      await deps.settings.updatePublication(changes);
      await deps.audit.record({ actorUserId: staff.session.user.id, action: 'settings.updated', subjectType: 'settings', subjectId: 'publication' });
      return reply.redirect(`${newsroomPaths.settings()}?saved`, 303);
    },
  });
}
