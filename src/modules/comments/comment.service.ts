import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { newId } from '../../shared/ids.js';
import { memoryRateLimiters, type RateLimiter, type RateLimiterFactory } from '../../shared/rate-limiter.js';
import { findArticleSlug, readArticleCommentCount, type Article, type ReadingService } from '../articles/index.js';
import type { Reader } from '../readers/index.js';
import type { PublicationSettings } from '../settings/index.js';
import { refreshCommentCount } from './comment-count.repository.js';
import { findBlockedPhrase, validateCommentBody } from './comment-text.js';
import {
  countTopLevelComments,
  deleteCommentLike,
  findCommentById,
  findLikedCommentIds,
  insertComment,
  insertCommentLike,
  insertCommentReport,
  listReplies,
  listTopLevelComments,
  refreshLikeCount,
  updateCommentBody,
  updateCommentStatus,
} from './comment.repository.js';
import {
  COMMENT_EDIT_WINDOW_MS,
  COMMENTS_PAGE_SIZE,
  type Comment,
  type CommentChange,
  type CommentOrder,
  type CommentPage,
  type CommentsState,
  type CommentStatus,
  type HeldReason,
} from './comment.types.js';

const TEN_MINUTES_MS = 10 * 60 * 1000;

export interface CommentRateLimiters {
  /** 5 comments per reader per 10 minutes: room for a conversation, not for a flood. */
  perReader: RateLimiter;
  /** 20 per address per 10 minutes: several readers behind one office or campus NAT still fit. */
  perIp: RateLimiter;
}

/**
 * The comment limits, from `limiters` (the cluster's). If the shared store is down they let comments
 * through: they are flood control, every comment still passes moderation, and refusing would lose
 * what readers wrote.
 */
export function commentLimiters(limiters: RateLimiterFactory): CommentRateLimiters {
  return {
    perReader: limiters('comments:reader', { limit: 5, windowMs: TEN_MINUTES_MS, whenUnavailable: 'allow' }),
    perIp: limiters('comments:ip', { limit: 20, windowMs: TEN_MINUTES_MS, whenUnavailable: 'allow' }),
  };
}

/** In this process's memory (tests building a service by hand). */
export function memoryCommentLimiters(clock: Clock): CommentRateLimiters {
  return commentLimiters(memoryRateLimiters(clock));
}

export interface NewComment {
  reader: Reader;
  slug: string;
  body: unknown;
  /** The comment replied to; a reply to a reply attaches to that reply's parent (one level). */
  parentId?: unknown;
  /** The honeypot field: people never see it, so anything in it came from a bot. */
  honeypot?: unknown;
  ip: string;
}

/**
 * Readers' comments: posting, replies, likes, edits, deletion and reports. Every change runs in one
 * transaction with the story's stored count, then announces it (`comment.posted` …) so cached pages and
 * lists refresh at once.
 */
export class CommentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly reading: ReadingService,
    private readonly publication: () => PublicationSettings,
    private readonly limiters: CommentRateLimiters,
  ) {}

  /** Whether the story takes comments now: the publication's mode first, then the story's switch. */
  state(article: Pick<Article, 'commentsEnabled'>): CommentsState {
    if (this.publication().commentsMode === 'closed') return 'closed';
    return article.commentsEnabled ? 'open' : 'off';
  }

  /**
   * One page of a story's comments as `viewerId` may see them, in a fixed number of queries; none
   * when `publishedCount` (the story's count of published comments and replies) says an anonymous
   * reader has nothing to see, as on most stories.
   */
  async page(
    articleId: string,
    options: { viewerId: string | null; order: CommentOrder; page: number; publishedCount?: number },
  ): Promise<CommentPage> {
    const { viewerId, order } = options;
    if (viewerId === null && options.publishedCount === 0) return { order, page: 1, totalPages: 1, likedByViewer: new Set(), threads: [] };
    const total = await countTopLevelComments(this.db, articleId, viewerId);
    const totalPages = Math.max(1, Math.ceil(total / COMMENTS_PAGE_SIZE));
    const page = Math.min(options.page, totalPages);
    const top = await listTopLevelComments(this.db, articleId, {
      viewerId,
      order,
      limit: COMMENTS_PAGE_SIZE,
      offset: (page - 1) * COMMENTS_PAGE_SIZE,
    });
    const replies = await listReplies(
      this.db,
      top.map((comment) => comment.id),
      viewerId,
    );
    const byParent = new Map<string, Comment[]>();
    for (const reply of replies) byParent.set(reply.parentId ?? '', [...(byParent.get(reply.parentId ?? '') ?? []), reply]);
    const shownIds = [...top, ...replies].map((comment) => comment.id);
    const likedByViewer = viewerId ? await findLikedCommentIds(this.db, viewerId, shownIds) : new Set<string>();
    return { order, page, totalPages, likedByViewer, threads: top.map((comment) => ({ comment, replies: byParent.get(comment.id) ?? [] })) };
  }

  /** Whether the reader has liked the comment (for the markup sent back after a change). */
  async hasLiked(readerId: string, commentId: string): Promise<boolean> {
    return (await findLikedCommentIds(this.db, readerId, [commentId])).has(commentId);
  }

  /** Posts a comment or reply. Checks run cheapest and most telling first; any failure stores nothing. */
  async post(input: NewComment): Promise<CommentChange> {
    assertMayAct(input.reader);
    const { article } = await this.reading.article(input.slug);
    this.assertOpen(article);
    if (typeof input.honeypot === 'string' && input.honeypot !== '') {
      // Pretend it worked, so the bot learns nothing; nothing is stored.
      await this.limiters.perIp.hit(input.ip);
      return { comment: null, articleSlug: article.slug, count: article.commentCount, open: this.state(article) === 'open' };
    }
    const body = validateCommentBody(input.body);
    const parentId = await this.resolveParent(article.id, input.parentId);
    const readerKey = `reader:${input.reader.id}`;
    if ((await this.limiters.perReader.isLimited(readerKey)) || (await this.limiters.perIp.isLimited(input.ip))) {
      throw new AppError('ERR_TOO_MANY_COMMENTS');
    }
    const { status, heldReason } = this.moderate(body);
    const id = newId();
    const count = await inTransaction(this.db, async (trx) => {
      await insertComment(trx, {
        id,
        articleId: article.id,
        readerId: input.reader.id,
        parentId,
        body,
        status,
        heldReason,
        createdAt: this.clock.now(),
      });
      await refreshCommentCount(trx, article.id);
      return readArticleCommentCount(trx, article.id);
    });
    await Promise.all([this.limiters.perReader.hit(readerKey), this.limiters.perIp.hit(input.ip)]);
    if (status === 'published') await this.events.emit({ name: 'comment.posted', articleId: article.id, commentId: id });
    return { comment: await this.mustFind(id), articleSlug: article.slug, count, open: true };
  }

  /** One like per reader: a second like is refused with ERR_COMMENT_ALREADY_LIKED and changes nothing. */
  async like(reader: Reader, commentId: unknown): Promise<CommentChange> {
    assertMayAct(reader);
    const { comment, article } = await this.publishedComment(commentId);
    await inTransaction(this.db, async (trx) => {
      if (!(await insertCommentLike(trx, comment.id, reader.id, this.clock.now()))) throw new AppError('ERR_COMMENT_ALREADY_LIKED');
      await refreshLikeCount(trx, comment.id);
    });
    await this.events.emit({ name: 'comment.liked', articleId: article.id, commentId: comment.id });
    return { comment: await this.mustFind(comment.id), articleSlug: article.slug, count: article.commentCount, open: this.state(article) === 'open' };
  }

  /** Takes a like back; a no-op when there was none. */
  async unlike(reader: Reader, commentId: unknown): Promise<CommentChange> {
    assertMayAct(reader);
    const { comment, article } = await this.publishedComment(commentId);
    const removed = await inTransaction(this.db, async (trx) => {
      const deleted = await deleteCommentLike(trx, comment.id, reader.id);
      if (deleted) await refreshLikeCount(trx, comment.id);
      return deleted;
    });
    if (removed) await this.events.emit({ name: 'comment.unliked', articleId: article.id, commentId: comment.id });
    return { comment: await this.mustFind(comment.id), articleSlug: article.slug, count: article.commentCount, open: this.state(article) === 'open' };
  }

  /** The reader's own comment, still within its edit window: for the edit form. */
  async editable(reader: Reader, commentId: unknown): Promise<{ comment: Comment; articleSlug: string }> {
    const comment = await this.findOwnChangeable(reader, commentId);
    this.assertEditWindow(comment);
    return { comment, articleSlug: await this.slugOf(comment) };
  }

  /**
   * Edits the reader's own comment within 5 minutes of posting. The new text is checked like a new
   * comment; under pre-moderation, or when it now contains a blocked phrase, it goes back to the queue.
   */
  async edit(reader: Reader, commentId: unknown, rawBody: unknown): Promise<CommentChange> {
    assertMayAct(reader);
    const comment = await this.findOwnChangeable(reader, commentId);
    this.assertEditWindow(comment);
    const { article } = await this.reading.article(await this.slugOf(comment));
    this.assertOpen(article);
    const body = validateCommentBody(rawBody);
    const { status, heldReason } = this.moderate(body);
    const count = await inTransaction(this.db, async (trx) => {
      await updateCommentBody(trx, comment.id, { body, editedAt: this.clock.now(), status, heldReason });
      await refreshCommentCount(trx, article.id);
      return readArticleCommentCount(trx, article.id);
    });
    await this.events.emit({ name: 'comment.edited', articleId: article.id, commentId: comment.id });
    return { comment: await this.mustFind(comment.id), articleSlug: article.slug, count, open: true };
  }

  /** Deletes the reader's own comment at any time; its replies stay, under "This comment was deleted." */
  async delete(reader: Reader, commentId: unknown): Promise<CommentChange> {
    const comment = await this.findOwnChangeable(reader, commentId);
    const count = await inTransaction(this.db, async (trx) => {
      await updateCommentStatus(trx, comment.id, 'deleted');
      await refreshCommentCount(trx, comment.articleId);
      return readArticleCommentCount(trx, comment.articleId);
    });
    await this.events.emit({ name: 'comment.deleted', articleId: comment.articleId, commentId: comment.id });
    return { comment: await this.mustFind(comment.id), articleSlug: await this.slugOf(comment), count, open: false };
  }

  /** Flags a published comment for the moderation queue; once per reader. Readers see no change. */
  async report(reader: Reader, commentId: unknown): Promise<CommentChange> {
    assertMayAct(reader);
    const { comment, article } = await this.publishedComment(commentId);
    const added = await inTransaction(this.db, (trx) => insertCommentReport(trx, comment.id, reader.id, this.clock.now()));
    if (!added) throw new AppError('ERR_COMMENT_ALREADY_REPORTED');
    return { comment, articleSlug: article.slug, count: article.commentCount, open: this.state(article) === 'open' };
  }

  private moderate(body: string): { status: CommentStatus; heldReason: HeldReason | null } {
    const publication = this.publication();
    if (publication.commentsMode === 'pre-moderated') return { status: 'pending', heldReason: 'pre-moderation' };
    if (findBlockedPhrase(body, publication.commentBlocklist)) return { status: 'pending', heldReason: 'blocklist' };
    return { status: 'published', heldReason: null };
  }

  private assertOpen(article: Article): void {
    const state = this.state(article);
    if (state === 'closed') throw new AppError('ERR_COMMENTS_CLOSED');
    if (state === 'off') throw new AppError('ERR_COMMENTS_OFF_FOR_STORY');
  }

  private assertEditWindow(comment: Comment): void {
    if (this.clock.now().getTime() - comment.createdAt.getTime() > COMMENT_EDIT_WINDOW_MS) throw new AppError('ERR_COMMENT_EDIT_WINDOW_CLOSED');
  }

  /** Replies go one level deep: replying to a reply answers its top-level comment instead. */
  private async resolveParent(articleId: string, raw: unknown): Promise<string | null> {
    if (raw === undefined || raw === null || raw === '') return null;
    if (typeof raw !== 'string') throw new AppError('ERR_COMMENT_PARENT_INVALID');
    let parent = await findCommentById(this.db, raw);
    if (parent?.parentId) parent = await findCommentById(this.db, parent.parentId);
    if (!parent || parent.articleId !== articleId || parent.status !== 'published') throw new AppError('ERR_COMMENT_PARENT_INVALID');
    return parent.id;
  }

  /** A published comment on a story readers can see (likes and reports need both). */
  private async publishedComment(raw: unknown): Promise<{ comment: Comment; article: Article }> {
    const comment = typeof raw === 'string' ? await findCommentById(this.db, raw) : undefined;
    if (!comment || comment.status !== 'published') throw new AppError('ERR_COMMENT_NOT_FOUND');
    const { article } = await this.reading.article(await this.slugOf(comment));
    return { comment, article };
  }

  private async findOwnChangeable(reader: Reader, raw: unknown): Promise<Comment> {
    const comment = typeof raw === 'string' ? await findCommentById(this.db, raw) : undefined;
    if (!comment || comment.status === 'deleted') throw new AppError('ERR_COMMENT_NOT_FOUND');
    if (comment.readerId !== reader.id) throw new AppError('ERR_COMMENT_NOT_YOURS');
    if (comment.status === 'hidden') throw new AppError('ERR_COMMENT_NOT_EDITABLE');
    return comment;
  }

  private async slugOf(comment: Comment): Promise<string> {
    const slug = await findArticleSlug(this.db, comment.articleId);
    if (!slug) throw new AppError('ERR_COMMENT_NOT_FOUND');
    return slug;
  }

  private async mustFind(id: string): Promise<Comment> {
    const comment = await findCommentById(this.db, id);
    if (!comment) throw new AppError('ERR_COMMENT_NOT_FOUND');
    return comment;
  }
}

function assertMayAct(reader: Reader): void {
  if (reader.banned || reader.deleted) throw new AppError('ERR_COMMENT_READER_BANNED');
  // Until the sign-up link was opened the address may not be theirs (docs/account-mail.md).
  if (!reader.confirmed) throw new AppError('ERR_READER_NOT_CONFIRMED');
}
