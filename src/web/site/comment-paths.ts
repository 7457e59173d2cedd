import type { CommentOrder } from '../../modules/comments/index.js';
import { paths } from '../shared/paths.js';
import { editionBase } from '../shared/request-edition.js';

/**
 * Every comment URL, built in one place (the forms post here; routes in comments.routes.ts), in the
 * page's edition like the story they belong to, so the edit page speaks its language.
 */
export const commentPaths = {
  post: (slug: string) => `${paths.article(slug)}/comments`,
  like: (id: string) => `${editionBase()}/comments/${encodeURIComponent(id)}/like`,
  unlike: (id: string) => `${editionBase()}/comments/${encodeURIComponent(id)}/unlike`,
  edit: (id: string) => `${editionBase()}/comments/${encodeURIComponent(id)}/edit`,
  delete: (id: string) => `${editionBase()}/comments/${encodeURIComponent(id)}/delete`,
  report: (id: string) => `${editionBase()}/comments/${encodeURIComponent(id)}/report`,
  /** The story's comments in an order and page; only non-default values appear in the URL. */
  list: (slug: string, order: CommentOrder, page = 1) => {
    const query = [order === 'liked' ? 'comments=liked' : '', page > 1 ? `cpage=${page}` : ''].filter(Boolean).join('&');
    return `${paths.article(slug)}${query ? `?${query}` : ''}#comments`;
  },
  /** Where a reader lands after posting without JavaScript: the comment itself. */
  anchor: (slug: string, commentId: string) => `${paths.article(slug)}#comment-${encodeURIComponent(commentId)}`,
  signIn: (slug: string) => paths.account.signIn(`${paths.article(slug)}#comments`),
  signUp: (slug: string) => paths.account.signUp(`${paths.article(slug)}#comments`),
};
