import type { ComponentChildren } from 'preact';
import { canTransition, type ArticleStatus } from '../../../modules/articles/index.js';
import { roleHas } from '../../../modules/users/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { FieldError } from '../../shared/form-fields.js';
import { useTranslator } from '../../shared/translator-context.js';
import type { NewsroomViewer } from './newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { statusText } from './story-status.js';

function ActionForm({ action, viewer, label, children }: { action: string; viewer: NewsroomViewer; label: string; children?: ComponentChildren }) {
  return (
    <form method="post" action={action} class="story-action">
      <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
      {children}
      <button type="submit">{label}</button>
    </form>
  );
}

/**
 * The story's status in words (never colour alone) and the steps this viewer may take from it: a
 * button shows only when the role holds the permission and the workflow allows the move.
 */
export function StoryWorkflowPanel(props: {
  id: string;
  status: ArticleStatus;
  viewer: NewsroomViewer;
  scheduleValue: string;
  timeZone: string;
  errors: readonly FieldError[];
}) {
  const { id, status, viewer } = props;
  const may = (permission: Parameters<typeof roleHas>[1], to: ArticleStatus) => roleHas(viewer.role, permission) && canTransition(status, to);
  const scheduleError = props.errors.find((error) => error.field === 'schedule-at');
  const translator = useTranslator();
  const { t, rich } = translator;
  return (
    <section class="story-panel" aria-labelledby="story-status-title">
      <h2 id="story-status-title">{t('nr.storyWorkflow.heading')}</h2>
      <p class={`story-status story-status-${status}`}>
        {rich('nr.storyWorkflow.status', { strong: (text) => <strong>{text}</strong> }, { status: statusText(translator, status) })}
      </p>
      {may('story.submit', 'in_review') && (
        <ActionForm action={newsroomPaths.storyAction(id, 'submit')} viewer={viewer} label={t('nr.storyWorkflow.submit')} />
      )}
      {may('story.publish', 'published') && (
        <ActionForm action={newsroomPaths.storyAction(id, 'publish')} viewer={viewer} label={t('nr.storyWorkflow.publish')}>
          {roleHas(viewer.role, 'newsletters.send') && (
            <p class="field">
              <input type="checkbox" id="breaking-alert" name="breaking-alert" value="1" aria-describedby="breaking-alert-hint" />{' '}
              <label for="breaking-alert">{t('nr.storyWorkflow.breaking')}</label>
              <span id="breaking-alert-hint" class="field-hint">
                {' '}
                {t('nr.storyWorkflow.breakingHint')}
              </span>
            </p>
          )}
        </ActionForm>
      )}
      {may('story.unpublish', 'unpublished') && (
        <ActionForm action={newsroomPaths.storyAction(id, 'unpublish')} viewer={viewer} label={t('nr.storyWorkflow.unpublish')} />
      )}
      {may('story.schedule', 'scheduled') && (
        <form method="post" action={newsroomPaths.storyAction(id, 'schedule')} class="story-action">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <div class={scheduleError ? 'field field-has-error' : 'field'}>
            <label for="schedule-at">{t('nr.storyWorkflow.publishAt')}</label>
            <p id="schedule-at-hint" class="field-hint">
              {t('nr.storyWorkflow.publishAtHint', { timeZone: props.timeZone })}
            </p>
            {scheduleError && (
              <p id="schedule-at-error" class="field-error">
                <span class="visually-hidden">{t('form.errorPrefix')}</span>
                {scheduleError.message}
              </p>
            )}
            <input
              id="schedule-at"
              name="at"
              type="datetime-local"
              value={props.scheduleValue}
              required
              aria-invalid={scheduleError ? 'true' : undefined}
              aria-describedby={scheduleError ? 'schedule-at-hint schedule-at-error' : 'schedule-at-hint'}
            />
          </div>
          <button type="submit">{t('nr.storyWorkflow.schedule')}</button>
        </form>
      )}
      <ul class="story-links">
        <li>
          <a href={newsroomPaths.storyAction(id, 'preview')}>{t('nr.storyWorkflow.preview')}</a>
        </li>
        <li>
          <a href={newsroomPaths.storyRevisions(id)}>{t('nr.storyWorkflow.revisions')}</a>
        </li>
        {roleHas(viewer.role, 'story.delete') && (
          <li>
            <a href={newsroomPaths.storyAction(id, 'delete')}>{t('nr.storyWorkflow.delete')}</a>
          </li>
        )}
      </ul>
      {status === 'published' && roleHas(viewer.role, 'story.correct') && (
        <form method="post" action={newsroomPaths.storyAction(id, 'corrections')} class="story-corrections">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <fieldset>
            <legend>{t('nr.storyWorkflow.correctionLegend')}</legend>
            <div class="field">
              <label for="correction-kind">{t('nr.storyWorkflow.correctionKind')}</label>
              <select id="correction-kind" name="kind">
                <option value="correction">{t('nr.storyWorkflow.kind.correction')}</option>
                <option value="update">{t('nr.storyWorkflow.kind.update')}</option>
              </select>
            </div>
            <div class="field">
              <label for="correction-text">{t('nr.storyWorkflow.correctionText')}</label>
              <textarea id="correction-text" name="text" rows={3} maxLength={2000} required />
            </div>
            <button type="submit">{t('nr.storyWorkflow.add')}</button>
          </fieldset>
        </form>
      )}
    </section>
  );
}
