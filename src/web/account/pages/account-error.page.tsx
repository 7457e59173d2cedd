import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { paths } from '../../shared/paths.js';
import { AccountLayout } from './account-layout.js';

type ErrorTitleKey = `account.error.${400 | 401 | 403 | 404 | 410 | 429}`;

const TITLES: Partial<Record<number, ErrorTitleKey>> = {
  400: 'account.error.400',
  401: 'account.error.401',
  403: 'account.error.403',
  404: 'account.error.404',
  409: 'account.error.400',
  410: 'account.error.410',
  429: 'account.error.429',
};

/** An error on an account page: what happened, and where to go from here. */
export function AccountErrorPage({ site, status, message }: { site: SiteContext; status: number; message: string }) {
  const { t, rich } = siteTranslator(site);
  const key = TITLES[status];
  const title = key ? t(key) : t('error.title.500');
  return (
    <AccountLayout site={site} title={title}>
      <div class="error-page">
        <p class="error-status">{t('error.status', { status: String(status) })}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          {rich('account.error.wayBack', {
            account: (text) => <a href={paths.account.home()}>{text}</a>,
            home: (text) => <a href={paths.home()}>{text}</a>,
          })}
        </p>
      </div>
    </AccountLayout>
  );
}
