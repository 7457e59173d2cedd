import type { Section } from '../../../modules/sections/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
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
      <table class="section-table">
        <caption class="visually-hidden">Sections in navigation order</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Web address</th>
            <th scope="col">In navigation</th>
            <th scope="col">Order</th>
          </tr>
        </thead>
        <tbody>
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
                <form method="post" action={newsroomPaths.sectionMove(section.id)} class="inline-form">
                  <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
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
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </NewsroomLayout>
  );
}
