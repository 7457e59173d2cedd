import type { ComponentChildren } from 'preact';
import { Layout } from '../../site/components/layout.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';

/**
 * Every account page: the public site's layout (masthead, skip links, footer), kept out of search
 * engines. A page showing errors says so first in its title, so screen readers hear it at once.
 */
export function AccountLayout({
  site,
  title,
  hasErrors = false,
  children,
}: {
  site: SiteContext;
  title: string;
  hasErrors?: boolean;
  children: ComponentChildren;
}) {
  const { t } = siteTranslator(site);
  const meta = { title: hasErrors ? t('nr.layout.errorTitle', { title }) : title, description: t('account.description', { title }), noindex: true };
  return (
    <Layout site={site} meta={meta}>
      <div class="account-page newsroom-form-page">{children}</div>
    </Layout>
  );
}
