/** Comments as readers see them; rows never leave comment.repository.ts. */

export type CommentStatus = 'published' | 'pending' | 'hidden' | 'deleted';
export type HeldReason = 'pre-moderation' | 'blocklist';
export type CommentOrder = 'newest' | 'liked';

export const COMMENT_ORDERS: readonly CommentOrder[] = ['newest', 'liked'];
/** The moderation queue's views: waiting for an editor, reported by readers, or everything. */
export const QUEUE_VIEWS = ['pending', 'reported', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
/** Top-level comments a page; each comes with all its published replies. */
export const COMMENTS_PAGE_SIZE = 20;
/** A comment may be edited by its author for this long after it was posted. */
export const COMMENT_EDIT_WINDOW_MS = 5 * 60 * 1000;

export interface Comment {
  id: string;
  articleId: string;
  parentId: string | null;
  readerId: string;
  /** The author's display name, or null when the reader deleted the account ("a deleted reader"). */
  authorName: string | null;
  /** Empty for deleted and hidden comments: their text is never sent to readers. */
  body: string;
  status: CommentStatus;
  heldReason: HeldReason | null;
  createdAt: Date;
  editedAt: Date | null;
  likeCount: number;
}

/** A top-level comment with its replies, oldest reply first. */
export interface CommentThread {
  comment: Comment;
  replies: Comment[];
}

export interface CommentPage {
  order: CommentOrder;
  threads: CommentThread[];
  page: number;
  totalPages: number;
  /** Ids of the shown comments the viewing reader has liked. */
  likedByViewer: ReadonlySet<string>;
}

/** Whether a story takes comments now, and if not, why: shown above the (absent) form. */
export type CommentsState = 'open' | 'closed' | 'off';

/** The result of a successful change: the comment (null when a honeypot was filled) and the story's count. */
export interface CommentChange {
  comment: Comment | null;
  articleSlug: string;
  count: number;
  /** Whether the story still takes comments (and so replies): decides the controls sent back. */
  open: boolean;
}
