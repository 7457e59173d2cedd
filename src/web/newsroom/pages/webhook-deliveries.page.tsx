import type { Webhook, WebhookDelivery } from '../../../modules/webhooks/index.js';
import type { Pagination } from '../../../shared/pagination.js';
import { PageLinks } from '../../shared/page-links.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { PostButton } from '../components/inline-post-form.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { deliveryStatusLabel } from './webhook-list.page.js';

const NOTICES = { test: 'nr.webhooks.testQueued', redelivered: 'nr.webhooks.redelivered' } as const;

function isNotice(done: string | undefined): done is keyof typeof NOTICES {
  return done !== undefined && Object.hasOwn(NOTICES, done);
}

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
  const translator = newsroomTranslator(site, viewer);
  const { t } = translator;
  const when = (date: Date | null) =>
    date ? <time dateTime={date.toISOString()}>{translator.dateTime(date, site.publication.timeZone)}</time> : '—';
  const notice = isNotice(props.done) ? t(NOTICES[props.done]) : undefined;
  const title = t('nr.webhooks.logTitle', { name: webhook.name });
  return (
    <NewsroomLayout
      site={site}
      title={page > 1 ? t('nr.webhooks.logTitlePaged', { name: webhook.name, page }) : title}
      viewer={viewer}
      current={newsroomPaths.webhooks()}
    >
      <p>
        <a href={newsroomPaths.webhook(webhook.id)}>{t('nr.webhooks.back')}</a>
      </p>
      <h1>{title}</h1>
      <Notice text={notice} />
      <p>{t('nr.webhooks.deliveryCount', { count: totalItems, total: String(totalItems) })}</p>
      {deliveries.length > 0 && (
        <DataTable
          class="staff-table"
          caption={t('nr.webhooks.logCaption', { name: webhook.name })}
          captionHidden
          columns={[
            t('nr.webhooks.colTime'),
            t('nr.webhooks.colEvent'),
            t('nr.webhooks.colStory'),
            t('nr.webhooks.colStatus'),
            t('nr.webhooks.colAttempts'),
            t('nr.webhooks.colLastStatus'),
            t('nr.webhooks.colLastError'),
            t('nr.webhooks.colNextAttempt'),
            t('nr.webhooks.colActions'),
          ]}
        >
          {deliveries.map((delivery) => (
            <tr key={delivery.id} id={`delivery-${delivery.id}`}>
              <th scope="row">{when(delivery.createdAt)}</th>
              <td>
                <code>{delivery.event}</code>
              </td>
              <td>{delivery.headline ?? '—'}</td>
              <td class={`delivery-${delivery.status}`}>{deliveryStatusLabel(delivery.status, translator)}</td>
              <td>{delivery.attempts}</td>
              <td>{delivery.lastStatusCode ?? '—'}</td>
              <td>{delivery.lastError ?? '—'}</td>
              <td>{delivery.status === 'pending' ? when(delivery.nextAttemptAt) : '—'}</td>
              <td>
                {delivery.status === 'failed' && (
                  <PostButton
                    action={newsroomPaths.webhookRedeliver(webhook.id, delivery.id)}
                    csrfToken={viewer.csrfToken}
                    label={t('nr.webhooks.sendAgain')}
                    context={` (${delivery.event}, ${delivery.createdAt.toISOString()})`}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <PageLinks
        label={t('nr.webhooks.pagesLabel')}
        pagination={pagination}
        href={(target) => newsroomPaths.webhookDeliveries(webhook.id, target)}
        previous={t('nr.webhooks.newer')}
        next={t('nr.webhooks.older')}
      />
    </NewsroomLayout>
  );
}
