import type { Reader } from '../../../modules/readers/index.js';
import type { Pagination } from '../../../shared/pagination.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

export interface ReaderListProps {
  site: SiteContext;
  viewer: NewsroomViewer;
  readers: readonly Reader[];
  pagination: Pagination;
  search: string;
  /** Shown once, right after the link is made: only its hash is kept. */
  resetLink?: { url: string; email: string; expiresAt: Date };
}

function readerState(reader: Reader): string {
  if (reader.deleted) return 'Deleted';
  return reader.banned ? 'Banned' : 'Active';
}

/** Reader accounts: who signed up when, banned or deleted, and a one-time password-reset link. */
export function ReaderListPage(props: ReaderListProps) {
  const { site, viewer, readers, pagination, search } = props;
  const { page, totalPages, totalItems } = pagination;
  return (
    <NewsroomLayout site={site} title={page > 1 ? `Readers (page ${page})` : 'Readers'} viewer={viewer} current={newsroomPaths.readers()}>
      <h1>Readers</h1>
      {props.resetLink && (
        <div class="newsroom-notice invitation-link" role="status">
          <p>
            Password-reset link created for <strong>{props.resetLink.email}</strong>. Pass it on to them; it works once, for 24 hours, any earlier link no longer
            works, and it will not be shown again:
          </p>
          <p>
            <code>{props.resetLink.url}</code>
          </p>
        </div>
      )}
      <form method="get" action={newsroomPaths.readers()} class="search-form" role="search">
        <label for="reader-search">Search by e-mail address or name</label>
        <input id="reader-search" type="search" name="q" value={search} maxLength={254} />
        <button type="submit">Search</button>
      </form>
      <p>
        {totalItems === 1 ? '1 reader' : `${totalItems} readers`}
        {search ? ` matching “${search}”` : ''}.
      </p>
      {readers.length > 0 && (
        <table class="staff-table">
          <caption class="visually-hidden">Reader accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Created</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {readers.map((reader) => (
              <tr key={reader.id}>
                <th scope="row">{reader.deleted ? 'A deleted reader' : reader.displayName}</th>
                <td>{reader.deleted ? '—' : reader.email}</td>
                <td>
                  <time dateTime={reader.createdAt.toISOString()}>{reader.createdAt.toISOString().slice(0, 10)}</time>
                </td>
                <td>{readerState(reader)}</td>
                <td>
                  {!reader.deleted && (
                    <form method="post" action={newsroomPaths.readerResetLink(reader.id)} class="inline-form">
                      <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
                      <button type="submit">
                        Create password-reset link<span class="visually-hidden">{` for ${reader.displayName}`}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {totalPages > 1 && (
        <nav class="pagination" aria-label="Pages of readers">
          {page > 1 && (
            <a href={newsroomPaths.readers({ q: search, page: page - 1 })} rel="prev">
              ← Previous page
            </a>
          )}
          <span>
            Page {page} of {totalPages}
          </span>
          {page < totalPages && (
            <a href={newsroomPaths.readers({ q: search, page: page + 1 })} rel="next">
              Next page →
            </a>
          )}
        </nav>
      )}
    </NewsroomLayout>
  );
}
