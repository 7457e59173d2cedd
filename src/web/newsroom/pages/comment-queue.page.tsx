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
import { paths } from '../../shared/paths.js';
import type { MessageKey, Translator } from '../../../shared/i18n/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { useTranslator } from '../../shared/translator-context.js';
import { ErrorSummary, type FieldError } from '../../shared/form-fields.js';
import { InlinePostForm } from '../components/inline-post-form.js';
import { NewsroomLayout, type NewsroomViewer } from '../components/newsroom-layout.js';
import { newsroomPaths } from '../newsroom-paths.js';
import { newsroomTranslator } from '../newsroom-translator.js';

export type QueueNotice = 'approved' | 'hidden' | 'deleted' | 'dismissed' | 'banned' | 'unbanned';

const NOTICES: Record<QueueNotice, MessageKey> = {
  approved: 'nr.comments.notice.approved',
  hidden: 'nr.comments.notice.hidden',
  deleted: 'nr.comments.notice.deleted',
  dismissed: 'nr.comments.notice.dismissed',
  banned: 'nr.comments.notice.banned',
  unbanned: 'nr.comments.notice.unbanned',
};

const VIEW_LABELS: Record<QueueView, MessageKey> = {
  pending: 'nr.comments.view.pending',
  reported: 'nr.comments.view.reported',
  all: 'nr.comments.view.all',
};

/** The comments module's status words, as the page says them; an unknown one is shown as it is. */
const STATUS_LABELS: Partial<Record<string, MessageKey>> = {
  published: 'nr.comments.status.published',
  pending: 'nr.comments.status.pending',
  hidden: 'nr.comments.status.hidden',
  deleted: 'nr.comments.status.deleted',
};

/** The comment modes the settings page offers: a label, the mode inside a sentence, and a hint. */
export const MODE_CHOICES: ReadonlyArray<{ mode: CommentsMode; label: MessageKey; inSentence: MessageKey; hint: MessageKey }> = [
  { mode: 'open', label: 'nr.comments.mode.open', inSentence: 'nr.comments.modeInSentence.open', hint: 'nr.comments.mode.open.hint' },
  {
    mode: 'pre-moderated',
    label: 'nr.comments.mode.preModerated',
    inSentence: 'nr.comments.modeInSentence.preModerated',
    hint: 'nr.comments.mode.preModerated.hint',
  },
  { mode: 'closed', label: 'nr.comments.mode.closed', inSentence: 'nr.comments.modeInSentence.closed', hint: 'nr.comments.mode.closed.hint' },
];

/** The moderation queue: one view at a time, each comment with its reader, story and actions. */
export function CommentQueuePage(props: { site: SiteContext; viewer: NewsroomViewer; queue: QueuePage; notice?: QueueNotice }) {
  const { queue } = props;
  const { t, rich } = newsroomTranslator(props.site, props.viewer);
  const mode = MODE_CHOICES.find((choice) => choice.mode === props.site.publication.commentsMode);
  const tabs: Array<{ view: QueueView; label: string }> = [
    { view: 'pending', label: t('nr.comments.tab.pending', { count: queue.counts.pending }) },
    { view: 'reported', label: t('nr.comments.tab.reported', { count: queue.counts.reported }) },
    { view: 'all', label: t('nr.comments.tab.all') },
  ];
  const viewLabel = t(VIEW_LABELS[queue.view]);
  const { pagination } = queue;
  return (
    <NewsroomLayout site={props.site} title={t('nr.comments.title', { view: viewLabel })} viewer={props.viewer} current={newsroomPaths.comments()}>
      <h1>{t('nr.nav.comments')}</h1>
      {props.notice && (
        <p class="newsroom-notice" role="status">
          {t(NOTICES[props.notice])}
        </p>
      )}
      <p>
        {rich(
          'nr.comments.modeNow',
          { mode: (text) => <strong>{text}</strong> },
          { mode: mode ? t(mode.inSentence) : props.site.publication.commentsMode },
        )}{' '}
        <a href={newsroomPaths.commentSettings()}>{t('nr.comments.changeSettings')}</a>
      </p>
      <nav aria-label={t('nr.comments.viewsLabel')}>
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
      <h2>{viewLabel}</h2>
      {queue.items.length === 0 ? (
        <p>{t(EMPTY_NOTES[queue.view])}</p>
      ) : (
        <ol class="curation-picks comment-queue">
          {queue.items.map((item) => (
            <QueueEntry key={item.id} item={item} {...props} />
          ))}
        </ol>
      )}
      {pagination.totalPages > 1 && (
        <nav aria-label={t('nr.comments.pagesLabel')}>
          <p>
            {t('nr.comments.pageOf', { page: pagination.page, total: pagination.totalPages })}{' '}
            {pagination.page > 1 && <a href={newsroomPaths.comments({ show: queue.view, page: pagination.page - 1 })}>{t('nr.comments.newer')}</a>}{' '}
            {pagination.page < pagination.totalPages && (
              <a href={newsroomPaths.comments({ show: queue.view, page: pagination.page + 1 })}>{t('nr.comments.older')}</a>
            )}
          </p>
        </nav>
      )}
    </NewsroomLayout>
  );
}

const EMPTY_NOTES: Record<QueueView, MessageKey> = {
  pending: 'nr.comments.empty.pending',
  reported: 'nr.comments.empty.reported',
  all: 'nr.comments.empty.all',
};

function QueueEntry({ item, site, viewer, queue }: { item: QueueItem; site: SiteContext; viewer: NewsroomViewer; queue: QueuePage }) {
  const { t, rich, dateTime } = useTranslator();
  const who = item.reader.deleted ? t('nr.comments.deletedReader') : item.reader.displayName;
  const what = t('nr.comments.what', { who, headline: item.article.headline });
  const statusKey = STATUS_LABELS[item.status];
  const story = () => <a href={paths.article(item.article.slug)}>{item.article.headline}</a>;
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
            <span class="story-status">{t('nr.comments.banned')}</span>
          </>
        )}
      </p>
      <p class="field-hint">
        {rich(item.isReply ? 'nr.comments.replyOn' : 'nr.comments.on', { story })}, {dateTime(item.createdAt, site.publication.timeZone)} ·{' '}
        <span class={`story-status story-status-${item.status}`}>{statusKey ? t(statusKey) : item.status}</span>
        {item.status === 'pending' && item.heldReason && <> · {t('nr.comments.held', { reason: heldReasonText(item, t) })}</>}
      </p>
      {item.reportCount > 0 && (
        <p>
          <strong class="field-error">{t('nr.comments.reported', { count: item.reportCount })}</strong>
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
        {item.status === 'pending' && action('approve', t('nr.comments.approve'))}
        {item.status === 'hidden' && action('approve', t('nr.comments.restore'))}
        {(item.status === 'published' || item.status === 'pending') && action('hide', t('nr.comments.hide'))}
        {item.status !== 'deleted' && action('delete', t('nr.comments.delete'))}
        {item.reportCount > 0 && action('dismiss-reports', t('nr.comments.dismissReports'))}
        {!item.reader.deleted && (item.reader.banned ? action('unban', t('nr.comments.unban')) : action('ban', t('nr.comments.ban')))}
      </div>
    </li>
  );
}

function heldReasonText(item: QueueItem, t: Translator['t']): string {
  if (item.heldReason === 'pre-moderation') return t('nr.comments.held.preModeration');
  return item.blocklistMatch ? t('nr.comments.held.blocklistMatch', { word: item.blocklistMatch }) : t('nr.comments.held.blocklist');
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
  const { t } = newsroomTranslator(props.site, props.viewer);
  const title = t('nr.comments.settingsTitle');
  const modeError = errors.find((error) => error.field === 'comments-mode-open');
  const blocklistError = errors.find((error) => error.field === 'comment-blocklist');
  return (
    <NewsroomLayout
      site={props.site}
      title={errors.length > 0 ? t('nr.layout.errorTitle', { title }) : title}
      viewer={props.viewer}
      current={newsroomPaths.commentSettings()}
    >
      <h1>{title}</h1>
      {props.saved && (
        <p class="newsroom-notice" role="status">
          {t('nr.comments.settingsSaved')}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <p>
        <a href={newsroomPaths.comments()}>{t('nr.comments.backToQueue')}</a>
      </p>
      <form method="post" action={newsroomPaths.commentSettings()} class="newsroom-form">
        <input type="hidden" name={CSRF_FIELD} value={props.viewer.csrfToken} />
        <fieldset
          class={modeError ? 'newsroom-fieldset field-has-error' : 'newsroom-fieldset'}
          aria-describedby={modeError ? 'comments-mode-error' : undefined}
        >
          <legend>{t('nr.comments.modeLegend')}</legend>
          {modeError && (
            <p id="comments-mode-error" class="field-error">
              <span class="visually-hidden">{t('form.errorPrefix')}</span>
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
                <label for={`comments-mode-${choice.mode}`}>{t(choice.label)}</label>
              </div>
              <p id={`comments-mode-${choice.mode}-hint`} class="field-hint">
                {t(choice.hint)}
              </p>
            </div>
          ))}
          <p class="field-hint">{t('nr.comments.perStoryHint')}</p>
        </fieldset>
        <div class={blocklistError ? 'field field-has-error' : 'field'}>
          <label for="comment-blocklist">{t('nr.comments.blocklistLabel')}</label>
          <p id="comment-blocklist-hint" class="field-hint">
            {t('nr.comments.blocklistHint', { entries: BLOCKLIST_MAX_ENTRIES, length: BLOCKLIST_MAX_LENGTH })}
          </p>
          {blocklistError && (
            <p id="comment-blocklist-error" class="field-error">
              <span class="visually-hidden">{t('form.errorPrefix')}</span>
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
        <button type="submit">{t('nr.comments.saveSettings')}</button>
      </form>
    </NewsroomLayout>
  );
}
