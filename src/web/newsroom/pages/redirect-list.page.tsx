import type { NotFoundPath, Redirect } from '../../../modules/redirects/index.js';
import type { Pagination } from '../../../shared/pagination.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { ErrorSummary, RequiredNote, TextField, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { PageLinks } from '../../shared/page-links.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';
import { useTranslator } from '../../shared/translator-context.js';

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

const NOTICES = { added: 'nr.redirects.added', removed: 'nr.redirects.removed' } as const;

function Time({ date, site }: { date: Date; site: SiteContext }) {
  const { dateTime } = useTranslator();
  return <time dateTime={date.toISOString()}>{dateTime(date, site.publication.timeZone)}</time>;
}

const hidden = (text: string) => <span class="visually-hidden">{text}</span>;
const code = (text: string) => <code>{text}</code>;

/**
 * Redirects for admins: old addresses (an imported archive's, or typed here) that readers are sent
 * on from with a permanent redirect; a form to add one, a button to remove each, and the addresses
 * readers asked for that matched nothing, each with a link that fills the form in.
 */
export function RedirectListPage(props: RedirectListProps) {
  const { site, viewer, redirects, pagination, search, notFound, errors = [] } = props;
  const { page, totalItems } = pagination;
  const { t, rich, number } = newsroomTranslator(site, viewer);
  const heading = t('nr.redirects.title');
  const paged = page > 1 ? t('nr.redirects.titlePaged', { page }) : heading;
  const title = errors.length > 0 ? t('nr.layout.errorTitle', { title: paged }) : paged;
  return (
    <NewsroomLayout site={site} title={title} viewer={viewer} current={newsroomPaths.redirects()}>
      <h1>{heading}</h1>
      <ErrorSummary errors={errors} />
      <Notice text={props.done && t(NOTICES[props.done])} />
      <p>{rich('nr.redirects.intro', { code })}</p>

      <h2 id="add-redirect">{t('nr.redirects.addHeading')}</h2>
      <form method="post" action={newsroomPaths.redirects()} class="newsroom-form newsroom-form-page">
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <RequiredNote />
        <TextField
          id="old-path"
          label={t('nr.redirects.oldPath')}
          type="text"
          autoComplete="off"
          value={props.path}
          maxLength={2048}
          hint={t('nr.redirects.oldPathHint')}
          errors={errors}
        />
        <TextField
          id="new-address"
          label={t('nr.redirects.newAddress')}
          type="text"
          autoComplete="off"
          value={props.target}
          maxLength={2000}
          hint={t('nr.redirects.newAddressHint')}
          errors={errors}
        />
        <button type="submit">{t('nr.redirects.add')}</button>
      </form>

      <h2 id="redirects">{heading}</h2>
      <form method="get" action={newsroomPaths.redirects()} class="search-form" role="search">
        <label for="redirect-search">{t('nr.redirects.searchLabel')}</label>
        <input id="redirect-search" type="search" name="q" value={search} maxLength={500} />
        <button type="submit">{t('nr.redirects.search')}</button>
      </form>
      <p>{search ? t('nr.redirects.countMatching', { count: totalItems, search }) : t('nr.redirects.count', { count: totalItems })}</p>
      {redirects.length > 0 && (
        <DataTable
          class="newsroom-table"
          wrap
          caption={t('nr.redirects.caption')}
          columns={[
            t('nr.redirects.colOldPath'),
            t('nr.redirects.colNewAddress'),
            t('nr.redirects.colAddedBy'),
            t('nr.redirects.colAdded'),
            t('nr.redirects.colActions'),
          ]}
        >
          {redirects.map((redirect) => (
            <tr key={redirect.path}>
              <th scope="row">
                <code>{redirect.path}</code>
              </th>
              <td>
                <a href={redirect.target}>{redirect.target}</a>
              </td>
              <td>{redirect.origin === 'import' ? t('nr.redirects.byImport') : t('nr.redirects.byNewsroom')}</td>
              <td>
                <Time date={redirect.createdAt} site={site} />
              </td>
              <td>
                <InlinePostForm action={newsroomPaths.redirectRemove()} csrfToken={viewer.csrfToken}>
                  <input type="hidden" name="path" value={redirect.path} />
                  <button type="submit">{rich('nr.redirects.remove', { hidden }, { path: redirect.path })}</button>
                </InlinePostForm>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <PageLinks
        label={t('nr.redirects.pagesLabel')}
        pagination={pagination}
        href={(target) => newsroomPaths.redirects({ q: search, page: target })}
        previous={t('nr.redirects.newer')}
        next={t('nr.redirects.older')}
      />

      <h2 id="not-found">{t('nr.redirects.notFoundHeading')}</h2>
      <p>{t('nr.redirects.notFoundIntro')}</p>
      {notFound.length === 0 ? (
        <p class="empty-note">{t('nr.redirects.notFoundEmpty')}</p>
      ) : (
        <DataTable
          class="newsroom-table"
          wrap
          caption={t('nr.redirects.notFoundCaption')}
          columns={[
            t('nr.redirects.colAddress'),
            t('nr.redirects.colRequests'),
            t('nr.redirects.colFirstAsked'),
            t('nr.redirects.colLastAsked'),
            t('nr.redirects.colActions'),
          ]}
        >
          {notFound.map((entry) => (
            <tr key={entry.path}>
              <th scope="row">
                <code>{entry.path}</code>
              </th>
              <td class="numeric">{number(entry.hits)}</td>
              <td>
                <Time date={entry.firstSeenAt} site={site} />
              </td>
              <td>
                <Time date={entry.lastSeenAt} site={site} />
              </td>
              <td>
                <a href={`${newsroomPaths.redirects({ path: entry.path })}#add-redirect`}>
                  {rich('nr.redirects.addFor', { hidden }, { path: entry.path })}
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </NewsroomLayout>
  );
}
