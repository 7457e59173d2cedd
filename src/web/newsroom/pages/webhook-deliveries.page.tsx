import type { Webhook, WebhookDelivery } from '../../../modules/webhooks/index.js';
import type { Pagination } from '../../../shared/pagination.js';
import { formatDateTime } from '../../shared/format.js';
import { PageLinks } from '../../shared/page-links.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { PostButton } from '../components/inline-post-form.js';
import { Notice } from '../../shared/notice.js';
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
  const { page, totalItems } = pagination;
  const when = (date: Date | null) => (date ? <time dateTime={date.toISOString()}>{formatDateTime(date, site.publication)}</time> : '—');
  const notice = props.done ? NOTICES[props.done] : undefined;
  const title = `Delivery log: ${webhook.name}`;
  return (
    <NewsroomLayout site={site} title={page > 1 ? `${title} (page ${page})` : title} viewer={viewer} current={newsroomPaths.webhooks()}>
      <p>
        <a href={newsroomPaths.webhook(webhook.id)}>Back to the webhook</a>
      </p>
      <h1>{title}</h1>
      <Notice text={notice} />
      <p>{totalItems === 1 ? '1 delivery' : `${totalItems} deliveries`}, newest first.</p>
      {deliveries.length > 0 && (
        <DataTable
          class="staff-table"
          caption={<>Deliveries of {webhook.name}</>}
          captionHidden
          columns={['Time', 'Event', 'Story', 'Status', 'Attempts', 'Last HTTP status', 'Last error', 'Next attempt', 'Actions']}
        >
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
                  <PostButton
                    action={newsroomPaths.webhookRedeliver(webhook.id, delivery.id)}
                    csrfToken={viewer.csrfToken}
                    label="Send again"
                    context={` (${delivery.event}, ${delivery.createdAt.toISOString()})`}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <PageLinks
        label="Pages of deliveries"
        pagination={pagination}
        href={(target) => newsroomPaths.webhookDeliveries(webhook.id, target)}
        previous="← Newer deliveries"
        next="Older deliveries →"
      />
    </NewsroomLayout>
  );
}
