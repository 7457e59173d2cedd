import type { Reader } from '../../../modules/readers/index.js';
import type { Pagination } from '../../../shared/pagination.js';
import { PageLinks } from '../../shared/page-links.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { PostButton } from '../components/inline-post-form.js';
import { ShownOnce } from '../components/shown-once.js';
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
  if (reader.banned) return 'Banned';
  // Until the link in the sign-up message is followed, the account cannot comment.
  return reader.confirmed ? 'Active' : 'Not confirmed yet';
}

/** Reader accounts: who signed up when, confirmed, banned or deleted, and a one-time password-reset link. */
export function ReaderListPage(props: ReaderListProps) {
  const { site, viewer, readers, pagination, search } = props;
  const { page, totalItems } = pagination;
  return (
    <NewsroomLayout site={site} title={page > 1 ? `Readers (page ${page})` : 'Readers'} viewer={viewer} current={newsroomPaths.readers()}>
      <h1>Readers</h1>
      {props.resetLink && (
        <ShownOnce secret={props.resetLink.url}>
          Password-reset link created for <strong>{props.resetLink.email}</strong>. Pass it on to them; it works once, for 24 hours, any earlier link
          no longer works, and it will not be shown again:
        </ShownOnce>
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
        <DataTable class="staff-table" caption="Reader accounts" captionHidden columns={['Name', 'E-mail', 'Created', 'State', 'Actions']}>
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
                  <PostButton
                    action={newsroomPaths.readerResetLink(reader.id)}
                    csrfToken={viewer.csrfToken}
                    label="Create password-reset link"
                    context={` for ${reader.displayName}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <PageLinks
        label="Pages of readers"
        pagination={pagination}
        href={(target) => newsroomPaths.readers({ q: search, page: target })}
        previous="← Previous page"
        next="Next page →"
      />
    </NewsroomLayout>
  );
}
