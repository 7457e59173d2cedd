import { WEBHOOK_EVENTS, type Webhook, type WebhookFields } from '../../../modules/webhooks/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { useTranslator } from '../../shared/translator-context.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

/** The id of the first event checkbox: where the error summary sends focus. */
export const EVENTS_FIELD = 'events';

/** What each event is, in words; the event's code is shown beside it as it is. */
export const EVENT_LABELS = {
  'story.published': 'nr.webhooks.eventPublished',
  'story.updated': 'nr.webhooks.eventUpdated',
  'story.unpublished': 'nr.webhooks.eventUnpublished',
  ping: 'nr.webhooks.eventPing',
} as const satisfies Record<string, MessageKey>;

const NOTICES = {
  created: 'nr.webhooks.created',
  saved: 'nr.webhooks.saved',
  rotated: 'nr.webhooks.rotated',
  enabled: 'nr.webhooks.nowEnabled',
  disabled: 'nr.webhooks.nowDisabled',
} as const satisfies Record<string, MessageKey>;

function isNotice(done: string | undefined): done is keyof typeof NOTICES {
  return done !== undefined && Object.hasOwn(NOTICES, done);
}

/** Creating a webhook (no `webhook`) or editing one, with its secret and actions. */
export function WebhookFormPage(props: {
  site: SiteContext;
  viewer: NewsroomViewer;
  webhook?: Webhook | undefined;
  fields: WebhookFields;
  errors?: readonly FieldError[];
  done?: string | undefined;
}) {
  const { site, viewer, webhook, fields, errors = [] } = props;
  const { t } = newsroomTranslator(site, viewer);
  const heading = webhook ? t('nr.webhooks.heading', { name: webhook.name }) : t('nr.webhooks.new');
  const eventsError = errors.find((error) => error.field === EVENTS_FIELD);
  const notice = isNotice(props.done) ? t(NOTICES[props.done]) : undefined;
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title: heading }) : heading}
      viewer={viewer}
      current={newsroomPaths.webhooks()}
    >
      <div class="newsroom-form-page">
        <p>
          <a href={newsroomPaths.webhooks()}>{t('nr.webhooks.all')}</a>
        </p>
        <h1>{heading}</h1>
        <Notice text={notice} />
        <ErrorSummary errors={errors} />
        {webhook && <WebhookActions webhook={webhook} csrfToken={viewer.csrfToken} />}
        <form method="post" action={webhook ? newsroomPaths.webhook(webhook.id) : newsroomPaths.webhookNew()} class="newsroom-form">
          {webhook && <h2>{t('nr.webhooks.settings')}</h2>}
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <RequiredNote />
          <TextField
            id="name"
            label={t('nr.webhooks.name')}
            type="text"
            autoComplete="off"
            value={fields.name}
            maxLength={100}
            hint={t('nr.webhooks.nameHint')}
            errors={errors}
          />
          <TextField
            id="url"
            label={t('nr.webhooks.url')}
            type="text"
            autoComplete="off"
            value={fields.url}
            maxLength={2000}
            hint={t('nr.webhooks.urlHint')}
            errors={errors}
          />
          <fieldset
            class={eventsError ? 'newsroom-fieldset field-has-error' : 'newsroom-fieldset'}
            aria-describedby={eventsError ? 'events-error' : undefined}
          >
            <legend>{t('nr.webhooks.events')}</legend>
            {eventsError && (
              <p id="events-error" class="field-error">
                <span class="visually-hidden">{t('form.errorPrefix')}</span>
                {eventsError.message}
              </p>
            )}
            {WEBHOOK_EVENTS.map((event, index) => {
              const id = index === 0 ? EVENTS_FIELD : `events-${index + 1}`;
              return (
                <div class="field field-checkbox" key={event}>
                  <input id={id} name="events" type="checkbox" value={event} checked={fields.events.includes(event)} />
                  <label for={id}>
                    {t(EVENT_LABELS[event])} (<code>{event}</code>)
                  </label>
                </div>
              );
            })}
          </fieldset>
          <button type="submit">{webhook ? t('nr.webhooks.save') : t('nr.webhooks.create')}</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}

/** The secret, the switch, the test delivery, rotation, deletion and the log: each its own small form. */
function WebhookActions({ webhook, csrfToken }: { webhook: Webhook; csrfToken: string }) {
  const { t, rich } = useTranslator();
  return (
    <section aria-labelledby="webhook-status-title">
      <h2 id="webhook-status-title">{t('nr.webhooks.statusHeading')}</h2>
      <p>
        {rich(webhook.active ? 'nr.webhooks.isEnabled' : 'nr.webhooks.isDisabled', { state: (text) => <strong>{text}</strong> })}{' '}
        <a href={newsroomPaths.webhookDeliveries(webhook.id)}>{t('nr.webhooks.deliveryLog')}</a>
      </p>
      <p>{rich('nr.webhooks.secretIntro', { code: (text) => <code>{text}</code> })}</p>
      <p>
        <code class="webhook-secret">{webhook.secret}</code>
      </p>
      <div class="inline-form">
        <InlinePostForm action={newsroomPaths.webhookAction(webhook.id, 'active')} csrfToken={csrfToken}>
          <input type="hidden" name="active" value={webhook.active ? 'no' : 'yes'} />
          <button type="submit">{webhook.active ? t('nr.webhooks.disable') : t('nr.webhooks.enable')}</button>
        </InlinePostForm>
        <InlinePostForm action={newsroomPaths.webhookAction(webhook.id, 'test')} csrfToken={csrfToken}>
          <button type="submit">{t('nr.webhooks.sendTest')}</button>
        </InlinePostForm>
        <InlinePostForm action={newsroomPaths.webhookAction(webhook.id, 'rotate-secret')} csrfToken={csrfToken}>
          <button type="submit">{t('nr.webhooks.rotate')}</button>
        </InlinePostForm>
        <a href={newsroomPaths.webhookAction(webhook.id, 'delete')}>{t('nr.webhooks.delete')}</a>
      </div>
    </section>
  );
}
