import type { ArticleStatus } from '../../../modules/articles/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { StoryFields, type StoryChoices } from '../components/story-fields.js';
import { StoryWorkflowPanel } from '../components/story-workflow-panel.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { editorBodyOf, type StoryFormValues } from '../story-form.js';

/** The story editor: a new story (no `story`) or an existing one with its workflow panel. */
export function StoryEditPage(props: {
  site: SiteContext;
  viewer: NewsroomViewer;
  values: StoryFormValues;
  choices: StoryChoices;
  errors?: readonly FieldError[];
  story?: { id: string; status: ArticleStatus; scheduleValue: string };
  notice?: string;
}) {
  const { site, viewer, values, story } = props;
  const errors = props.errors ?? [];
  const title = story ? `Edit: ${values.headline || 'story'}` : 'New story';
  const action = story ? newsroomPaths.story(story.id) : newsroomPaths.newStory();
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? `Error: ${title}` : title}
      viewer={viewer}
      current={newsroomPaths.stories()}
      stylesheets={['newsroom-editor.css']}
    >
      <div class="story-editor">
        <h1>{story ? 'Edit story' : 'New story'}</h1>
        <Notice text={props.notice} />
        <ErrorSummary errors={errors} />
        <form
          method="post"
          action={action}
          class="newsroom-form story-form"
          data-autosave-url={story ? newsroomPaths.storyAction(story.id, 'autosave') : undefined}
        >
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <StoryFields values={values} errors={errors} choices={props.choices} previewBodyUrl={newsroomPaths.previewBody()} />
          <div class="story-save">
            <button type="submit">{story ? 'Save' : 'Create draft'}</button>
            <p id="story-save-status" class="story-save-status" aria-live="polite" />
          </div>
        </form>
        {story && (
          <StoryWorkflowPanel
            id={story.id}
            status={story.status}
            viewer={viewer}
            scheduleValue={story.scheduleValue}
            timeZone={site.publication.timeZone}
            errors={errors}
          />
        )}
      </div>
      {/* The rich-text editor's starting body, as data (never run): `<` is escaped so no text can close the element. */}
      <script
        type="application/json"
        id="story-body-json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(editorBodyOf(values)).replace(/</g, '\\u003c') }}
      />
      <script src={site.assetUrl('newsroom-editor.js')} defer />
    </NewsroomLayout>
  );
}
