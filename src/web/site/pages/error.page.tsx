import { Layout } from '../components/layout.js';
import type { SiteContext } from '../../shared/site-context.js';

const TITLES: Record<number, string> = {
  400: 'We could not read that address',
  404: 'Page not found',
  405: 'Not supported',
  410: 'This story has been withdrawn',
  500: 'Something went wrong',
  503: 'Briefly unavailable',
};

/** A readable page for every error: what happened, and a way back. */
export function ErrorPage({ site, status, message }: { site: SiteContext; status: number; message: string }) {
  const title = TITLES[status] ?? 'Something went wrong';
  return (
    <Layout site={site} meta={{ title, description: message, noindex: true }}>
      <div class="error-page">
        <p class="error-status">Error {status}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/">Go to the front page</a> or use the sections above to find the latest stories.
        </p>
      </div>
    </Layout>
  );
}
