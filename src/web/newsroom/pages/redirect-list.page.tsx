import type { NotFoundPath, Redirect } from '../../../modules/redirects/index.js';
import type { Pagination } from '../../../shared/pagination.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { formatDateTime } from '../../shared/format.js';
import { Notice } from '../../shared/notice.js';
import { PageLinks } from '../../shared/page-links.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

export interface RedirectListProps {
  site: SiteContext;
  viewer: NewsroomViewer;
  redirects: readonly Redirect[];
  pagination: Pagination;
  search: string;
  /** The 404 log's most asked-for paths. */
  notFound: readonly NotFoundPath[];
  /** After a change (303 back here). */
  done?: 'added' | 'removed';
  /** The add form's values: as typed when refused, or prefilled from the 404 log. */
  path?: string;
  target?: string;
  errors?: readonly FieldError[];
}

const NOTICES = { added: 'The redirect was added. Readers asking for the old path now go to the new address.', removed: 'The redirect was removed.' };

function Time({ date, site }: { date: Date; site: SiteContext }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date, site.publication)}</time>;
}

/**
 * Redirects for admins: old addresses (an imported archive's, or typed here) that readers are sent
 * on from with a permanent redirect; a form to add one, a button to remove each, and the addresses
 * readers asked for that matched nothing, each with a link that fills the form in.
 */
export function RedirectListPage(props: RedirectListProps) {
  const { site, viewer, redirects, pagination, search, notFound, errors = [] } = props;
  const { page, totalItems } = pagination;
  const title = `${errors.length > 0 ? 'Error: ' : ''}Redirects${page > 1 ? ` (page ${page})` : ''}`;
  return (
    <NewsroomLayout site={site} title={title} viewer={viewer} current={newsroomPaths.redirects()}>
      <h1>Redirects</h1>
      <ErrorSummary errors={errors} />
      <Notice text={props.done && NOTICES[props.done]} />
      <p>
        When someone asks for an address this site does not serve, such as a link to a story on the publication’s previous site, and a redirect is
        listed for it here, they are sent on to its new address with a permanent redirect (301), and search engines update their links. Addresses are
        matched whatever their letter case, trailing slash or tracking parameters; WordPress links such as <code>/?p=123</code> keep their query.
      </p>

      <h2 id="add-redirect">Add a redirect</h2>
      <form method="post" action={newsroomPaths.redirects()} class="newsroom-form newsroom-form-page">
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <RequiredNote />
        <TextField
          id="old-path"
          label="Old path"
          type="text"
          autoComplete="off"
          value={props.path}
          maxLength={2048}
          hint="The address as it was, from its first / on, such as /2024/05/31/harbour-reopens/ or /?p=123."
          errors={errors}
        />
        <TextField
          id="new-address"
          label="New address"
          type="text"
          autoComplete="off"
          value={props.target}
          maxLength={2000}
          hint="A path on this site, such as /article/harbour-reopens, or a full address starting with https://."
          errors={errors}
        />
        <button type="submit">Add redirect</button>
      </form>

      <h2 id="redirects">Redirects</h2>
      <form method="get" action={newsroomPaths.redirects()} class="search-form" role="search">
        <label for="redirect-search">Search by old path</label>
        <input id="redirect-search" type="search" name="q" value={search} maxLength={500} />
        <button type="submit">Search</button>
      </form>
      <p>
        {totalItems === 1 ? '1 redirect' : `${totalItems.toLocaleString('en')} redirects`}
        {search ? ` matching “${search}”` : ''}.
      </p>
      {redirects.length > 0 && (
        <DataTable
          class="newsroom-table"
          wrap
          caption="Redirects, newest first"
          columns={['Old path', 'New address', 'Added by', 'Added', 'Actions']}
        >
          {redirects.map((redirect) => (
            <tr key={redirect.path}>
              <th scope="row">
                <code>{redirect.path}</code>
              </th>
              <td>
                <a href={redirect.target}>{redirect.target}</a>
              </td>
              <td>{redirect.origin === 'import' ? 'Import' : 'Newsroom'}</td>
              <td>
                <Time date={redirect.createdAt} site={site} />
              </td>
              <td>
                <InlinePostForm action={newsroomPaths.redirectRemove()} csrfToken={viewer.csrfToken}>
                  <input type="hidden" name="path" value={redirect.path} />
                  <button type="submit">
                    Remove<span class="visually-hidden"> the redirect from {redirect.path}</span>
                  </button>
                </InlinePostForm>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <PageLinks
        label="Pages of redirects"
        pagination={pagination}
        href={(target) => newsroomPaths.redirects({ q: search, page: target })}
        previous="← Newer redirects"
        next="Older redirects →"
      />

      <h2 id="not-found">Addresses not found</h2>
      <p>
        The addresses readers asked for most that matched nothing, counted every few seconds; the log keeps the 1,000 most asked for. Adding a
        redirect for one takes it off this list.
      </p>
      {notFound.length === 0 ? (
        <p class="empty-note">No address has been asked for that the site could not find.</p>
      ) : (
        <DataTable
          class="newsroom-table"
          wrap
          caption="Most asked-for addresses that matched nothing"
          columns={['Address', 'Requests', 'First asked for', 'Last asked for', 'Actions']}
        >
          {notFound.map((entry) => (
            <tr key={entry.path}>
              <th scope="row">
                <code>{entry.path}</code>
              </th>
              <td class="numeric">{entry.hits.toLocaleString('en')}</td>
              <td>
                <Time date={entry.firstSeenAt} site={site} />
              </td>
              <td>
                <Time date={entry.lastSeenAt} site={site} />
              </td>
              <td>
                <a href={`${newsroomPaths.redirects({ path: entry.path })}#add-redirect`}>
                  Add a redirect<span class="visually-hidden"> for {entry.path}</span>
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </NewsroomLayout>
  );
}
