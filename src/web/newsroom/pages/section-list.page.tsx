import type { Edition } from '../../../modules/editions/index.js';
import type { Section } from '../../../modules/sections/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { DataTable } from '../components/data-table.js';
import { editionLabel, editionRoot } from '../components/edition-label.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

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
  const { t } = newsroomTranslator(site, viewer);
  const several = editions.length > 1;
  const groups = editions.map((edition) => ({ edition, sections: sections.filter((section) => section.editionId === edition.id) }));
  return (
    <NewsroomLayout site={site} title={t('nr.sections.title')} viewer={viewer} current={newsroomPaths.sections()}>
      <h1>{t('nr.sections.title')}</h1>
      <p>
        <a href={newsroomPaths.sectionNew()}>{t('nr.sections.new')}</a>
      </p>
      <DataTable
        class="section-table"
        caption={t('nr.sections.caption')}
        captionHidden
        columns={[
          t('nr.sections.colName'),
          ...(several ? [t('nr.sections.colEdition')] : []),
          t('nr.sections.colAddress'),
          t('nr.sections.colInNavigation'),
          t('nr.sections.colOrder'),
        ]}
      >
        {groups.flatMap(({ edition, sections: inEdition }) =>
          inEdition.map((section, index) => (
            <tr key={section.id}>
              <th scope="row">
                <a href={newsroomPaths.section(section.id)}>
                  {section.name}
                  <span class="visually-hidden"> {t('nr.sections.editHidden')}</span>
                </a>
              </th>
              {several && <td>{editionLabel(edition)}</td>}
              <td>
                <code>
                  {editionRoot(edition)}/section/{section.slug}
                </code>
              </td>
              <td>{section.inNavigation ? t('nr.sections.yes') : t('nr.sections.no')}</td>
              <td>
                <InlinePostForm action={newsroomPaths.sectionMove(section.id)} csrfToken={viewer.csrfToken}>
                  {index > 0 && (
                    <button type="submit" name="direction" value="up">
                      {t('nr.sections.moveUp')}
                      <span class="visually-hidden">{`: ${section.name}`}</span>
                    </button>
                  )}
                  {index < inEdition.length - 1 && (
                    <button type="submit" name="direction" value="down">
                      {t('nr.sections.moveDown')}
                      <span class="visually-hidden">{`: ${section.name}`}</span>
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
