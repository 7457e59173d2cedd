import type { Reader } from '../../../modules/readers/index.js';
import type { Translator } from '../../../shared/i18n/index.js';
import type { Pagination } from '../../../shared/pagination.js';
import { PageLinks } from '../../shared/page-links.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { PostButton } from '../components/inline-post-form.js';
import { ShownOnce } from '../components/shown-once.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

export interface ReaderListProps {
  site: SiteContext;
  viewer: NewsroomViewer;
  readers: readonly Reader[];
  pagination: Pagination;
  search: string;
  /** Shown once, right after the link is made: only its hash is kept. */
  resetLink?: { url: string; email: string; expiresAt: Date };
}

function readerState(reader: Reader, { t }: Translator): string {
  if (reader.deleted) return t('nr.readers.state.deleted');
  if (reader.banned) return t('nr.readers.state.banned');
  // Until the link in the sign-up message is followed, the account cannot comment.
  return reader.confirmed ? t('nr.readers.state.active') : t('nr.readers.state.unconfirmed');
}

/** Reader accounts: who signed up when, confirmed, banned or deleted, and a one-time password-reset link. */
export function ReaderListPage(props: ReaderListProps) {
  const { site, viewer, readers, pagination, search } = props;
  const { page, totalItems } = pagination;
  const translator = newsroomTranslator(site, viewer);
  const { t } = translator;
  const title = page > 1 ? t('nr.readers.titlePage', { page: String(page) }) : t('nr.nav.readers');
  return (
    <NewsroomLayout site={site} title={title} viewer={viewer} current={newsroomPaths.readers()}>
      <h1>{t('nr.nav.readers')}</h1>
      {props.resetLink && (
        <ShownOnce secret={props.resetLink.url}>
          {translator.rich('nr.readers.resetLinkCreated', { email: (text) => <strong>{text}</strong> }, { email: props.resetLink.email })}
        </ShownOnce>
      )}
      <form method="get" action={newsroomPaths.readers()} class="search-form" role="search">
        <label for="reader-search">{t('nr.readers.searchLabel')}</label>
        <input id="reader-search" type="search" name="q" value={search} maxLength={254} />
        <button type="submit">{t('nr.readers.search')}</button>
      </form>
      <p>{search ? t('nr.readers.countMatching', { count: totalItems, search }) : t('nr.readers.count', { count: totalItems })}</p>
      {readers.length > 0 && (
        <DataTable
          class="staff-table"
          caption={t('nr.readers.caption')}
          captionHidden
          columns={[t('nr.readers.name'), t('nr.readers.email'), t('nr.readers.created'), t('nr.readers.state'), t('nr.readers.actions')]}
        >
          {readers.map((reader) => (
            <tr key={reader.id}>
              <th scope="row">{reader.deleted ? t('nr.readers.deletedReader') : reader.displayName}</th>
              <td>{reader.deleted ? '—' : reader.email}</td>
              <td>
                <time dateTime={reader.createdAt.toISOString()}>{reader.createdAt.toISOString().slice(0, 10)}</time>
              </td>
              <td>{readerState(reader, translator)}</td>
              <td>
                {!reader.deleted && (
                  <PostButton
                    action={newsroomPaths.readerResetLink(reader.id)}
                    csrfToken={viewer.csrfToken}
                    label={t('nr.readers.createResetLink')}
                    context={t('nr.readers.resetLinkFor', { name: reader.displayName })}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <PageLinks
        label={t('nr.readers.pagesLabel')}
        pagination={pagination}
        href={(target) => newsroomPaths.readers({ q: search, page: target })}
        previous={t('nr.readers.previous')}
        next={t('nr.readers.next')}
      />
    </NewsroomLayout>
  );
}
