import type { ComponentChildren } from 'preact';
import { canTransition, type ArticleStatus } from '../../../modules/articles/index.js';
import { roleHas } from '../../../modules/users/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import type { FieldError } from '../../shared/form-fields.js';
import type { NewsroomViewer } from './newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

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
  return (
    <section class="story-panel" aria-labelledby="story-status-title">
      <h2 id="story-status-title">Status</h2>
      <p class={`story-status story-status-${status}`}>
        Status: <strong>{STATUS_LABELS[status]}</strong>
      </p>
      {may('story.submit', 'in_review') && <ActionForm action={newsroomPaths.storyAction(id, 'submit')} viewer={viewer} label="Submit for review" />}
      {may('story.publish', 'published') && (
        <ActionForm action={newsroomPaths.storyAction(id, 'publish')} viewer={viewer} label="Publish now">
          {roleHas(viewer.role, 'newsletters.send') && (
            <p class="field">
              <input type="checkbox" id="breaking-alert" name="breaking-alert" value="1" aria-describedby="breaking-alert-hint" />{' '}
              <label for="breaking-alert">Send as a breaking alert</label>
              <span id="breaking-alert-hint" class="field-hint">
                {' '}
                E-mails the story to everyone subscribed to breaking-news alerts as soon as it is published.
              </span>
            </p>
          )}
        </ActionForm>
      )}
      {may('story.unpublish', 'unpublished') && <ActionForm action={newsroomPaths.storyAction(id, 'unpublish')} viewer={viewer} label="Unpublish" />}
      {may('story.schedule', 'scheduled') && (
        <form method="post" action={newsroomPaths.storyAction(id, 'schedule')} class="story-action">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <div class={scheduleError ? 'field field-has-error' : 'field'}>
            <label for="schedule-at">Publish at</label>
            <p id="schedule-at-hint" class="field-hint">
              Date and time in the publication’s time zone ({props.timeZone}).
            </p>
            {scheduleError && (
              <p id="schedule-at-error" class="field-error">
                <span class="visually-hidden">Error: </span>
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
          <button type="submit">Schedule</button>
        </form>
      )}
      <ul class="story-links">
        <li>
          <a href={newsroomPaths.storyAction(id, 'preview')}>Preview as readers will see it</a>
        </li>
        <li>
          <a href={newsroomPaths.storyRevisions(id)}>Revisions</a>
        </li>
        {roleHas(viewer.role, 'story.delete') && (
          <li>
            <a href={newsroomPaths.storyAction(id, 'delete')}>Delete this story…</a>
          </li>
        )}
      </ul>
      {status === 'published' && roleHas(viewer.role, 'story.correct') && (
        <form method="post" action={newsroomPaths.storyAction(id, 'corrections')} class="story-corrections">
          <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
          <fieldset>
            <legend>Add a correction or update</legend>
            <div class="field">
              <label for="correction-kind">Kind</label>
              <select id="correction-kind" name="kind">
                <option value="correction">Correction</option>
                <option value="update">Update</option>
              </select>
            </div>
            <div class="field">
              <label for="correction-text">Text shown to readers</label>
              <textarea id="correction-text" name="text" rows={3} maxLength={2000} required />
            </div>
            <button type="submit">Add</button>
          </fieldset>
        </form>
      )}
    </section>
  );
}
