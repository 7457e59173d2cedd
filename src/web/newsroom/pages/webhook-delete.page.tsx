import type { Webhook } from '../../../modules/webhooks/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** The confirmation step before a webhook and its delivery log are deleted. */
export function WebhookDeletePage({ site, viewer, webhook }: { site: SiteContext; viewer: NewsroomViewer; webhook: Webhook }) {
  const { t, rich } = newsroomTranslator(site, viewer);
  return (
    <NewsroomLayout site={site} title={t('nr.webhooks.deleteTitle')} viewer={viewer} current={newsroomPaths.webhooks()}>
      <h1>{t('nr.webhooks.deleteHeading', { name: webhook.name })}</h1>
      <p>{rich('nr.webhooks.deleteWarning', { code: (text) => <code>{text}</code> }, { url: webhook.url })}</p>
      <form method="post" action={newsroomPaths.webhookAction(webhook.id, 'delete')}>
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <button type="submit">{t('nr.webhooks.deleteYes')}</button>
      </form>
      <p>
        <a href={newsroomPaths.webhook(webhook.id)}>{t('nr.webhooks.deleteNo')}</a>
      </p>
    </NewsroomLayout>
  );
}
