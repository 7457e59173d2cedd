import type { WebhookListItem } from '../../../modules/webhooks/index.js';
import { formatDateTime } from '../../shared/format.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

export const DELIVERY_STATUS_LABELS: Record<string, string> = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' };

/** Every webhook: where it sends, which events, whether it is on, and how its latest delivery went. */
export function WebhookListPage({
  site,
  viewer,
  webhooks,
  done,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  webhooks: readonly WebhookListItem[];
  done?: string | undefined;
}) {
  return (
    <NewsroomLayout site={site} title="Webhooks" viewer={viewer} current={newsroomPaths.webhooks()}>
      <h1>Webhooks</h1>
      <Notice text={done === 'deleted' && 'The webhook has been deleted.'} />
      <p>
        Webhooks tell other systems when a story is published, updated or unpublished: Dateline POSTs a signed JSON message to each webhook's URL and
        retries with back-off when the receiver does not answer.
      </p>
      <p>
        <a href={newsroomPaths.webhookNew()}>New webhook</a>
      </p>
      {webhooks.length === 0 ? (
        <p>No webhooks yet.</p>
      ) : (
        <DataTable class="staff-table" caption="Webhooks" captionHidden columns={['Name', 'URL', 'Events', 'State', 'Latest delivery']}>
          {webhooks.map((webhook) => (
            <tr key={webhook.id}>
              <th scope="row">
                <a href={newsroomPaths.webhook(webhook.id)}>{webhook.name}</a>
              </th>
              <td>
                <code>{webhook.url}</code>
              </td>
              <td>{webhook.events.join(', ')}</td>
              <td>{webhook.active ? 'Enabled' : 'Disabled'}</td>
              <td>
                {webhook.lastDelivery ? (
                  <a href={newsroomPaths.webhookDeliveries(webhook.id)}>
                    {DELIVERY_STATUS_LABELS[webhook.lastDelivery.status] ?? webhook.lastDelivery.status}
                    {webhook.lastDelivery.statusCode !== null ? ` (HTTP ${webhook.lastDelivery.statusCode})` : ''},{' '}
                    <time dateTime={webhook.lastDelivery.at.toISOString()}>{formatDateTime(webhook.lastDelivery.at, site.publication)}</time>
                  </a>
                ) : (
                  'None yet'
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </NewsroomLayout>
  );
}
