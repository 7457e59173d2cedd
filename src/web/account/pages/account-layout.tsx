import type { ComponentChildren } from 'preact';
import { Layout } from '../../site/components/layout.js';
import type { SiteContext } from '../../shared/site-context.js';

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
  return (
    <Layout site={site} meta={{ title: hasErrors ? `Error: ${title}` : title, description: `${title} — your reader account.`, noindex: true }}>
      <div class="account-page newsroom-form-page">{children}</div>
    </Layout>
  );
}
