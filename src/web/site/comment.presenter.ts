import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Comment, CommentChange } from '../../modules/comments/index.js';
import type { PublicationSettings } from '../../modules/settings/index.js';
import type { AppError } from '../../shared/errors.js';
import { CommentItem, type CommentViewer } from './components/comment-item.js';
import type { Translator } from '../../shared/i18n/index.js';

/** The JSON the page's script receives after a change: the comment's fields and its markup. */
export interface CommentChangeJson {
  comment: {
    id: string;
    parentId: string | null;
    status: Comment['status'];
    likeCount: number;
    liked: boolean;
    /** The `<li>` as the page renders it for this reader (without replies), escaped by Preact. */
    html: string;
  } | null;
  count: number;
}

export function presentCommentChange(
  change: CommentChange,
  options: { viewer: CommentViewer; liked: boolean; open: boolean; now: Date; publication: PublicationSettings },
): CommentChangeJson {
  const { comment } = change;
  if (!comment) return { comment: null, count: change.count };
  const context = {
    articleSlug: change.articleSlug,
    viewer: options.viewer,
    liked: options.liked ? new Set([comment.id]) : new Set<string>(),
    open: options.open,
    now: options.now,
    publication: options.publication,
  };
  return {
    comment: {
      id: comment.id,
      parentId: comment.parentId,
      status: comment.status,
      likeCount: comment.likeCount,
      liked: options.liked,
      html: renderToString(h(CommentItem, { comment, context })),
    },
    count: change.count,
  };
}

/** A refusal for the page's script, its message in the page's language. */
export function presentCommentError(error: AppError, translator: Pick<Translator, 'error'>): { error: { code: string; message: string } } {
  return { error: { code: error.code, message: translator.error(error.code) } };
}
