import type { Author } from '../../../modules/authors/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

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
  return (
    <NewsroomLayout site={site} title="Authors" viewer={viewer} current={newsroomPaths.authors()}>
      <h1>Authors</h1>
      <p>
        <a href={newsroomPaths.authorNew()}>New author</a>
      </p>
      <DataTable class="section-table" caption="Author profiles" captionHidden columns={['Name', 'Job title', 'E-mail', 'Staff account']}>
        {authors.map((author) => (
          <tr key={author.id}>
            <th scope="row">
              <a href={newsroomPaths.author(author.id)}>
                {author.name}
                <span class="visually-hidden"> (edit)</span>
              </a>
            </th>
            <td>{author.jobTitle}</td>
            <td>{author.email}</td>
            <td>{accounts.get(author.id) ?? 'None'}</td>
          </tr>
        ))}
      </DataTable>
    </NewsroomLayout>
  );
}
