import type { SiteContext } from '../../shared/site-context.js';
import { paths } from '../../shared/paths.js';
import { AccountLayout } from './account-layout.js';

const TITLES: Record<number, string> = {
  400: 'That did not work',
  401: 'Please sign in',
  403: 'Nothing was changed',
  404: 'Not found',
  409: 'That did not work',
  410: 'This link no longer works',
  429: 'Please wait a while',
};

/** An error on an account page: what happened, and where to go from here. */
export function AccountErrorPage({ site, status, message }: { site: SiteContext; status: number; message: string }) {
  const title = TITLES[status] ?? 'Something went wrong';
  return (
    <AccountLayout site={site} title={title}>
      <div class="error-page">
        <p class="error-status">Error {status}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href={paths.account.home()}>Go to your account</a> or <a href={paths.home()}>the front page</a>.
        </p>
      </div>
    </AccountLayout>
  );
}
