import type { WebhookListItem } from '../../../modules/webhooks/index.js';
import type { MessageKey, Translator } from '../../../shared/i18n/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

const DELIVERY_STATUS_KEYS = {
  pending: 'nr.webhooks.deliveryPending',
  delivered: 'nr.webhooks.deliveryDelivered',
  failed: 'nr.webhooks.deliveryFailed',
} as const satisfies Record<string, MessageKey>;

/** A delivery status's name in the translator's language; a status Dateline does not know is shown as stored. */
export function deliveryStatusLabel(status: string, { t }: Pick<Translator, 't'>): string {
  const key = (DELIVERY_STATUS_KEYS as Partial<Record<string, (typeof DELIVERY_STATUS_KEYS)[keyof typeof DELIVERY_STATUS_KEYS]>>)[status];
  return key ? t(key) : status;
}

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
  const translator = newsroomTranslator(site, viewer);
  const { t } = translator;
  return (
    <NewsroomLayout site={site} title={t('nr.webhooks.title')} viewer={viewer} current={newsroomPaths.webhooks()}>
      <h1>{t('nr.webhooks.title')}</h1>
      <Notice text={done === 'deleted' && t('nr.webhooks.deleted')} />
      <p>{t('nr.webhooks.intro')}</p>
      <p>
        <a href={newsroomPaths.webhookNew()}>{t('nr.webhooks.new')}</a>
      </p>
      {webhooks.length === 0 ? (
        <p>{t('nr.webhooks.none')}</p>
      ) : (
        <DataTable
          class="staff-table"
          caption={t('nr.webhooks.caption')}
          captionHidden
          columns={[
            t('nr.webhooks.colName'),
            t('nr.webhooks.colUrl'),
            t('nr.webhooks.colEvents'),
            t('nr.webhooks.colState'),
            t('nr.webhooks.colLatest'),
          ]}
        >
          {webhooks.map((webhook) => (
            <tr key={webhook.id}>
              <th scope="row">
                <a href={newsroomPaths.webhook(webhook.id)}>{webhook.name}</a>
              </th>
              <td>
                <code>{webhook.url}</code>
              </td>
              <td>{webhook.events.join(', ')}</td>
              <td>{webhook.active ? t('nr.webhooks.enabled') : t('nr.webhooks.disabled')}</td>
              <td>
                {webhook.lastDelivery ? (
                  <a href={newsroomPaths.webhookDeliveries(webhook.id)}>
                    {deliveryStatusLabel(webhook.lastDelivery.status, translator)}
                    {webhook.lastDelivery.statusCode !== null ? ` (HTTP ${webhook.lastDelivery.statusCode})` : ''},{' '}
                    <time dateTime={webhook.lastDelivery.at.toISOString()}>
                      {translator.dateTime(webhook.lastDelivery.at, site.publication.timeZone)}
                    </time>
                  </a>
                ) : (
                  t('nr.webhooks.noDeliveryYet')
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </NewsroomLayout>
  );
}
