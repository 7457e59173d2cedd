import type { Webhook, WebhookDelivery } from '../../../modules/webhooks/index.js';
import type { Pagination } from '../../../shared/pagination.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { formatDateTime } from '../../shared/format.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { DELIVERY_STATUS_LABELS } from './webhook-list.page.js';

const NOTICES: Record<string, string> = {
  test: 'A test delivery (event ping) has been queued; it is sent within a few seconds. Reload this page to see how it went.',
  redelivered: 'The delivery has been queued again; it is sent within a few seconds.',
};

/** One webhook's delivery log, newest first, with a "Send again" button for failed deliveries. */
export function WebhookDeliveriesPage(props: {
  site: SiteContext;
  viewer: NewsroomViewer;
  webhook: Webhook;
  deliveries: readonly WebhookDelivery[];
  pagination: Pagination;
  done?: string | undefined;
}) {
  const { site, viewer, webhook, deliveries, pagination } = props;
  const { page, totalPages, totalItems } = pagination;
  const when = (date: Date | null) => (date ? <time dateTime={date.toISOString()}>{formatDateTime(date, site.publication)}</time> : '—');
  const notice = props.done ? NOTICES[props.done] : undefined;
  const title = `Delivery log: ${webhook.name}`;
  return (
    <NewsroomLayout site={site} title={page > 1 ? `${title} (page ${page})` : title} viewer={viewer} current={newsroomPaths.webhooks()}>
      <p>
        <a href={newsroomPaths.webhook(webhook.id)}>Back to the webhook</a>
      </p>
      <h1>{title}</h1>
      {notice && (
        <p class="newsroom-notice" role="status">
          {notice}
        </p>
      )}
      <p>{totalItems === 1 ? '1 delivery' : `${totalItems} deliveries`}, newest first.</p>
      {deliveries.length > 0 && (
        <table class="staff-table">
          <caption class="visually-hidden">Deliveries of {webhook.name}</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Story</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last HTTP status</th>
              <th scope="col">Last error</th>
              <th scope="col">Next attempt</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.id} id={`delivery-${delivery.id}`}>
                <th scope="row">{when(delivery.createdAt)}</th>
                <td>
                  <code>{delivery.event}</code>
                </td>
                <td>{delivery.headline ?? '—'}</td>
                <td class={`delivery-${delivery.status}`}>{DELIVERY_STATUS_LABELS[delivery.status] ?? delivery.status}</td>
                <td>{delivery.attempts}</td>
                <td>{delivery.lastStatusCode ?? '—'}</td>
                <td>{delivery.lastError ?? '—'}</td>
                <td>{delivery.status === 'pending' ? when(delivery.nextAttemptAt) : '—'}</td>
                <td>
                  {delivery.status === 'failed' && (
                    <form method="post" action={newsroomPaths.webhookRedeliver(webhook.id, delivery.id)} class="inline-form">
                      <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
                      <button type="submit">
                        Send again<span class="visually-hidden">{` (${delivery.event}, ${delivery.createdAt.toISOString()})`}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {totalPages > 1 && (
        <nav class="pagination" aria-label="Pages of deliveries">
          {page > 1 && (
            <a href={newsroomPaths.webhookDeliveries(webhook.id, page - 1)} rel="prev">
              ← Newer deliveries
            </a>
          )}
          <span>
            Page {page} of {totalPages}
          </span>
          {page < totalPages && (
            <a href={newsroomPaths.webhookDeliveries(webhook.id, page + 1)} rel="next">
              Older deliveries →
            </a>
          )}
        </nav>
      )}
    </NewsroomLayout>
  );
}
