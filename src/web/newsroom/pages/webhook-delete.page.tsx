import type { Webhook } from '../../../modules/webhooks/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

/** The confirmation step before a webhook and its delivery log are deleted. */
export function WebhookDeletePage({ site, viewer, webhook }: { site: SiteContext; viewer: NewsroomViewer; webhook: Webhook }) {
  return (
    <NewsroomLayout site={site} title="Delete webhook" viewer={viewer} current={newsroomPaths.webhooks()}>
      <h1>Delete the webhook “{webhook.name}”?</h1>
      <p>
        Nothing more is sent to <code>{webhook.url}</code>; pending deliveries are dropped and its delivery log is deleted.
      </p>
      <form method="post" action={newsroomPaths.webhookAction(webhook.id, 'delete')}>
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <button type="submit">Yes, delete this webhook</button>
      </form>
      <p>
        <a href={newsroomPaths.webhook(webhook.id)}>No, go back to the webhook</a>
      </p>
    </NewsroomLayout>
  );
}
