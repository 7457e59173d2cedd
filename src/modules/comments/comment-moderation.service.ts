import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { paginate, type Pagination } from '../../shared/pagination.js';
import { checkText } from '../../shared/text.js';
import type { AuditService, AuditAction } from '../audit/index.js';
import type { SettingsService, PublicationSettings } from '../settings/index.js';
import { roleHas } from '../users/index.js';
import { refreshCommentCount } from './comment-count.repository.js';
import {
  clearCommentReports,
  countQueue,
  findCommentState,
  hidePendingCommentsOf,
  listQueue,
  setReaderBan,
  transitionCommentStatus,
  type CommentState,
  type CommentStatus,
  type QueueComment,
} from './comment-moderation.repository.js';
import type { QueueView } from './comment.types.js';

export { type CommentStatus, type QueueComment } from './comment-moderation.repository.js';

/** The "all" view pages through every comment ever posted; the other views are short by nature. */
export const QUEUE_PAGE_SIZE = 50;
/** The settings schema's limits, repeated for the form's messages and the textarea's hint. */
export const BLOCKLIST_MAX_ENTRIES = 500;
export const BLOCKLIST_MAX_LENGTH = 100;

export const COMMENTS_MODES = ['open', 'pre-moderated', 'closed'] as const;
export type CommentsMode = PublicationSettings['commentsMode'];

/**
 * What each moderation step may start from, as data. Approve also restores a hidden comment (an
 * editor's own undo); deleted is final, because readers delete their own comments too and an editor
 * must not bring those back.
 */
export const MODERATION_STEPS = {
  approve: { from: ['pending', 'hidden'], to: 'published', audit: 'comment.approved' },
  hide: { from: ['published', 'pending'], to: 'hidden', audit: 'comment.hidden' },
  delete: { from: ['published', 'pending', 'hidden'], to: 'deleted', audit: 'comment.deleted' },
} as const satisfies Record<string, { from: readonly CommentStatus[]; to: CommentStatus; audit: AuditAction }>;
export type ModerationStep = keyof typeof MODERATION_STEPS;

/** A queue row plus the blocklist entry its text matches now, when it was held for one. */
export interface QueueItem extends QueueComment {
  blocklistMatch: string | null;
}

export interface QueuePage {
  view: QueueView;
  items: QueueItem[];
  pagination: Pagination;
  /** Shown on the tabs. */
  counts: { pending: number; reported: number };
}

/** Who is acting: a signed-in staff user (only `comments.moderate` holders get anywhere). */
export interface Moderator {
  id: string;
  role: string;
}

/** The moderation form's input, checked: which fields are wrong, or the settings to save. */
export type ModerationSettingsCheck =
  | { ok: true; settings: { commentsMode: CommentsMode; commentBlocklist: string[] } }
  | { ok: false; problems: Array<'commentsMode' | 'commentBlocklist'> };

/**
 * The newsroom side of comments: the queue, and the steps editors take on a comment or its reader.
 * Every step checks the current state (404 unknown, 409 not allowed from here), changes the rows,
 * recounts the story's comments and writes the audit entry in one transaction, then emits
 * `comment.moderated` (or `reader.banned` …) so the story's cached page and the lists refresh.
 */
export class CommentModerationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
  ) {}

  async queue(view: QueueView, page: number): Promise<QueuePage> {
    const [items, pending, reported, total] = await Promise.all([
      listQueue(this.db, view, { limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE }),
      countQueue(this.db, 'pending'),
      countQueue(this.db, 'reported'),
      view === 'all' ? countQueue(this.db, 'all') : undefined,
    ]);
    const blocklist = this.settings.publication.commentBlocklist;
    const totalItems = total ?? (view === 'pending' ? pending : reported);
    return {
      view,
      items: items.map((item) => ({ ...item, blocklistMatch: item.heldReason === 'blocklist' ? blocklistMatch(item.body, blocklist) : null })),
      pagination: paginate(page, QUEUE_PAGE_SIZE, totalItems),
      counts: { pending, reported },
    };
  }

  /** Approve, hide or delete one comment. */
  async moderate(actor: Moderator, commentId: string, step: ModerationStep): Promise<void> {
    const comment = await this.commentFor(actor, commentId);
    const { from, to, audit } = MODERATION_STEPS[step];
    if (!(from as readonly CommentStatus[]).includes(comment.status)) {
      throw new AppError('ERR_MODERATION_STEP_INVALID', `${step} from ${comment.status}`);
    }
    await inTransaction(this.db, async (trx) => {
      // Someone else (an editor, or the reader deleting it) changed it since we read it: theirs stands.
      if (!(await transitionCommentStatus(trx, comment.id, comment.status, to)))
        throw new AppError('ERR_MODERATION_STEP_INVALID', `no longer ${comment.status}`);
      await refreshCommentCount(trx, comment.articleId);
      await this.record(trx, actor, audit, comment, { from: comment.status });
    });
    await this.events.emit({ name: 'comment.moderated', articleId: comment.articleId, commentId: comment.id, step });
  }

  /** Clears a comment's reports: an editor looked and found nothing wrong. */
  async dismissReports(actor: Moderator, commentId: string): Promise<void> {
    const comment = await this.commentFor(actor, commentId);
    if (comment.reportCount === 0) throw new AppError('ERR_MODERATION_NO_REPORTS');
    await inTransaction(this.db, async (trx) => {
      const reports = await clearCommentReports(trx, comment.id);
      await refreshCommentCount(trx, comment.articleId);
      await this.record(trx, actor, 'comment.reports_dismissed', comment, { reports });
    });
    await this.events.emit({ name: 'comment.moderated', articleId: comment.articleId, commentId: comment.id, step: 'dismiss-reports' });
  }

  /**
   * Bans the comment's reader: they can no longer comment, like or report. Their comments still
   * waiting for an editor are hidden with the ban (nobody would approve them now, and the queue
   * stays short); their published comments stay until an editor hides them one by one.
   */
  async banReader(actor: Moderator, commentId: string): Promise<void> {
    const comment = await this.commentFor(actor, commentId);
    if (comment.readerBanned) throw new AppError('ERR_MODERATION_BAN_INVALID', 'already banned');
    const articleIds = await inTransaction(this.db, async (trx) => {
      if (!(await setReaderBan(trx, comment.readerId, this.clock.now()))) throw new AppError('ERR_MODERATION_BAN_INVALID', 'already banned');
      const hiddenOn = await hidePendingCommentsOf(trx, comment.readerId);
      for (const articleId of hiddenOn) await refreshCommentCount(trx, articleId);
      await this.record(trx, actor, 'reader.banned', comment, { readerId: comment.readerId, pendingHidden: hiddenOn.length });
      return [...new Set([comment.articleId, ...hiddenOn])];
    });
    await this.events.emit({ name: 'reader.banned', readerId: comment.readerId, articleIds });
  }

  /** Lifts a ban; comments hidden with it stay hidden (an editor can approve them from "All"). */
  async unbanReader(actor: Moderator, commentId: string): Promise<void> {
    const comment = await this.commentFor(actor, commentId);
    if (!comment.readerBanned) throw new AppError('ERR_MODERATION_BAN_INVALID', 'not banned');
    await inTransaction(this.db, async (trx) => {
      if (!(await setReaderBan(trx, comment.readerId, null))) throw new AppError('ERR_MODERATION_BAN_INVALID', 'not banned');
      await refreshCommentCount(trx, comment.articleId);
      await this.record(trx, actor, 'reader.unbanned', comment, { readerId: comment.readerId });
    });
    await this.events.emit({ name: 'reader.unbanned', readerId: comment.readerId, articleIds: [comment.articleId] });
  }

  /** The publication's comment mode and blocklist, as the form shows them. */
  currentSettings(): { commentsMode: CommentsMode; commentBlocklist: readonly string[] } {
    const { commentsMode, commentBlocklist } = this.settings.publication;
    return { commentsMode, commentBlocklist };
  }

  /** Saves mode and blocklist (checked with `checkSettings` first); `settings.changed` follows. */
  async updateSettings(actor: Moderator, settings: { commentsMode: CommentsMode; commentBlocklist: string[] }): Promise<void> {
    if (!roleHas(actor.role, 'comments.moderate')) throw new AppError('ERR_FORBIDDEN');
    await this.settings.updatePublication(settings);
    await this.audit.record({
      actorUserId: actor.id,
      action: 'settings.updated',
      subjectType: 'settings',
      subjectId: 'comments',
      details: { commentsMode: settings.commentsMode, blocklistEntries: settings.commentBlocklist.length },
    });
  }

  private async commentFor(actor: Moderator, id: string): Promise<CommentState> {
    if (!roleHas(actor.role, 'comments.moderate')) throw new AppError('ERR_FORBIDDEN');
    const comment = await findCommentState(this.db, id);
    if (!comment) throw new AppError('ERR_COMMENT_NOT_FOUND');
    return comment;
  }

  private record(trx: Db, actor: Moderator, action: AuditAction, comment: CommentState, details: Record<string, unknown>): Promise<void> {
    return this.audit.record(
      { actorUserId: actor.id, action, subjectType: 'comment', subjectId: comment.id, details: { articleId: comment.articleId, ...details } },
      trx,
    );
  }
}

/**
 * Reads the moderation form: a mode, and a blocklist typed one entry a line. Entries are trimmed,
 * empty lines dropped and repeats (ignoring case) kept once; then at most 500 entries of 1–100
 * characters, the settings schema's limits.
 */
export function checkModerationSettings(input: { commentsMode: string; commentBlocklist: string }): ModerationSettingsCheck {
  const problems: Array<'commentsMode' | 'commentBlocklist'> = [];
  const mode = COMMENTS_MODES.find((candidate) => candidate === input.commentsMode);
  if (!mode) problems.push('commentsMode');
  // Each entry is one line of text like any other field: no control characters or tabs, NFC.
  const checked = parseBlocklist(input.commentBlocklist).map((entry) => checkText(entry, { min: 1, max: BLOCKLIST_MAX_LENGTH }));
  const blocklist = checked.flatMap((entry) => (entry.ok ? [entry.text] : []));
  if (checked.length > BLOCKLIST_MAX_ENTRIES || blocklist.length < checked.length) problems.push('commentBlocklist');
  return problems.length > 0 || !mode ? { ok: false, problems } : { ok: true, settings: { commentsMode: mode, commentBlocklist: blocklist } };
}

/** One entry a line, trimmed; empty lines dropped; repeats that differ only in case kept once. */
export function parseBlocklist(text: string): string[] {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const entry = line.trim();
    const key = entry.toLowerCase();
    if (entry === '' || seen.has(key)) continue;
    seen.add(key);
    entries.push(entry);
  }
  return entries;
}

/** The first blocklist entry a text contains, ignoring case; for the queue's "Blocklist: word". */
export function blocklistMatch(text: string, blocklist: readonly string[]): string | null {
  const lower = text.toLowerCase();
  return blocklist.find((entry) => lower.includes(entry.toLowerCase())) ?? null;
}
