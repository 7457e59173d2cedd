import type { Edition } from '../../../modules/editions/index.js';
import type { Section } from '../../../modules/sections/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { editionLabel, editionRoot } from '../components/edition-label.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

/**
 * Sections in their navigation order, with buttons to move each one. Each edition has its own
 * order; with more than one edition the sections come edition by edition, each with its edition named.
 */
export function SectionListPage({
  site,
  viewer,
  sections,
  editions,
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  sections: readonly Section[];
  editions: readonly Edition[];
}) {
  const several = editions.length > 1;
  const groups = editions.map((edition) => ({ edition, sections: sections.filter((section) => section.editionId === edition.id) }));
  return (
    <NewsroomLayout site={site} title="Sections" viewer={viewer} current={newsroomPaths.sections()}>
      <h1>Sections</h1>
      <p>
        <a href={newsroomPaths.sectionNew()}>New section</a>
      </p>
      <DataTable
        class="section-table"
        caption="Sections in navigation order"
        captionHidden
        columns={several ? ['Name', 'Edition', 'Web address', 'In navigation', 'Order'] : ['Name', 'Web address', 'In navigation', 'Order']}
      >
        {groups.flatMap(({ edition, sections: inEdition }) =>
          inEdition.map((section, index) => (
            <tr key={section.id}>
              <th scope="row">
                <a href={newsroomPaths.section(section.id)}>
                  {section.name}
                  <span class="visually-hidden"> (edit)</span>
                </a>
              </th>
              {several && <td>{editionLabel(edition)}</td>}
              <td>
                <code>
                  {editionRoot(edition)}/section/{section.slug}
                </code>
              </td>
              <td>{section.inNavigation ? 'Yes' : 'No'}</td>
              <td>
                <InlinePostForm action={newsroomPaths.sectionMove(section.id)} csrfToken={viewer.csrfToken}>
                  {index > 0 && (
                    <button type="submit" name="direction" value="up">
                      Move up<span class="visually-hidden">{`: ${section.name}`}</span>
                    </button>
                  )}
                  {index < inEdition.length - 1 && (
                    <button type="submit" name="direction" value="down">
                      Move down<span class="visually-hidden">{`: ${section.name}`}</span>
                    </button>
                  )}
                </InlinePostForm>
              </td>
            </tr>
          )),
        )}
      </DataTable>
    </NewsroomLayout>
  );
}
