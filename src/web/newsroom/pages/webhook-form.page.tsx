import { WEBHOOK_EVENTS, type Webhook, type WebhookFields } from '../../../modules/webhooks/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

/** The id of the first event checkbox: where the error summary sends focus. */
export const EVENTS_FIELD = 'events';

export const EVENT_LABELS: Record<string, string> = {
  'story.published': 'Story published (also when a scheduled story goes live)',
  'story.updated': 'Published story updated or corrected',
  'story.unpublished': 'Story unpublished or deleted',
  ping: 'Test delivery',
};

const NOTICES: Record<string, string> = {
  created: 'The webhook has been created. Copy the signing secret below into the receiving system.',
  saved: 'The webhook has been saved.',
  rotated: 'A new signing secret has been made. Every delivery from now on is signed with it: update the receiving system.',
  enabled: 'The webhook is enabled: it receives new events again.',
  disabled: 'The webhook is disabled: it receives no new events, and pending deliveries wait until it is enabled.',
};

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
  const heading = webhook ? `Webhook: ${webhook.name}` : 'New webhook';
  const eventsError = errors.find((error) => error.field === EVENTS_FIELD);
  const notice = props.done ? NOTICES[props.done] : undefined;
  return (
    <NewsroomLayout site={site} title={errors.length > 0 ? `Error: ${heading}` : heading} viewer={viewer} current={newsroomPaths.webhooks()}>
      <div class="newsroom-form-page">
        <p>
          <a href={newsroomPaths.webhooks()}>All webhooks</a>
        </p>
        <h1>{heading}</h1>
        <Notice text={notice} />
        <ErrorSummary errors={errors} />
        {webhook && <WebhookActions webhook={webhook} csrfToken={viewer.csrfToken} />}
        <form method="post" action={webhook ? newsroomPaths.webhook(webhook.id) : newsroomPaths.webhookNew()} class="newsroom-form">
          {webhook && <h2>Settings</h2>}
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <RequiredNote />
          <TextField
            id="name"
            label="Name"
            type="text"
            autoComplete="off"
            value={fields.name}
            maxLength={100}
            hint="For you: e.g. the partner or system it feeds."
            errors={errors}
          />
          <TextField
            id="url"
            label="URL"
            type="text"
            autoComplete="off"
            value={fields.url}
            maxLength={2000}
            hint="Where deliveries are POSTed: a full address starting with https:// (or http://)."
            errors={errors}
          />
          <fieldset
            class={eventsError ? 'newsroom-fieldset field-has-error' : 'newsroom-fieldset'}
            aria-describedby={eventsError ? 'events-error' : undefined}
          >
            <legend>Events</legend>
            {eventsError && (
              <p id="events-error" class="field-error">
                <span class="visually-hidden">Error: </span>
                {eventsError.message}
              </p>
            )}
            {WEBHOOK_EVENTS.map((event, index) => {
              const id = index === 0 ? EVENTS_FIELD : `events-${index + 1}`;
              return (
                <div class="field field-checkbox" key={event}>
                  <input id={id} name="events" type="checkbox" value={event} checked={fields.events.includes(event)} />
                  <label for={id}>
                    {EVENT_LABELS[event]} (<code>{event}</code>)
                  </label>
                </div>
              );
            })}
          </fieldset>
          <button type="submit">{webhook ? 'Save webhook' : 'Create webhook'}</button>
        </form>
      </div>
    </NewsroomLayout>
  );
}

/** The secret, the switch, the test delivery, rotation, deletion and the log: each its own small form. */
function WebhookActions({ webhook, csrfToken }: { webhook: Webhook; csrfToken: string }) {
  return (
    <section aria-labelledby="webhook-status-title">
      <h2 id="webhook-status-title">Status and signing secret</h2>
      <p>
        This webhook is <strong>{webhook.active ? 'enabled' : 'disabled'}</strong>.{' '}
        <a href={newsroomPaths.webhookDeliveries(webhook.id)}>Delivery log</a>
      </p>
      <p>
        Signing secret (keep it private; the receiver uses it to check the <code>x-dateline-signature</code> header):
      </p>
      <p>
        <code class="webhook-secret">{webhook.secret}</code>
      </p>
      <div class="inline-form">
        <InlinePostForm action={newsroomPaths.webhookAction(webhook.id, 'active')} csrfToken={csrfToken}>
          <input type="hidden" name="active" value={webhook.active ? 'no' : 'yes'} />
          <button type="submit">{webhook.active ? 'Disable webhook' : 'Enable webhook'}</button>
        </InlinePostForm>
        <InlinePostForm action={newsroomPaths.webhookAction(webhook.id, 'test')} csrfToken={csrfToken}>
          <button type="submit">Send a test delivery</button>
        </InlinePostForm>
        <InlinePostForm action={newsroomPaths.webhookAction(webhook.id, 'rotate-secret')} csrfToken={csrfToken}>
          <button type="submit">Rotate secret</button>
        </InlinePostForm>
        <a href={newsroomPaths.webhookAction(webhook.id, 'delete')}>Delete webhook</a>
      </div>
    </section>
  );
}
