import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

const TITLES: Record<number, string> = {
  400: 'That did not work',
  401: 'Please sign in',
  403: 'Not allowed',
  404: 'Page not found',
  429: 'Too many attempts',
};

/** A readable newsroom error: what happened, and where to go next. */
export function NewsroomErrorPage({ site, status, message }: { site: SiteContext; status: number; message: string }) {
  const title = TITLES[status] ?? 'Something went wrong';
  return (
    <NewsroomLayout site={site} title={title}>
      <div class="error-page">
        <p class="error-status">Error {status}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          {status === 401 ? <a href={newsroomPaths.signIn()}>Sign in to the newsroom</a> : <a href={newsroomPaths.home()}>Go to the newsroom home</a>}
        </p>
      </div>
    </NewsroomLayout>
  );
}
