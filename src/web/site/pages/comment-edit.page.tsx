import { countGraphemes, type Comment } from '../../../modules/comments/index.js';
import { CSRF_FIELD } from '../../http/csrf.js';
import { commentPaths } from '../comment-paths.js';
import { CharacterCounter } from '../components/comment-item.js';
import type { CommentFormState } from '../components/comments-area.js';
import { Layout } from '../components/layout.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';

/** Editing one's own comment without script: a page of its own, for the 5 minutes it is allowed. */
export function CommentEditPage({
  site,
  comment,
  articleSlug,
  csrfToken,
  form,
}: {
  site: SiteContext;
  comment: Comment;
  articleSlug: string;
  csrfToken: string;
  form?: CommentFormState;
}) {
  const { t } = siteTranslator(site);
  const body = form?.body ?? comment.body;
  return (
    <Layout site={site} meta={{ title: t('account.commentEdit.title'), description: t('account.commentEdit.description'), noindex: true }}>
      <div class="comment-edit-page">
        <h1>{t('account.commentEdit.title')}</h1>
        <form method="post" action={commentPaths.edit(comment.id)} class="comment-form" data-comment-form="edit">
          {form?.error && (
            <div class="error-summary" role="alert" aria-labelledby="comment-error-title" tabIndex={-1} data-error-code={form.error.code}>
              <h2 id="comment-error-title">{t('account.commentEdit.notSaved')}</h2>
              <p>
                <a href="#comment-body">{form.error.message}</a>
              </p>
            </div>
          )}
          <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
          <label for="comment-body">{t('comments.yourComment')}</label>
          <textarea id="comment-body" name="body" rows={4} required data-comment-body aria-describedby="comment-body-counter" value={body} />
          <CharacterCounter id="comment-body-counter" used={countGraphemes(body)} />
          <p class="form-error" data-form-error aria-live="assertive"></p>
          <button type="submit">{t('account.commentEdit.save')}</button>{' '}
          <a href={commentPaths.anchor(articleSlug, comment.id)}>{t('account.commentEdit.cancel')}</a>
        </form>
      </div>
    </Layout>
  );
}
