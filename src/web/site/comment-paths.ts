import type { CommentOrder } from '../../modules/comments/index.js';
import { paths } from '../shared/paths.js';

/** Every comment URL, built in one place (the forms post here; routes in comments.routes.ts). */
export const commentPaths = {
  post: (slug: string) => `${paths.article(slug)}/comments`,
  like: (id: string) => `/comments/${encodeURIComponent(id)}/like`,
  unlike: (id: string) => `/comments/${encodeURIComponent(id)}/unlike`,
  edit: (id: string) => `/comments/${encodeURIComponent(id)}/edit`,
  delete: (id: string) => `/comments/${encodeURIComponent(id)}/delete`,
  report: (id: string) => `/comments/${encodeURIComponent(id)}/report`,
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
