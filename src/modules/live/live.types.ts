import type { ArticleBody } from '../../shared/article-body.js';

/** The story type (type label) that makes a story a live page; ending the coverage changes it. */
export const LIVE_TYPE_LABEL = 'Live';

/** One timestamped entry of a live story. */
export interface LiveUpdate {
  id: string;
  articleId: string;
  /**
   * The story's change counter when this update last changed (posted, edited or deleted): the SSE
   * event id. Moves forward on every change, so "changes after N" is one index range.
   */
  sequence: number;
  /** Structured like a story's body (paragraphs, quotes, figures, embeds, links). */
  body: ArticleBody;
  /** The Markdown the reporter wrote (what the newsroom's edit form shows). */
  source: string;
  /** The byline: the posting staff member's author profile when linked, else their display name. */
  authorName: string;
  authorId: string | null;
  /** The staff account that posted it (reporters may change only their own). */
  userId: string;
  keyEvent: boolean;
  pinned: boolean;
  createdAt: Date;
  /** Set once an editor corrected it: readers see an "updated" note with this time. */
  editedAt: Date | null;
  /** Set when deleted: readers no longer see it; kept so a reconnecting page learns of it. */
  deletedAt: Date | null;
}

/** A live story's coverage: its key points and where its change counter stands. */
export interface LiveCoverage {
  articleId: string;
  /** The key points editors keep current, one per entry (may be empty). */
  summary: string[];
  /** The change counter: the sequence of the newest change (0 before the first). */
  lastSequence: number;
  /** The sequence at which the summary last changed (0: never). */
  summarySequence: number;
  /** Set when the coverage ended; the story stays with every update, no longer live. */
  endedAt: Date | null;
  /** The sequence at which the coverage ended (0 while live). */
  endedSequence: number;
}

/** What a live page shows: the pinned updates, then a page of the others, newest first. */
export interface LivePage {
  coverage: LiveCoverage;
  pinned: LiveUpdate[];
  updates: LiveUpdate[];
  /** The key events, newest first, for the summary's links (bounded). */
  keyEvents: LiveUpdate[];
  /** Set when older updates exist: pass as `before` for the next page. */
  olderCursor: string | null;
}

/**
 * What changed after a sequence a page last saw: the updates changed (deleted ones with
 * `deletedAt`), whether the summary or the ending changed. `reset` when the sequence cannot be
 * answered exactly (forged, from the future, or too far back): the page takes the current state.
 */
export type LiveChanges =
  { kind: 'changes'; lastSequence: number; updates: LiveUpdate[]; summaryChanged: boolean; ended: boolean } | { kind: 'reset'; lastSequence: number };

/** Who is posting or changing an update, as the newsroom resolved them. */
export interface LiveActor {
  userId: string;
  displayName: string;
  authorId: string | null;
  authorName: string | null;
  /** May change and delete anyone's updates, the summary, and end the coverage ('live.manage'). */
  canManage: boolean;
}

/** An update as the quick composer sends it. */
export interface LiveUpdateInput {
  /** Markdown: paragraphs, links, `> quotes` with `— Name` lines, `[[figure:ID]]`, `[[embed:URL]]`. */
  text: unknown;
  /** A checkbox ('on') or a JSON boolean. */
  keyEvent?: unknown;
  pinned?: unknown;
}
