import { COMMENT_MAX_GRAPHEMES, countGraphemes, type CommentPage, type CommentsState } from '../../../modules/comments/index.js';
import type { PublicationSettings } from '../../../modules/settings/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { commentPaths } from '../comment-paths.js';
import { paths } from '../../shared/paths.js';
import { formatCount } from '../../shared/format.js';
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

const STATE_NOTES: Record<Exclude<CommentsState, 'open'>, string> = {
  closed: 'Comments are closed on this site at the moment.',
  off: 'Comments are turned off for this story.',
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
  return (
    <section class="comments" id="comments" aria-labelledby="comments-heading" data-comments>
      <h2 id="comments-heading">
        Comments{' '}
        <span class="comment-count" data-comment-count>
          {formatCount(view.count, view.publication)}
        </span>
      </h2>
      {view.state !== 'open' ? <p class="comments-note">{STATE_NOTES[view.state]}</p> : <CommentFormArea view={view} />}
      {!empty && <OrderNav slug={articleSlug} page={page} />}
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
          No comments yet. Be the first.
        </p>
      )}
      <CommentPages slug={articleSlug} page={page} />
    </section>
  );
}

function CommentFormArea({ view }: { view: CommentsView }) {
  const { viewer, articleSlug, form } = view;
  if (!viewer) {
    return (
      <p class="comments-note">
        <a href={commentPaths.signIn(articleSlug)}>Sign in to comment</a> or <a href={commentPaths.signUp(articleSlug)}>Create an account</a>.{' '}
        {/* The limit the server enforces (comment-text.ts), told before anyone signs in to write. */}
        <span class="comment-limit">Comments may be up to {COMMENT_MAX_GRAPHEMES} characters, plain text.</span>
      </p>
    );
  }
  if (viewer.unconfirmed) {
    return (
      <p class="comments-note">
        To comment, please confirm your e-mail address: open the link in the mail we sent you, or{' '}
        <a href={paths.account.home()}>send it again from your account page</a>.
      </p>
    );
  }
  if (!viewer.mayAct) return <p class="comments-note">Your account may no longer comment, like or report.</p>;
  const body = form?.body ?? '';
  return (
    <form method="post" action={commentPaths.post(articleSlug)} class="comment-form" id="comment-form" data-comment-form="new">
      {form?.error && (
        <div class="error-summary" role="alert" aria-labelledby="comment-error-title" tabIndex={-1} data-error-code={form.error.code}>
          <h3 id="comment-error-title">Your comment was not posted</h3>
          <p>
            <a href="#comment-body">{form.error.message}</a>
          </p>
        </div>
      )}
      <input type="hidden" name={CSRF_FIELD} value={viewer.csrfToken} />
      {/* A honeypot: hidden from people and screen readers, filled in only by bots. */}
      <div class="comment-honeypot" aria-hidden="true">
        <label for="comment-website">Leave this empty</label>
        <input id="comment-website" type="text" name="website" tabIndex={-1} autocomplete="off" value="" />
      </div>
      <label for="comment-body">Your comment</label>
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
        Up to {COMMENT_MAX_GRAPHEMES} characters, plain text. Comments are public.
      </p>
      <CharacterCounter id="comment-body-counter" used={countGraphemes(body)} />
      <p class="form-error" data-form-error aria-live="assertive"></p>
      <button type="submit">Post comment</button>
    </form>
  );
}

function OrderNav({ slug, page }: { slug: string; page: CommentPage }) {
  const link = (order: CommentPage['order'], label: string) => (
    <a href={commentPaths.list(slug, order)} aria-current={page.order === order ? 'true' : undefined}>
      {label}
    </a>
  );
  return (
    <nav class="comment-order" aria-label="Order of comments">
      {link('newest', 'Newest')} · {link('liked', 'Most liked')}
    </nav>
  );
}

function CommentPages({ slug, page }: { slug: string; page: CommentPage }) {
  if (page.totalPages <= 1) return null;
  return (
    <nav class="pagination" aria-label="Comment pages">
      {page.page > 1 && (
        <a href={commentPaths.list(slug, page.order, page.page - 1)} rel="prev">
          ← Previous comments
        </a>
      )}
      <span>
        Page {page.page} of {page.totalPages}
      </span>
      {page.page < page.totalPages && (
        <a href={commentPaths.list(slug, page.order, page.page + 1)} rel="next">
          More comments →
        </a>
      )}
    </nav>
  );
}
