/** A reader account: someone who comments, never staff. */
export interface Reader {
  id: string;
  email: string;
  displayName: string;
  createdAt: Date;
  /** Deleted by its owner: kept only so their comments can say "a deleted reader". */
  deleted: boolean;
  /** Banned by an editor: may read and sign in, but not comment, like or report. */
  banned: boolean;
  /** Opened the link in the sign-up mail: only a confirmed reader may comment, like or report. */
  confirmed: boolean;
  /** Asked for a mail when someone replies to one of their comments. */
  replyMail: boolean;
}

/** Where a reader's comment stands, as its author sees it on "My comments". */
export type ReaderCommentStatus = 'published' | 'pending' | 'hidden' | 'deleted';

/** One of a reader's own comments, with the story it is on. */
export interface ReaderComment {
  id: string;
  /** Plain text as typed, line breaks kept; escaped on output. */
  body: string;
  status: ReaderCommentStatus;
  createdAt: Date;
  editedAt: Date | null;
  article: { slug: string; headline: string };
}

/** Limits of a reader's display name, in characters (code points), after trimming. */
export const MAX_READER_NAME_LENGTH = 50;
