import type { ComponentChildren } from 'preact';
import { COMMENT_EDIT_WINDOW_MS, type Comment } from '../../../modules/comments/index.js';
import type { PublicationSettings } from '../../../modules/settings/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { commentPaths } from '../comment-paths.js';
import { formatCount, formatDateTime } from '../../shared/format.js';
import type { Translator } from '../../../shared/i18n/index.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { useTranslator } from '../../shared/translator-context.js';

/** Who is looking: their controls appear only for them. */
export interface CommentViewer {
  readerId: string;
  csrfToken: string;
  /** Banned readers, and those who have not confirmed their address, see comments but no like, reply or report controls. */
  mayAct: boolean;
  /** Signed up but the mailed link not opened yet: told how to confirm instead. */
  unconfirmed?: boolean;
}

export interface CommentItemContext {
  articleSlug: string;
  viewer: CommentViewer | null;
  liked: ReadonlySet<string>;
  /** Replies can be written only while the story takes comments. */
  open: boolean;
  now: Date;
  publication: PublicationSettings;
}

/** A comment (or reply) with its own controls; `children` are its replies. */
export function CommentItem({ comment, context, children }: { comment: Comment; context: CommentItemContext; children?: ComponentChildren }) {
  return (
    <li id={`comment-${comment.id}`} class={`comment comment-${comment.status}`} data-comment-id={comment.id}>
      <CommentMain comment={comment} context={context} />
      {comment.parentId === null && <ol class="comment-replies">{children}</ol>}
    </li>
  );
}

/** The comment's own content and controls, without its replies: what script replaces after a change. */
export function CommentMain({ comment, context }: { comment: Comment; context: CommentItemContext }) {
  // From the publication it is shown for (the edition's): also rendered alone, for the page's script.
  const { t, rich } = siteTranslator(context);
  if (comment.status === 'deleted' || comment.status === 'hidden') {
    return (
      <div class="comment-main">
        <p class="comment-removed">{comment.status === 'deleted' ? t('comment.deleted') : t('comment.removed')}</p>
      </div>
    );
  }
  const { viewer, publication } = context;
  const own = viewer?.readerId === comment.readerId;
  return (
    <div class="comment-main">
      <p class="comment-meta">
        <span class="comment-author">{comment.authorName ?? t('comment.deletedReader')}</span>{' '}
        <time datetime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt, publication)}</time>
        {comment.editedAt && <span class="comment-edited">{t('comment.edited')}</span>}
        {comment.status === 'pending' && <strong class="comment-pending">{t('comment.awaiting')}</strong>}
      </p>
      <p class="comment-body">{comment.body}</p>
      <p class="comment-likes">
        {rich(
          'comment.likes',
          { count: (count) => <span class="comment-like-count">{count}</span> },
          { count: formatCount(comment.likeCount, publication) },
        )}
      </p>
      {viewer && comment.status === 'published' && <CommentControls comment={comment} context={context} viewer={viewer} own={own} />}
      {viewer && own && comment.status === 'pending' && <OwnControls comment={comment} context={context} viewer={viewer} />}
    </div>
  );
}

function CommentControls({ comment, context, viewer, own }: { comment: Comment; context: CommentItemContext; viewer: CommentViewer; own: boolean }) {
  const { t } = siteTranslator(context);
  const liked = context.liked.has(comment.id);
  return (
    <div class="comment-controls">
      {viewer.mayAct && (
        <PostButton
          action={liked ? commentPaths.unlike(comment.id) : commentPaths.like(comment.id)}
          csrfToken={viewer.csrfToken}
          label={liked ? t('comment.unlike') : t('comment.like')}
          kind={liked ? 'unlike' : 'like'}
        />
      )}
      {own ? (
        <OwnControls comment={comment} context={context} viewer={viewer} />
      ) : (
        viewer.mayAct && (
          <PostButton action={commentPaths.report(comment.id)} csrfToken={viewer.csrfToken} label={t('comment.report')} kind="report" />
        )
      )}
      {viewer.mayAct && context.open && comment.parentId === null && <ReplyForm comment={comment} viewer={viewer} context={context} />}
    </div>
  );
}

function OwnControls({ comment, context, viewer }: { comment: Comment; context: CommentItemContext; viewer: CommentViewer }) {
  const { t } = siteTranslator(context);
  const editable = context.now.getTime() - comment.createdAt.getTime() <= COMMENT_EDIT_WINDOW_MS;
  return (
    <>
      {editable && context.open && (
        <a class="comment-edit-link" href={commentPaths.edit(comment.id)}>
          {t('comment.edit')}
        </a>
      )}
      <PostButton action={commentPaths.delete(comment.id)} csrfToken={viewer.csrfToken} label={t('comment.delete')} kind="delete" />
    </>
  );
}

/** A one-button form: works without script; site.js sends it with fetch when it can. */
function PostButton({ action, csrfToken, label, kind }: { action: string; csrfToken: string; label: string; kind: string }) {
  return (
    <form method="post" action={action} class="comment-action" data-comment-action={kind}>
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <button type="submit" class="link-button">
        {label}
      </button>
      <span class="form-error" data-form-error aria-live="polite"></span>
    </form>
  );
}

/** Replying opens in place (a disclosure), so it needs no script. */
function ReplyForm({ comment, viewer, context }: { comment: Comment; viewer: CommentViewer; context: CommentItemContext }) {
  const translator = siteTranslator(context);
  const { t } = translator;
  const { articleSlug } = context;
  const fieldId = `reply-body-${comment.id}`;
  return (
    <details class="comment-reply">
      <summary>{t('comment.reply')}</summary>
      <form method="post" action={commentPaths.post(articleSlug)} class="comment-form" data-comment-form="reply" data-parent-id={comment.id}>
        <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
        <input type="hidden" name="parent" value={comment.id} />
        <label for={fieldId}>{t('comment.replyTo', { name: comment.authorName ?? t('comment.deletedReader') })}</label>
        <textarea id={fieldId} name="body" rows={3} required data-comment-body aria-describedby={`${fieldId}-counter`} />
        <CharacterCounter id={`${fieldId}-counter`} used={0} translator={translator} />
        <p class="form-error" data-form-error aria-live="assertive"></p>
        <button type="submit">{t('comment.postReply')}</button>
      </form>
    </details>
  );
}

/**
 * "12/300": server-rendered, kept live by site.js as the reader types. In the page's language: the
 * layout's translator, or the one given where the counter is rendered alone (a reply form sent to
 * the page's script).
 */
export function CharacterCounter({ id, used, translator }: { id: string; used: number; translator?: Pick<Translator, 'rich'> }) {
  const fromPage = useTranslator();
  const { rich } = translator ?? fromPage;
  return (
    <p class="comment-counter" id={id} aria-live="polite" data-comment-counter>
      {rich(
        'comment.counter',
        { used: (text) => <span data-counter-used>{text}</span>, hidden: (text) => <span class="visually-hidden">{text}</span> },
        { used: String(used), max: '300' },
      )}
    </p>
  );
}
