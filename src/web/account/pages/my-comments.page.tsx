import type { ReaderComment, ReaderCommentStatus } from '../../../modules/readers/index.js';
import type { Pagination } from '../../../shared/pagination.js';
import { formatDateTime } from '../../shared/format.js';
import { PageLinks } from '../../shared/page-links.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { AccountLayout } from './account-layout.js';

const STATUS_LABELS: Record<ReaderCommentStatus, `account.status.${ReaderCommentStatus}`> = {
  published: 'account.status.published',
  pending: 'account.status.pending',
  hidden: 'account.status.hidden',
  deleted: 'account.status.deleted',
};

/** "My comments": the reader's own comments, newest first, each linking to its place in the story. */
export function MyCommentsPage({ site, comments, pagination }: { site: SiteContext; comments: readonly ReaderComment[]; pagination: Pagination }) {
  const { t } = siteTranslator(site);
  const { page } = pagination;
  return (
    <AccountLayout site={site} title={page > 1 ? t('account.comments.titlePage', { page: String(page) }) : t('account.myComments')}>
      <h1>{t('account.myComments')}</h1>
      <p>
        <a href={paths.account.home()}>{t('account.comments.back')}</a>
      </p>
      {comments.length === 0 ? (
        <p>{t('account.comments.empty')}</p>
      ) : (
        <ol class="my-comments">
          {comments.map((comment) => (
            <li key={comment.id}>
              <article aria-labelledby={`my-comment-${comment.id}`}>
                <h2 id={`my-comment-${comment.id}`}>
                  <a href={`${paths.article(comment.article.slug)}#comment-${encodeURIComponent(comment.id)}`}>{comment.article.headline}</a>
                </h2>
                <p class="my-comment-meta">
                  <span class={`comment-status comment-status-${comment.status}`}>{t(STATUS_LABELS[comment.status])}</span>
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
        label={t('account.comments.pages')}
        pagination={pagination}
        href={(target) => paths.account.comments(target)}
        previous={t('account.comments.newer')}
        next={t('account.comments.older')}
      />
    </AccountLayout>
  );
}

/** The text as typed, escaped by Preact, with its line breaks kept as <br> (no inline style is allowed). */
function withLineBreaks(text: string) {
  return text.split(/\r\n|\r|\n/).flatMap((line, index) => (index === 0 ? [line] : [<br key={index} />, line]));
}
