import type { Section } from '../../../modules/sections/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

/** Sections in their navigation order, with buttons to move each one. */
export function SectionListPage({ site, viewer, sections }: { site: SiteContext; viewer: NewsroomViewer; sections: readonly Section[] }) {
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
        columns={['Name', 'Web address', 'In navigation', 'Order']}
      >
        {sections.map((section, index) => (
          <tr key={section.id}>
            <th scope="row">
              <a href={newsroomPaths.section(section.id)}>
                {section.name}
                <span class="visually-hidden"> (edit)</span>
              </a>
            </th>
            <td>
              <code>/section/{section.slug}</code>
            </td>
            <td>{section.inNavigation ? 'Yes' : 'No'}</td>
            <td>
              <InlinePostForm action={newsroomPaths.sectionMove(section.id)} csrfToken={viewer.csrfToken}>
                {index > 0 && (
                  <button type="submit" name="direction" value="up">
                    Move up<span class="visually-hidden">{`: ${section.name}`}</span>
                  </button>
                )}
                {index < sections.length - 1 && (
                  <button type="submit" name="direction" value="down">
                    Move down<span class="visually-hidden">{`: ${section.name}`}</span>
                  </button>
                )}
              </InlinePostForm>
            </td>
          </tr>
        ))}
      </DataTable>
    </NewsroomLayout>
  );
}
