import type { Tag } from '../../../modules/tags/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, type FieldError } from '../../shared/form-fields.js';
import { DataTable } from '../components/data-table.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

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
  return (
    <NewsroomLayout site={site} title={errors.length > 0 ? 'Error: Tags' : 'Tags'} viewer={viewer} current={newsroomPaths.tags()}>
      <h1>Tags</h1>
      <ErrorSummary errors={errors} />
      <p id="tag-name-hint" class="field-hint">
        Rename a tag in its row. A name must be filled in: 1 to 60 characters on one line. The tag keeps its web address.
      </p>
      <DataTable class="section-table" caption="Tags and how many stories carry each" captionHidden columns={['Tag', 'Stories', 'Rename']}>
        {tags.map((tag) => {
          const error = errors.find((candidate) => candidate.field === `tag-${tag.id}`);
          return (
            <tr key={tag.id}>
              <th scope="row">{tag.name}</th>
              <td>{tag.storyCount}</td>
              <td>
                <InlinePostForm action={newsroomPaths.tag(tag.id)} csrfToken={viewer.csrfToken}>
                  <label for={`tag-${tag.id}`} class="visually-hidden">{`New name for ${tag.name}`}</label>
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
                    Rename<span class="visually-hidden">{` ${tag.name}`}</span>
                  </button>
                  {error && (
                    <p id={`tag-${tag.id}-error`} class="field-error">
                      <span class="visually-hidden">Error: </span>
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
