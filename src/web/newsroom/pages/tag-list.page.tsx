import type { Tag } from '../../../modules/tags/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, type FieldError } from '../../shared/form-fields.js';
import { DataTable } from '../components/data-table.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/** Every tag with its story count, each renamable in place. */
export function TagListPage({
  site,
  viewer,
  tags,
  errors = [],
}: {
  site: SiteContext;
  viewer: NewsroomViewer;
  tags: ReadonlyArray<Tag & { storyCount: number }>;
  errors?: readonly FieldError[];
}) {
  const { t } = newsroomTranslator(site, viewer);
  const title = t('nr.tags.title');
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={viewer}
      current={newsroomPaths.tags()}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <p id="tag-name-hint" class="field-hint">
        {t('nr.tags.hint')}
      </p>
      <DataTable
        class="section-table"
        caption={t('nr.tags.caption')}
        captionHidden
        columns={[t('nr.tags.colTag'), t('nr.tags.colStories'), t('nr.tags.colRename')]}
      >
        {tags.map((tag) => {
          const error = errors.find((candidate) => candidate.field === `tag-${tag.id}`);
          return (
            <tr key={tag.id}>
              <th scope="row">{tag.name}</th>
              <td>{tag.storyCount}</td>
              <td>
                <InlinePostForm action={newsroomPaths.tag(tag.id)} csrfToken={viewer.csrfToken}>
                  <label for={`tag-${tag.id}`} class="visually-hidden">
                    {t('nr.tags.newNameFor', { name: tag.name })}
                  </label>
                  <input
                    id={`tag-${tag.id}`}
                    name="name"
                    type="text"
                    value={tag.name}
                    maxLength={60}
                    required
                    aria-invalid={error ? 'true' : undefined}
                    aria-describedby={error ? `tag-${tag.id}-error tag-name-hint` : 'tag-name-hint'}
                  />
                  <button type="submit">
                    {t('nr.tags.rename')}
                    <span class="visually-hidden">{` ${tag.name}`}</span>
                  </button>
                  {error && (
                    <p id={`tag-${tag.id}-error`} class="field-error">
                      <span class="visually-hidden">{t('form.errorPrefix')}</span>
                      {error.message}
                    </p>
                  )}
                </InlinePostForm>
              </td>
            </tr>
          );
        })}
      </DataTable>
    </NewsroomLayout>
  );
}
