import { Fragment } from 'preact';
import {
  BLOCKLIST_MAX_ENTRIES,
  BLOCKLIST_MAX_LENGTH,
  type CommentsMode,
  type QueueItem,
  type QueuePage,
  type QueueView,
} from '../../../modules/comments/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { formatDateTime } from '../../shared/format.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { ErrorSummary, type FieldError } from '../../shared/form-fields.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';

export type QueueNotice = 'approved' | 'hidden' | 'deleted' | 'dismissed' | 'banned' | 'unbanned';

const NOTICES: Record<QueueNotice, string> = {
  approved: 'Comment approved. It shows on the story now.',
  hidden: 'Comment hidden. Readers no longer see it.',
  deleted: 'Comment deleted.',
  dismissed: 'Reports dismissed.',
  banned: 'Reader banned: they can no longer comment, like or report. Their comments waiting here were hidden.',
  unbanned: 'Ban lifted: the reader may comment again.',
};

const VIEW_LABELS: Record<QueueView, string> = { pending: 'Waiting for approval', reported: 'Reported', all: 'All comments' };

const STATUS_LABELS: Record<string, string> = { published: 'Published', pending: 'Waiting', hidden: 'Hidden', deleted: 'Deleted' };

export const MODE_CHOICES: ReadonlyArray<{ mode: CommentsMode; label: string; hint: string }> = [
  { mode: 'open', label: 'Open', hint: 'Comments appear at once (unless they contain a blocklisted word).' },
  { mode: 'pre-moderated', label: 'Pre-moderated', hint: 'An editor approves each comment before readers see it.' },
  { mode: 'closed', label: 'Closed', hint: 'No new comments anywhere; published ones stay.' },
];

/** The moderation queue: one view at a time, each comment with its reader, story and actions. */
export function CommentQueuePage(props: { site: SiteContext; viewer: NewsroomViewer; queue: QueuePage; notice?: QueueNotice }) {
  const { queue } = props;
  const mode = MODE_CHOICES.find((choice) => choice.mode === props.site.publication.commentsMode);
  const tabs: Array<{ view: QueueView; label: string }> = [
    { view: 'pending', label: `Pending (${queue.counts.pending})` },
    { view: 'reported', label: `Reported (${queue.counts.reported})` },
    { view: 'all', label: 'All' },
  ];
  return (
    <NewsroomLayout site={props.site} title={`Comments: ${VIEW_LABELS[queue.view]}`} viewer={props.viewer} current={newsroomPaths.comments()}>
      <h1>Comments</h1>
      {props.notice && (
        <p class="newsroom-notice" role="status">
          {NOTICES[props.notice]}
        </p>
      )}
      <p>
        Comments are <strong>{mode?.label.toLowerCase() ?? props.site.publication.commentsMode}</strong> on this site.{' '}
        <a href={newsroomPaths.commentSettings()}>Change the comment mode or the blocklist</a>
      </p>
      <nav aria-label="Comment queue views">
        <ul class="staff-actions">
          {tabs.map((tab) => (
            <li key={tab.view}>
              <a href={newsroomPaths.comments({ show: tab.view })} aria-current={tab.view === queue.view ? 'page' : undefined}>
                {tab.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{VIEW_LABELS[queue.view]}</h2>
      {queue.items.length === 0 ? (
        <p>
          {queue.view === 'pending'
            ? 'No comments are waiting for approval.'
            : queue.view === 'reported'
              ? 'No comments have been reported.'
              : 'No comments yet.'}
        </p>
      ) : (
        <ol class="curation-picks comment-queue">
          {queue.items.map((item) => (
            <QueueEntry key={item.id} item={item} {...props} />
          ))}
        </ol>
      )}
      {queue.pagination.totalPages > 1 && (
        <nav aria-label="Comment pages">
          <p>
            Page {queue.pagination.page} of {queue.pagination.totalPages}.{' '}
            {queue.pagination.page > 1 && <a href={newsroomPaths.comments({ show: queue.view, page: queue.pagination.page - 1 })}>Newer comments</a>}{' '}
            {queue.pagination.page < queue.pagination.totalPages && (
              <a href={newsroomPaths.comments({ show: queue.view, page: queue.pagination.page + 1 })}>Older comments</a>
            )}
          </p>
        </nav>
      )}
    </NewsroomLayout>
  );
}

function QueueEntry({ item, site, viewer, queue }: { item: QueueItem; site: SiteContext; viewer: NewsroomViewer; queue: QueuePage }) {
  const who = item.reader.deleted ? 'a deleted reader' : item.reader.displayName;
  const what = `comment by ${who} on “${item.article.headline}”`;
  const action = (name: Parameters<typeof newsroomPaths.commentAction>[1], label: string) => (
    <InlinePostForm action={newsroomPaths.commentAction(item.id, name)} csrfToken={viewer.csrfToken}>
      <input type="hidden" name="show" value={queue.view} />
      <input type="hidden" name="page" value={String(queue.pagination.page)} />
      <button type="submit">
        {label}
        <span class="visually-hidden">: {what}</span>
      </button>
    </InlinePostForm>
  );
  return (
    <li id={`comment-${item.id}`}>
      <p>
        <strong>{who}</strong>
        {!item.reader.deleted && <> ({item.reader.email})</>}
        {item.reader.banned && (
          <>
            {' '}
            <span class="story-status">Banned</span>
          </>
        )}
      </p>
      <p class="field-hint">
        {item.isReply ? 'Reply on ' : 'On '}
        <a href={paths.article(item.article.slug)}>{item.article.headline}</a>, {formatDateTime(item.createdAt, site.publication)} ·{' '}
        <span class={`story-status story-status-${item.status}`}>{STATUS_LABELS[item.status] ?? item.status}</span>
        {item.status === 'pending' && item.heldReason && <> · Held: {heldReasonText(item)}</>}
      </p>
      {item.reportCount > 0 && (
        <p>
          <strong class="field-error">Reported {item.reportCount === 1 ? 'once' : `${item.reportCount} times`}</strong>
        </p>
      )}
      <blockquote>
        <p>
          {item.body.split(/\r\n|\r|\n/).map((line, index) => (
            <Fragment key={index}>
              {index > 0 && <br />}
              {line}
            </Fragment>
          ))}
        </p>
      </blockquote>
      <div class="staff-actions">
        {item.status === 'pending' && action('approve', 'Approve')}
        {item.status === 'hidden' && action('approve', 'Restore')}
        {(item.status === 'published' || item.status === 'pending') && action('hide', 'Hide')}
        {item.status !== 'deleted' && action('delete', 'Delete')}
        {item.reportCount > 0 && action('dismiss-reports', 'Dismiss reports')}
        {!item.reader.deleted && (item.reader.banned ? action('unban', 'Unban reader') : action('ban', 'Ban reader'))}
      </div>
    </li>
  );
}

function heldReasonText(item: QueueItem): string {
  if (item.heldReason === 'pre-moderation') return 'Pre-moderation';
  return item.blocklistMatch ? `Blocklist: ${item.blocklistMatch}` : 'Blocklist';
}

export interface CommentSettingsValues {
  commentsMode: string;
  /** As typed: one entry a line. */
  commentBlocklist: string;
}

/** The publication's comment mode and word blocklist. */
export function CommentSettingsPage(props: {
  site: SiteContext;
  viewer: NewsroomViewer;
  values: CommentSettingsValues;
  saved?: boolean;
  errors?: readonly FieldError[];
}) {
  const errors = props.errors ?? [];
  const modeError = errors.find((error) => error.field === 'comments-mode-open');
  const blocklistError = errors.find((error) => error.field === 'comment-blocklist');
  return (
    <NewsroomLayout
      site={props.site}
      title={errors.length > 0 ? 'Error: Comment settings' : 'Comment settings'}
      viewer={props.viewer}
      current={newsroomPaths.commentSettings()}
    >
      <h1>Comment settings</h1>
      {props.saved && (
        <p class="newsroom-notice" role="status">
          Comment settings saved. They apply to the next comment posted.
        </p>
      )}
      <ErrorSummary errors={errors} />
      <p>
        <a href={newsroomPaths.comments()}>Back to the comment queue</a>
      </p>
      <form method="post" action={newsroomPaths.commentSettings()} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={props.viewer.csrfToken} />
        <fieldset
          class={modeError ? 'newsroom-fieldset field-has-error' : 'newsroom-fieldset'}
          aria-describedby={modeError ? 'comments-mode-error' : undefined}
        >
          <legend>Comments on this site</legend>
          {modeError && (
            <p id="comments-mode-error" class="field-error">
              <span class="visually-hidden">Error: </span>
              {modeError.message}
            </p>
          )}
          {MODE_CHOICES.map((choice) => (
            <div key={choice.mode} class="field">
              <div class="field-checkbox">
                <input
                  type="radio"
                  id={`comments-mode-${choice.mode}`}
                  name="comments-mode"
                  value={choice.mode}
                  checked={props.values.commentsMode === choice.mode}
                  aria-describedby={`comments-mode-${choice.mode}-hint`}
                />
                <label for={`comments-mode-${choice.mode}`}>{choice.label}</label>
              </div>
              <p id={`comments-mode-${choice.mode}-hint`} class="field-hint">
                {choice.hint}
              </p>
            </div>
          ))}
          <p class="field-hint">Comments can also be turned off on a single story, in the story editor.</p>
        </fieldset>
        <div class={blocklistError ? 'field field-has-error' : 'field'}>
          <label for="comment-blocklist">Blocklist</label>
          <p id="comment-blocklist-hint" class="field-hint">
            One word or phrase a line; capitals do not matter. A comment containing one waits here for an editor instead of appearing. At most{' '}
            {BLOCKLIST_MAX_ENTRIES} entries of up to {BLOCKLIST_MAX_LENGTH} characters.
          </p>
          {blocklistError && (
            <p id="comment-blocklist-error" class="field-error">
              <span class="visually-hidden">Error: </span>
              {blocklistError.message}
            </p>
          )}
          <textarea
            id="comment-blocklist"
            name="comment-blocklist"
            rows={8}
            aria-invalid={blocklistError ? 'true' : undefined}
            aria-describedby={blocklistError ? 'comment-blocklist-hint comment-blocklist-error' : 'comment-blocklist-hint'}
          >
            {props.values.commentBlocklist}
          </textarea>
        </div>
        <button type="submit">Save comment settings</button>
      </form>
    </NewsroomLayout>
  );
}
