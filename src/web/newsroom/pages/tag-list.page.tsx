import type { Tag } from '../../../modules/tags/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, type FieldError } from '../../shared/form-fields.js';
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
      <table class="section-table">
        <caption class="visually-hidden">Tags and how many stories carry each</caption>
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col">Stories</th>
            <th scope="col">Rename</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => {
            const error = errors.find((candidate) => candidate.field === `tag-${tag.id}`);
            return (
              <tr key={tag.id}>
                <th scope="row">{tag.name}</th>
                <td>{tag.storyCount}</td>
                <td>
                  <form method="post" action={newsroomPaths.tag(tag.id)} class="inline-form">
                    <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
                    <label for={`tag-${tag.id}`} class="visually-hidden">{`New name for ${tag.name}`}</label>
                    <input
                      id={`tag-${tag.id}`}
                      name="name"
                      type="text"
                      value={tag.name}
                      maxLength={60}
                      required
                      aria-invalid={error ? 'true' : undefined}
                    />
                    <button type="submit">
                      Rename<span class="visually-hidden">{` ${tag.name}`}</span>
                    </button>
                  </form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </NewsroomLayout>
  );
}
