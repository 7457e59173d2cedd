import type { ReaderComment, ReaderCommentStatus } from '../../../modules/readers/index.js';
import type { Pagination } from '../../../shared/pagination.js';
import { formatDateTime } from '../../shared/format.js';
import { PageLinks } from '../../shared/page-links.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { AccountLayout } from './account-layout.js';

const STATUS_LABELS: Record<ReaderCommentStatus, string> = {
  published: 'Published',
  pending: 'Awaiting moderation',
  hidden: 'Hidden by an editor',
  deleted: 'Deleted',
};

/** "My comments": the reader's own comments, newest first, each linking to its place in the story. */
export function MyCommentsPage({ site, comments, pagination }: { site: SiteContext; comments: readonly ReaderComment[]; pagination: Pagination }) {
  const { page } = pagination;
  return (
    <AccountLayout site={site} title={page > 1 ? `My comments (page ${page})` : 'My comments'}>
      <h1>My comments</h1>
      <p>
        <a href={paths.account.home()}>Back to your account</a>
      </p>
      {comments.length === 0 ? (
        <p>You have not written any comments yet.</p>
      ) : (
        <ol class="my-comments">
          {comments.map((comment) => (
            <li key={comment.id}>
              <article aria-labelledby={`my-comment-${comment.id}`}>
                <h2 id={`my-comment-${comment.id}`}>
                  <a href={`${paths.article(comment.article.slug)}#comment-${encodeURIComponent(comment.id)}`}>{comment.article.headline}</a>
                </h2>
                <p class="my-comment-meta">
                  <span class={`comment-status comment-status-${comment.status}`}>{STATUS_LABELS[comment.status]}</span>
                  {' · '}
                  <time dateTime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt, site.publication)}</time>
                </p>
                <p class="my-comment-body">{withLineBreaks(comment.body)}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      <PageLinks
        label="Pages of my comments"
        pagination={pagination}
        href={(target) => paths.account.comments(target)}
        previous="← Newer comments"
        next="Older comments →"
      />
    </AccountLayout>
  );
}

/** The text as typed, escaped by Preact, with its line breaks kept as <br> (no inline style is allowed). */
function withLineBreaks(text: string) {
  return text.split(/\r\n|\r|\n/).flatMap((line, index) => (index === 0 ? [line] : [<br key={index} />, line]));
}
