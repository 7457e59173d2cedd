import type { ArticleStatus } from '../../../modules/articles/index.js';
import { LIVE_TYPE_LABEL } from '../../../modules/live/index.js';
import { roleHas } from '../../../modules/users/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, type FieldError } from '../../shared/form-fields.js';
import { Notice } from '../../shared/notice.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { StoryFields, type StoryChoices } from '../components/story-fields.js';
import { paths } from '../../shared/paths.js';
import { StoryWorkflowPanel } from '../components/story-workflow-panel.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { editorBodyOf, type StoryFormValues } from '../story-form.js';
import { SavingFields, StoryConflictPanel, StoryPresence } from '../components/story-saving.js';
import type { ConflictView, PresenceView } from '../story-saving.presenter.js';
import { EditorMessages } from '../components/editor-messages.js';
import { TranslatePanel, TranslationSourcePanel, type TranslationView } from '../components/story-translation.js';
import { newsroomTranslator } from '../newsroom-translator.js';

/**
 * What the rich-text editor starts from: the body's blocks, and for each figure the picture and words
 * the editor shows (the smallest variant is enough on screen); figures not among the choices show
 * their alt text until the media part loads them.
 */
function editorStart(values: StoryFormValues, choices: StoryChoices) {
  const blocks = editorBodyOf(values);
  const figures: Record<string, { src: string | null; alt: string; caption: string; credit: string }> = {};
  for (const block of blocks) {
    if (block.type !== 'figure') continue;
    const asset = choices.media.find((candidate) => candidate.id === block.mediaId);
    if (!asset) continue;
    const variant = asset.variants.filter((candidate) => candidate.format !== 'avif').sort((a, b) => a.width - b.width)[0];
    figures[asset.id] = { src: variant ? paths.media(variant.file) : null, alt: asset.alt, caption: asset.caption, credit: asset.credit };
  }
  return { blocks, figures };
}

/** The story editor: a new story (no `story`) or an existing one with its workflow panel. */
export function StoryEditPage(props: {
  site: SiteContext;
  viewer: NewsroomViewer;
  values: StoryFormValues;
  choices: StoryChoices;
  errors?: readonly FieldError[];
  story?: { id: string; status: ArticleStatus; scheduleValue: string };
  notice?: string;
  /** An existing story's saving state (docs/editor-saving.md): version, session, who else is in, a refused save. */
  saving?: { baseVersion: number; editingSession: string; others: readonly PresenceView[]; conflict?: ConflictView };
  /** An existing story's translations: its source beside it, whether it is outdated, what it may be translated into. */
  translation?: TranslationView;
}) {
  const { site, viewer, values, story } = props;
  const errors = props.errors ?? [];
  const { saving, translation } = props;
  const { t } = newsroomTranslator(site, viewer);
  const heading = story ? t('nr.storyEdit.titleEdit', { headline: values.headline || t('nr.storyEdit.untitled') }) : t('nr.storyEdit.new');
  const title = saving?.conflict ? t('nr.storyEdit.conflictTitle', { title: heading }) : heading;
  const action = story ? newsroomPaths.story(story.id) : newsroomPaths.newStory();
  return (
    <NewsroomLayout
      site={site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={viewer}
      current={newsroomPaths.stories()}
      stylesheets={['newsroom-editor.css']}
    >
      <div class="story-editor">
        <h1>{story ? t('nr.storyEdit.heading') : t('nr.storyEdit.new')}</h1>
        <Notice text={props.notice} />
        {story && values.typeLabel === LIVE_TYPE_LABEL && roleHas(viewer.role, 'live.post') && (
          <p class="live-desk-link">
            <a href={newsroomPaths.liveDesk(story.id)}>{t('nr.live.deskLink')}</a>
          </p>
        )}
        {translation?.outdated && (
          <p class="story-outdated" id="story-outdated">
            {t('nr.story.outdated')}
          </p>
        )}
        {saving && <StoryPresence others={saving.others} />}
        <ErrorSummary errors={errors} />
        <div class="story-beside">
          {translation?.source && <TranslationSourcePanel source={translation.source} />}
          <form
            method="post"
            action={action}
            class="newsroom-form story-form"
            data-autosave-url={story ? newsroomPaths.storyAction(story.id, 'autosave') : undefined}
            data-presence-url={story ? newsroomPaths.storyAction(story.id, 'presence') : undefined}
            data-story-id={story?.id}
            data-csrf-url={story ? newsroomPaths.csrfToken() : undefined}
            data-sign-in-url={story ? newsroomPaths.signIn(newsroomPaths.story(story.id)) : undefined}
          >
            <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
            {saving && <SavingFields baseVersion={saving.baseVersion} editingSession={saving.editingSession} />}
            {story && saving?.conflict && <StoryConflictPanel conflict={saving.conflict} reloadUrl={newsroomPaths.story(story.id)} />}
            <StoryFields values={values} errors={errors} choices={props.choices} previewBodyUrl={newsroomPaths.previewBody()} />
            <div class="story-save">
              <button type="submit">{story ? t('nr.storyEdit.save') : t('nr.storyEdit.createDraft')}</button>
              <p id="story-save-status" class="story-save-status" aria-live="polite" />
            </div>
          </form>
        </div>
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
        {translation && <TranslatePanel targets={translation.targets} viewer={viewer} />}
      </div>
      {/* The rich-text editor's starting body, as data (never run): `<` is escaped so no text can close the element. */}
      <script
        type="application/json"
        id="story-body-json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(editorStart(values, props.choices)).replace(/</g, '\\u003c') }}
      />
      <EditorMessages />
      <script src={site.assetUrl('newsroom-editor.js')} defer />
    </NewsroomLayout>
  );
}
