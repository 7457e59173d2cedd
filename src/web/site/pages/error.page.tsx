import { paths } from '../../shared/paths.js';
import { Layout } from '../components/layout.js';
import type { ErrorCode } from '../../../shared/errors.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';

const TITLES: Record<number, MessageKey> = {
  400: 'error.title.400',
  404: 'error.title.404',
  405: 'error.title.405',
  410: 'error.title.410',
  500: 'error.title.500',
  503: 'error.title.503',
};

/**
 * A readable page for every error: what happened, and a way back. The message is the code's, in the
 * page's language; `status` may differ from the code's own (a framework 4xx answered as ERR_BAD_REQUEST).
 */
export function ErrorPage({ site, status, code }: { site: SiteContext; status: number; code: ErrorCode }) {
  const { t, rich, error } = siteTranslator(site);
  const message = error(code);
  const title = t(TITLES[status] ?? 'error.title.500');
  return (
    <Layout site={site} meta={{ title, description: message, noindex: true }}>
      <div class="error-page">
        <p class="error-status">{t('error.status', { status: String(status) })}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>{rich('error.wayBack', { link: (text) => <a href={paths.home()}>{text}</a> })}</p>
      </div>
    </Layout>
  );
}
