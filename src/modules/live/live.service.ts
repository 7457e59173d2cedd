import { inTransaction, type Db } from '../../db/database.js';
import { serializeBody, bodyFigureIds } from '../../shared/article-body.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { newId } from '../../shared/ids.js';
import { findLiveStoryState, setStoryTypeLabel, touchArticle, TYPE_LABELS, type LiveStoryState } from '../articles/index.js';
import type { AuditService } from '../audit/index.js';
import { findMediaByIds } from '../media/index.js';
import { checkSummaryText, checkUpdateText, flagOf, type CheckedUpdate } from './live-input.js';
import {
  ensureCoverage,
  findCoverage,
  findUpdate,
  findUpdatePosition,
  insertUpdate,
  listChangedUpdates,
  listKeyEvents,
  listVisibleUpdates,
  markEnded,
  markUpdateDeleted,
  nextSequence,
  saveSummary,
  updateUpdate,
} from './live.repository.js';
import {
  LIVE_TYPE_LABEL,
  type LiveActor,
  type LiveChanges,
  type LiveCoverage,
  type LivePage,
  type LiveUpdate,
  type LiveUpdateInput,
} from './live.types.js';

/** How many updates a page of the live story lists (pinned ones come on top of these). */
export const LIVE_PAGE_SIZE = 50;
/** A reconnecting page further behind than this many changes gets the current state instead. */
export const LIVE_REPLAY_LIMIT = 200;
/** Pinned updates and key events a page shows at most. */
const PINNED_LIMIT = 10;
const KEY_EVENT_LIMIT = 20;
/** An update id as the service makes them (UUIDs); anything else is not looked up. */
const UPDATE_ID = /^[0-9a-f-]{36}$/;

const NO_COVERAGE = (articleId: string): LiveCoverage => ({
  articleId,
  summary: [],
  lastSequence: 0,
  summarySequence: 0,
  endedAt: null,
  endedSequence: 0,
});

/**
 * Live coverage (docs/live.md): a live story's timestamped updates and key points. Each change
 * takes the story's next change number and raises `live.changed` with it once committed; pages and
 * SSE streams read what changed after the number they last saw. Routes check `live.post` first;
 * this service checks the story (published, live, not ended) and whose update it is.
 */
export class LiveService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: Pick<EventBus, 'emit'>,
    private readonly audit: Pick<AuditService, 'record'>,
  ) {}

  /** The coverage of a story (an empty one before its first change). */
  async coverage(articleId: string): Promise<LiveCoverage> {
    return (await findCoverage(this.db, articleId)) ?? NO_COVERAGE(articleId);
  }

  /** A page of a live story for readers: pinned, then `LIVE_PAGE_SIZE` updates older than `before` (an update id). */
  async page(articleId: string, options: { before?: string | undefined } = {}): Promise<LivePage> {
    const cursor = options.before && UPDATE_ID.test(options.before) ? await findUpdatePosition(this.db, articleId, options.before) : undefined;
    // The counter first, the lists after: a change committed in between then shows on the page and
    // is replayed once more to its stream (an update the page has is replaced, not added twice);
    // read the other way round, the page would claim a change it does not show.
    const coverage = await this.coverage(articleId);
    const [pinned, rows, keyEvents] = await Promise.all([
      cursor ? Promise.resolve([]) : listVisibleUpdates(this.db, articleId, { pinned: true, limit: PINNED_LIMIT }),
      listVisibleUpdates(this.db, articleId, { pinned: false, limit: LIVE_PAGE_SIZE + 1, before: cursor }),
      listKeyEvents(this.db, articleId, KEY_EVENT_LIMIT),
    ]);
    const updates = rows.slice(0, LIVE_PAGE_SIZE);
    const olderCursor = rows.length > LIVE_PAGE_SIZE ? (updates.at(-1)?.id ?? null) : null;
    return { coverage, pinned, updates, keyEvents, olderCursor };
  }

  /**
   * What changed after `sequence` (a page's or an SSE stream's last event id). A number this story
   * never reached, a negative or broken one, or one too far back for an exact replay: `reset`.
   */
  async changesSince(articleId: string, sequence: number): Promise<LiveChanges> {
    const coverage = await this.coverage(articleId);
    const last = coverage.lastSequence;
    if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence > last || last - sequence > LIVE_REPLAY_LIMIT) {
      return { kind: 'reset', lastSequence: last };
    }
    const updates = sequence === last ? [] : await listChangedUpdates(this.db, articleId, sequence, LIVE_REPLAY_LIMIT);
    return {
      kind: 'changes',
      lastSequence: last,
      updates,
      summaryChanged: coverage.summarySequence > sequence,
      ended: coverage.endedAt !== null && coverage.endedSequence > sequence,
    };
  }

  /** The newest visible updates, pinned or not, for the story's feed of updates. */
  async recentUpdates(articleId: string, limit: number): Promise<LiveUpdate[]> {
    const [pinned, others] = await Promise.all([
      listVisibleUpdates(this.db, articleId, { pinned: true, limit }),
      listVisibleUpdates(this.db, articleId, { pinned: false, limit }),
    ]);
    return [...pinned, ...others].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
  }

  /** One visible update (the newsroom's edit form); ERR_LIVE_UPDATE_NOT_FOUND when absent or deleted. */
  async update(articleId: string, updateId: string): Promise<LiveUpdate> {
    const update = UPDATE_ID.test(updateId) ? await findUpdate(this.db, articleId, updateId) : undefined;
    if (!update || update.deletedAt) throw new AppError('ERR_LIVE_UPDATE_NOT_FOUND');
    return update;
  }

  async post(actor: LiveActor, articleId: string, input: LiveUpdateInput): Promise<LiveUpdate> {
    const story = await this.liveStory(articleId);
    const checked = await this.checkUpdate(input.text);
    const now = this.clock.now();
    const id = newId();
    const sequence = await inTransaction(this.db, async (trx) => {
      await ensureCoverage(trx, articleId, now);
      const next = await nextSequence(trx, articleId);
      await this.assertNotEnded(trx, articleId);
      await insertUpdate(trx, {
        id,
        articleId,
        sequence: next,
        body: serializeBody(checked.body),
        source: checked.source,
        authorName: actor.authorName ?? actor.displayName,
        authorId: actor.authorId,
        userId: actor.userId,
        keyEvent: flagOf(input.keyEvent),
        pinned: flagOf(input.pinned),
        createdAt: now,
      });
      await touchArticle(trx, articleId, now);
      await this.record(trx, actor, 'live.update_posted', story, { update: id });
      return next;
    });
    await this.events.emit({ name: 'live.changed', articleId, sequence });
    return this.update(articleId, id);
  }

  async edit(actor: LiveActor, articleId: string, updateId: string, input: LiveUpdateInput): Promise<LiveUpdate> {
    const story = await this.liveStory(articleId);
    const current = await this.ownUpdate(actor, articleId, updateId);
    const checked = await this.checkUpdate(input.text);
    const now = this.clock.now();
    const sequence = await inTransaction(this.db, async (trx) => {
      const next = await nextSequence(trx, articleId);
      await this.assertNotEnded(trx, articleId);
      await updateUpdate(trx, current.id, {
        sequence: next,
        body: serializeBody(checked.body),
        source: checked.source,
        keyEvent: flagOf(input.keyEvent),
        pinned: flagOf(input.pinned),
        editedAt: now,
      });
      await touchArticle(trx, articleId, now);
      await this.record(trx, actor, 'live.update_edited', story, { update: current.id });
      return next;
    });
    await this.events.emit({ name: 'live.changed', articleId, sequence });
    return this.update(articleId, current.id);
  }

  async remove(actor: LiveActor, articleId: string, updateId: string): Promise<void> {
    const story = await this.liveStory(articleId);
    const current = await this.ownUpdate(actor, articleId, updateId);
    const now = this.clock.now();
    const sequence = await inTransaction(this.db, async (trx) => {
      const next = await nextSequence(trx, articleId);
      await this.assertNotEnded(trx, articleId);
      await markUpdateDeleted(trx, current.id, next, now);
      await this.record(trx, actor, 'live.update_deleted', story, { update: current.id });
      return next;
    });
    await this.events.emit({ name: 'live.changed', articleId, sequence });
  }

  /** Key points, one per non-empty line of `text` (editors: 'live.manage'). */
  async setSummary(actor: LiveActor, articleId: string, text: unknown): Promise<LiveCoverage> {
    if (!actor.canManage) throw new AppError('ERR_FORBIDDEN');
    const story = await this.liveStory(articleId);
    const points = checkSummaryText(text);
    const now = this.clock.now();
    const sequence = await inTransaction(this.db, async (trx) => {
      await ensureCoverage(trx, articleId, now);
      const next = await nextSequence(trx, articleId);
      await this.assertNotEnded(trx, articleId);
      await saveSummary(trx, articleId, points, next);
      await this.record(trx, actor, 'live.summary_saved', story, { points: points.length });
      return next;
    });
    await this.events.emit({ name: 'live.changed', articleId, sequence });
    return this.coverage(articleId);
  }

  /**
   * Ends the coverage: the story keeps every update, takes `typeLabel` (default News) and becomes an
   * ordinary story; its page no longer streams. Lists drop its LIVE label (`story.updated`).
   */
  async end(actor: LiveActor, articleId: string, typeLabel: unknown = 'News'): Promise<LiveCoverage> {
    if (!actor.canManage) throw new AppError('ERR_FORBIDDEN');
    const label = typeLabel === undefined || typeLabel === '' ? 'News' : typeLabel;
    if (typeof label !== 'string' || label === LIVE_TYPE_LABEL || !(TYPE_LABELS as readonly string[]).includes(label)) {
      throw new AppError('ERR_LIVE_TYPE_INVALID');
    }
    const story = await this.liveStory(articleId);
    const now = this.clock.now();
    const sequence = await inTransaction(this.db, async (trx) => {
      await ensureCoverage(trx, articleId, now);
      const next = await nextSequence(trx, articleId);
      await this.assertNotEnded(trx, articleId);
      await markEnded(trx, articleId, now, next);
      await setStoryTypeLabel(trx, articleId, label, now);
      await this.record(trx, actor, 'live.ended', story, { typeLabel: label });
      return next;
    });
    await this.events.emit({ name: 'live.changed', articleId, sequence });
    await this.events.emit({ name: 'story.updated', articleIds: [articleId] });
    return this.coverage(articleId);
  }

  /** The story, when updates may be posted on it now: it exists, readers see it, it is live. */
  private async liveStory(articleId: string): Promise<LiveStoryState> {
    const story = await findLiveStoryState(this.db, articleId);
    if (!story) throw new AppError('ERR_LIVE_STORY_NOT_FOUND');
    const coverage = await findCoverage(this.db, articleId);
    if (coverage?.endedAt) throw new AppError('ERR_LIVE_ENDED');
    if (story.typeLabel !== LIVE_TYPE_LABEL) throw new AppError('ERR_LIVE_NOT_LIVE');
    const now = this.clock.now();
    const visible = story.status === 'published' && (!story.embargoUntil || story.embargoUntil <= now);
    if (!visible) throw new AppError('ERR_LIVE_NOT_PUBLISHED');
    return story;
  }

  /** Checked again once nextSequence holds the row's lock: an ending committed meanwhile wins over a late post. */
  private async assertNotEnded(trx: Db, articleId: string): Promise<void> {
    const coverage = await findCoverage(trx, articleId);
    if (coverage?.endedAt) throw new AppError('ERR_LIVE_ENDED');
  }

  private async ownUpdate(actor: LiveActor, articleId: string, updateId: string): Promise<LiveUpdate> {
    const update = await this.update(articleId, updateId);
    if (update.userId !== actor.userId && !actor.canManage) throw new AppError('ERR_LIVE_NOT_YOURS');
    return update;
  }

  /** The text checked, and every figure it names found in the media library. */
  private async checkUpdate(text: unknown): Promise<CheckedUpdate> {
    const checked = checkUpdateText(text);
    const figureIds = bodyFigureIds(checked.body);
    if (figureIds.length > 0) {
      const found = await findMediaByIds(this.db, figureIds);
      if (figureIds.some((id) => !found.has(id))) throw new AppError('ERR_LIVE_UPDATE_INVALID');
    }
    return checked;
  }

  private async record(
    trx: Db,
    actor: LiveActor,
    action: Parameters<AuditService['record']>[0]['action'],
    story: LiveStoryState,
    details: Record<string, unknown>,
  ) {
    await this.audit.record(
      { actorUserId: actor.userId, action, subjectType: 'article', subjectId: story.id, details: { slug: story.slug, ...details } },
      trx,
    );
  }
}
