import { COMMENT_MAX_GRAPHEMES, countGraphemes, type CommentPage, type CommentsState } from '../../../modules/comments/index.js';
import type { PublicationSettings } from '../../../modules/settings/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { commentPaths } from '../comment-paths.js';
import { paths } from '../../shared/paths.js';
import { formatCount } from '../../shared/format.js';
import type { MessageKey, Translator } from '../../../shared/i18n/index.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { CharacterCounter, CommentItem, type CommentItemContext, type CommentViewer } from './comment-item.js';

/** What the form shows after a refused post without script: the message and the text as typed. */
export interface CommentFormState {
  error?: { code: string; message: string };
  body?: string;
  /** Set when the refused post was a reply: the error shows beside the main form all the same. */
  parentId?: string;
}

export interface CommentsView {
  articleSlug: string;
  /** Published comments and replies, as stored with the story. */
  count: number;
  state: CommentsState;
  page: CommentPage;
  viewer: CommentViewer | null;
  form?: CommentFormState;
  now: Date;
  publication: PublicationSettings;
}

const STATE_NOTES: Record<Exclude<CommentsState, 'open'>, MessageKey> = {
  closed: 'comments.closed',
  off: 'comments.off',
};

/** "Comments N", the form (or how to get one), the order switch, the comments and their pages. */
export function CommentsArea({ view }: { view: CommentsView }) {
  const { page, viewer, articleSlug } = view;
  const context: CommentItemContext = {
    articleSlug,
    viewer,
    liked: page.likedByViewer,
    open: view.state === 'open',
    now: view.now,
    publication: view.publication,
  };
  const empty = page.threads.length === 0;
  const { t } = siteTranslator(view);
  return (
    <section class="comments" id="comments" aria-labelledby="comments-heading" data-comments {...scriptMessages(t)}>
      <h2 id="comments-heading">
        {t('comments.heading')}{' '}
        <span class="comment-count" data-comment-count>
          {formatCount(view.count, view.publication)}
        </span>
      </h2>
      {view.state !== 'open' ? <p class="comments-note">{t(STATE_NOTES[view.state])}</p> : <CommentFormArea view={view} />}
      {!empty && <OrderNav slug={articleSlug} page={page} view={view} />}
      <ol class="comment-list" data-comment-list>
        {page.threads.map(({ comment, replies }) => (
          <CommentItem key={comment.id} comment={comment} context={context}>
            {replies.map((reply) => (
              <CommentItem key={reply.id} comment={reply} context={context} />
            ))}
          </CommentItem>
        ))}
      </ol>
      {empty && view.state === 'open' && (
        <p class="comments-note" data-comments-empty>
          {t('comments.empty')}
        </p>
      )}
      <CommentPages slug={articleSlug} page={page} view={view} />
    </section>
  );
}

/**
 * What site.js writes in the comments (the counter's warnings, a failed post, a report taken) in the
 * page's language, read from the closest element that carries them; it keeps English without them.
 */
function scriptMessages(t: Translator['t']): Record<`data-msg-${string}`, string> {
  return {
    'data-msg-too-long': t('script.commentTooLong', { max: String(COMMENT_MAX_GRAPHEMES) }),
    'data-msg-too-large': t('script.commentTooLarge'),
    'data-msg-failed': t('script.failed'),
    'data-msg-offline': t('script.offline'),
    'data-msg-reported': t('script.reported'),
  };
}

function CommentFormArea({ view }: { view: CommentsView }) {
  const { viewer, articleSlug, form } = view;
  const { t, rich } = siteTranslator(view);
  if (!viewer) {
    return (
      <p class="comments-note">
        {rich('comments.signInOr', {
          signIn: (text) => <a href={commentPaths.signIn(articleSlug)}>{text}</a>,
          signUp: (text) => <a href={commentPaths.signUp(articleSlug)}>{text}</a>,
        })}{' '}
        {/* The limit the server enforces (comment-text.ts), told before anyone signs in to write. */}
        <span class="comment-limit">{t('comments.limit', { max: String(COMMENT_MAX_GRAPHEMES) })}</span>
      </p>
    );
  }
  if (viewer.unconfirmed) {
    return <p class="comments-note">{rich('comments.confirmFirst', { link: (text) => <a href={paths.account.home()}>{text}</a> })}</p>;
  }
  if (!viewer.mayAct) return <p class="comments-note">{t('comments.mayNotAct')}</p>;
  const body = form?.body ?? '';
  return (
    <form method="post" action={commentPaths.post(articleSlug)} class="comment-form" id="comment-form" data-comment-form="new">
      {form?.error && (
        <div class="error-summary" role="alert" aria-labelledby="comment-error-title" tabIndex={-1} data-error-code={form.error.code}>
          <h3 id="comment-error-title">{t('comments.notPosted')}</h3>
          <p>
            <a href="#comment-body">{form.error.message}</a>
          </p>
        </div>
      )}
      <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
      {/* A honeypot: hidden from people and screen readers, filled in only by bots. */}
      <div class="comment-honeypot" aria-hidden="true">
        <label for="comment-website">{t('newsletter.honeypot')}</label>
        <input id="comment-website" type="text" name="website" tabIndex={-1} autocomplete="off" value="" />
      </div>
      <label for="comment-body">{t('comments.yourComment')}</label>
      <textarea
        id="comment-body"
        name="body"
        rows={4}
        required
        data-comment-body
        aria-describedby="comment-body-hint comment-body-counter"
        aria-invalid={form?.error ? 'true' : undefined}
        value={body}
      />
      <p class="hint" id="comment-body-hint">
        {t('comments.hint', { max: String(COMMENT_MAX_GRAPHEMES) })}
      </p>
      <CharacterCounter id="comment-body-counter" used={countGraphemes(body)} />
      <p class="form-error" data-form-error aria-live="assertive"></p>
      <button type="submit">{t('comments.post')}</button>
    </form>
  );
}

function OrderNav({ slug, page, view }: { slug: string; page: CommentPage; view: CommentsView }) {
  const { t } = siteTranslator(view);
  const link = (order: CommentPage['order'], label: string) => (
    <a href={commentPaths.list(slug, order)} aria-current={page.order === order ? 'true' : undefined}>
      {label}
    </a>
  );
  return (
    <nav class="comment-order" aria-label={t('comments.order')}>
      {link('newest', t('comments.newest'))} · {link('liked', t('comments.mostLiked'))}
    </nav>
  );
}

function CommentPages({ slug, page, view }: { slug: string; page: CommentPage; view: CommentsView }) {
  if (page.totalPages <= 1) return null;
  const { t } = siteTranslator(view);
  return (
    <nav class="pagination" aria-label={t('comments.pages')}>
      {page.page > 1 && (
        <a href={commentPaths.list(slug, page.order, page.page - 1)} rel="prev">
          {t('comments.previous')}
        </a>
      )}
      <span>{t('pagination.pageOf', { page: page.page, total: page.totalPages })}</span>
      {page.page < page.totalPages && (
        <a href={commentPaths.list(slug, page.order, page.page + 1)} rel="next">
          {t('comments.more')}
        </a>
      )}
    </nav>
  );
}
