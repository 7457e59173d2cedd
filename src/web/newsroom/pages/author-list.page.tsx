import type { Author } from '../../../modules/authors/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** Author profiles, each with the staff account its bylines belong to. */
export function AuthorListPage({
  site,
  viewer,
  authors,
  accounts,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  authors: readonly Author[];
  /** Display name of the staff account linked to each author, by author id. */
  accounts: ReadonlyMap<string, string>;
}) {
  const { t } = newsroomTranslator(site, viewer);
  return (
    <NewsroomLayout site={site} title={t('nr.authors.title')} viewer={viewer} current={newsroomPaths.authors()}>
      <h1>{t('nr.authors.title')}</h1>
      <p>
        <a href={newsroomPaths.authorNew()}>{t('nr.authors.new')}</a>
      </p>
      <DataTable
        class="section-table"
        caption={t('nr.authors.caption')}
        captionHidden
        columns={[t('nr.authors.colName'), t('nr.authors.colJobTitle'), t('nr.authors.colEmail'), t('nr.authors.colAccount')]}
      >
        {authors.map((author) => (
          <tr key={author.id}>
            <th scope="row">
              <a href={newsroomPaths.author(author.id)}>
                {author.name}
                <span class="visually-hidden"> {t('nr.authors.editHidden')}</span>
              </a>
            </th>
            <td>{author.jobTitle}</td>
            <td>{author.email}</td>
            <td>{accounts.get(author.id) ?? t('nr.authors.noAccount')}</td>
          </tr>
        ))}
      </DataTable>
    </NewsroomLayout>
  );
}
