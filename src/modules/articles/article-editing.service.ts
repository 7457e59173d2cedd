import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { newId } from '../../shared/ids.js';
import { text, TextCharactersError, textProblemOf } from '../../shared/text.js';
import { isValidSlug, slugify } from '../../shared/slug.js';
import type { AuditAction, AuditService } from '../audit/index.js';
import { DEFAULT_EDITION_ID } from '../editions/index.js';
import type { RevisionService, RevisionSnapshot, WorkflowRevisionKind } from '../revisions/index.js';
import type { TagService } from '../tags/index.js';
import { mayEditStory, roleHas, type Permission } from '../users/index.js';
import { bodyFigureIds } from '../../shared/article-body.js';
import { ArticleInputError, parseArticleInput, type ArticleEditInput } from './article-input.js';
import {
  deleteArticle,
  findMissingArticleReferences,
  findSectionEdition,
  findStoryState,
  isArticleSlugTaken,
  isEditionKnown,
  isTranslationClash,
  isTranslationTaken,
  isStoryOwnedBy,
  setArticleCommentsEnabled,
  setArticleOwner,
  touchArticle,
  transitionArticleStatus,
  updateArticleContent,
  type ArticleContent,
  type StoryState,
} from './article-editing.repository.js';
import { insertArticle, insertCorrection } from './article.repository.js';
import type { ArticleStatus } from './article.types.js';
import { assertTransition } from './story-workflow.js';
import { describeConflict, editedStoryFields, snapshotOfEdit, StoryConflictError } from './story-conflict.js';
import { claimStoryEditVersion, findStoryEditState, type StoryEditState } from './story-version.repository.js';
import { assertPicturesHaveAlt, assertStoredPicturesHaveAlt } from './story-pictures.repository.js';
import { recordSourceVersion } from './story-translation.repository.js';

/** Who is acting: a signed-in staff user. The role is a string so an unknown role simply holds no permission. */
export interface Actor {
  id: string;
  role: string;
}

export const CORRECTION_KINDS = ['correction', 'update'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];
const CorrectionSchema = z.object({ kind: z.enum(CORRECTION_KINDS), text: text({ min: 1, max: 2000, multiline: true }) });

/**
 * How a save was made (docs/editor-saving.md): the version the editor started from (a save over
 * another session's newer save is refused), which open editor sent it, and whether it saved itself
 * (an autosave, kept as one revision per editing session).
 */
export interface SaveOptions {
  baseVersion?: number | undefined;
  editingSession?: string | undefined;
  autosave?: boolean;
  /** RevisionService.restore: the old revision this content comes from; such a save is audited. */
  restoredFrom?: number;
}

/** A save that was written: its revision's number and the story's new version. */
export interface SavedStory {
  revision: number;
  version: number;
}

/** The revision each workflow step records. */
const STEP_KINDS: Partial<Record<ArticleStatus, WorkflowRevisionKind>> = {
  in_review: 'submit',
  published: 'publish',
  scheduled: 'schedule',
  unpublished: 'unpublish',
};

/** Generated slugs try `base`, `base-2` … up to this, then add a random suffix. */
const MAX_SLUG_ATTEMPTS = 50;

/**
 * The story workflow: drafts, saves (each one a numbered revision), review, publishing, scheduling,
 * withdrawal, corrections and deletion. Every method checks the actor's permission first; every
 * failure throws a coded AppError and leaves the database as it was.
 */
export class ArticleEditingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly audit: AuditService,
    /** Finds or creates a story's tags inside the transaction that saves it. */
    private readonly tags: Pick<TagService, 'ensureIn'>,
    /** Writes each save's revision inside the same transaction; reads who saved last for a conflict. */
    private readonly revisions: Pick<RevisionService, 'recordIn' | 'recordStepIn' | 'latestContentRevision'>,
  ) {}

  /** Creates a draft owned by the actor; returns its id. */
  async createDraft(actor: Actor, input: unknown): Promise<string> {
    if (!roleHas(actor.role, 'story.create')) throw new AppError('ERR_STORY_FORBIDDEN');
    const edit = parseArticleInput(input);
    const slug = edit.slug ?? (await this.freeSlugFrom(edit.headline));
    await this.assertSlugFree(slug);
    await this.assertReferencesExist(edit);
    const editionId = edit.editionId ?? DEFAULT_EDITION_ID;
    await this.assertPlacement(edit.sectionId, editionId);
    const id = newId();
    const now = this.clock.now();
    await inTransaction(this.db, async (trx) => {
      const { content, snapshot } = await resolveContent(trx, this.tags, edit, slug, editionId);
      await insertArticle(trx, { ...content, id, status: 'draft' }, now);
      // The owner is who acted, never a field of the input.
      await setArticleOwner(trx, id, actor.id);
      if (content.commentsEnabled === false) await setArticleCommentsEnabled(trx, id, false);
      await this.revisions.recordIn(trx, { articleId: id, authorUserId: actor.id, snapshot, createdAt: now });
    });
    await this.events.emit({ name: 'story.saved', articleIds: [id] });
    return id;
  }

  /**
   * Saves new content for a story, whatever its status, as a new revision; returns the revision's
   * number. A blank slug keeps the current one: a published story's address never changes by accident.
   * `restoredFrom` (RevisionService.restore) names the old revision this content comes from; such a
   * save is audited in its transaction.
   */
  async update(actor: Actor, id: string, input: unknown, restoredFrom?: number): Promise<number> {
    return (await this.save(actor, id, input, restoredFrom === undefined ? {} : { restoredFrom })).revision;
  }

  /**
   * `update` with the editor's version check: refused with StoryConflictError (ERR_STORY_CONFLICT,
   * nothing written) when `baseVersion` is older than the story's and another editing session wrote
   * the newer content. Returns the revision written (or updated, for a session's repeated
   * autosaves) and the story's new version, the base of the editor's next save.
   */
  async save(actor: Actor, id: string, input: unknown, options: SaveOptions = {}): Promise<SavedStory> {
    const { restoredFrom } = options;
    const story = await this.storyFor(actor, id, null);
    const edit = parseArticleInput(input);
    const slug = edit.slug ?? story.slug;
    await this.assertSlugFree(slug, id);
    await this.assertReferencesExist(edit);
    const editionId = edit.editionId ?? story.editionId;
    await this.assertPlacement(edit.sectionId, editionId);
    if (editionId !== story.editionId && story.translationGroupId && (await isTranslationTaken(this.db, story.translationGroupId, editionId, id))) {
      throw new AppError('ERR_STORY_TRANSLATION_TAKEN');
    }
    // Readers see a live (or soon live) story's pictures: each must have alt text, as when it went out.
    if (story.status === 'published' || story.status === 'scheduled') await assertPicturesHaveAlt(this.db, edit.body, edit.heroMediaId);
    const now = this.clock.now();
    const saved = await inTransaction(this.db, async (trx): Promise<SavedStory | undefined> => {
      const version = await claimStoryEditVersion(trx, id, options);
      if (version === undefined) return undefined;
      const { content, snapshot } = await resolveContent(trx, this.tags, edit, slug, editionId);
      await updateArticleContent(trx, id, content, now);
      // A translation saved answers to its source as it stands now (clears "outdated", docs/editions.md).
      await recordSourceVersion(trx, id);
      const revision = await this.revisions.recordIn(trx, {
        articleId: id,
        authorUserId: actor.id,
        snapshot,
        createdAt: now,
        kind: restoredFrom !== undefined ? 'restore' : options.autosave ? 'autosave' : 'save',
        editingSession: options.editingSession ?? null,
      });
      if (restoredFrom !== undefined) {
        await this.audit.record(
          {
            actorUserId: actor.id,
            action: 'story.revision_restored',
            subjectType: 'article',
            subjectId: id,
            details: { slug, revision: restoredFrom, savedAs: revision },
          },
          trx,
        );
      }
      return { revision, version };
    }).catch((error: unknown) => {
      // Another story of the group moved into that edition since the check: the index refuses ours.
      throw isTranslationClash(error) ? new AppError('ERR_STORY_TRANSLATION_TAKEN') : error;
    });
    if (!saved) throw await this.conflictOver(id, snapshotOfEdit(edit, slug));
    // Readers see only a published story's change; the newsroom's search follows every one.
    await this.events.emit({ name: story.status === 'published' ? 'story.updated' : 'story.saved', articleIds: [id] });
    return saved;
  }

  /** The version an editor opening the story starts from (404 for a story that does not exist). */
  async editState(id: string): Promise<StoryEditState> {
    const state = await findStoryEditState(this.db, id);
    if (!state) throw new AppError('ERR_ARTICLE_NOT_FOUND');
    return state;
  }

  /** What a refused save reports: the story's version now, and who saved what, against `mine`. */
  private async conflictOver(id: string, mine: RevisionSnapshot): Promise<StoryConflictError> {
    const [state, latest] = await Promise.all([this.editState(id), this.revisions.latestContentRevision(id)]);
    return new StoryConflictError(describeConflict(state.version, latest, mine));
  }

  /** Throws unless the actor may edit this story (403), or when it does not exist (404). */
  async assertMayEdit(actor: Actor, id: string): Promise<void> {
    await this.storyFor(actor, id, null);
  }

  async submitForReview(actor: Actor, id: string): Promise<void> {
    const story = await this.storyFor(actor, id, 'story.submit');
    await this.move(story, 'in_review', { actor });
  }

  /** Publishes now, or keeps the original time when the story already went out (a re-publish). */
  async publish(actor: Actor, id: string): Promise<void> {
    const story = await this.storyFor(actor, id, 'story.publish');
    await assertStoredPicturesHaveAlt(this.db, id);
    const now = this.clock.now();
    const publishedAt = story.publishedAt && story.publishedAt.getTime() <= now.getTime() ? story.publishedAt : now;
    await this.move(story, 'published', {
      actor,
      publishedAt,
      audit: { actor, action: 'story.published', details: { slug: story.slug, from: story.status } },
    });
  }

  /** Schedules publication at `at`, which must be a valid time in the future. */
  async schedule(actor: Actor, id: string, at: Date | string): Promise<void> {
    const story = await this.storyFor(actor, id, 'story.schedule');
    const when = parseScheduleTime(at);
    if (when.getTime() <= this.clock.now().getTime()) throw new AppError('ERR_STORY_SCHEDULE_IN_PAST');
    await assertStoredPicturesHaveAlt(this.db, id);
    await this.move(story, 'scheduled', {
      actor,
      publishedAt: when,
      audit: { actor, action: 'story.scheduled', details: { slug: story.slug, from: story.status, at: when.toISOString() } },
    });
  }

  /** Withdraws a published story: readers get 410 Gone from then on. */
  async unpublish(actor: Actor, id: string): Promise<void> {
    const story = await this.storyFor(actor, id, 'story.unpublish');
    await this.move(story, 'unpublished', {
      actor,
      audit: { actor, action: 'story.unpublished', details: { slug: story.slug, from: story.status } },
    });
  }

  /** Adds a dated correction or update to a published story and marks the story as updated. */
  async addCorrection(actor: Actor, id: string, kind: string, text: string): Promise<void> {
    const story = await this.storyFor(actor, id, 'story.correct');
    const parsed = CorrectionSchema.safeParse({ kind, text });
    if (!parsed.success) {
      const characters = parsed.error.issues.some((issue) => textProblemOf(issue) === 'characters');
      throw characters ? new TextCharactersError('text') : new AppError('ERR_CORRECTION_INVALID');
    }
    if (story.status !== 'published') throw new AppError('ERR_CORRECTION_NOT_PUBLISHED');
    const now = this.clock.now();
    await inTransaction(this.db, async (trx) => {
      await insertCorrection(trx, id, { kind: parsed.data.kind, text: parsed.data.text, createdAt: now });
      await touchArticle(trx, id, now);
      // The text is public (it is printed under the story), so the log may hold it whole.
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'story.corrected',
          subjectType: 'article',
          subjectId: id,
          details: { slug: story.slug, kind: parsed.data.kind, text: parsed.data.text },
        },
        trx,
      );
    });
    await this.events.emit({ name: 'story.corrected', articleIds: [id] });
  }

  /** Deletes a story with its revisions, bylines, tags, corrections and picks. */
  async delete(actor: Actor, id: string): Promise<void> {
    const story = await this.storyFor(actor, id, 'story.delete');
    await inTransaction(this.db, async (trx) => {
      if (!(await deleteArticle(trx, id))) throw new AppError('ERR_ARTICLE_NOT_FOUND');
      await this.audit.record(
        {
          actorUserId: actor.id,
          action: 'story.deleted',
          subjectType: 'article',
          subjectId: id,
          details: { slug: story.slug, status: story.status },
        },
        trx,
      );
    });
    // The row is gone now: a story readers could see is described in the event (webhooks need it).
    const removed = story.status === 'published' ? [{ id, slug: story.slug, headline: story.headline, editionId: story.editionId }] : [];
    await this.events.emit({ name: 'story.deleted', articleIds: [id], removed });
  }

  /**
   * Loads a story the actor may act on. Order: the role's permission (403, before anything is
   * read), the story (404), then ownership for roles that may edit only their own stories (403).
   * `null` asks only for the right to edit.
   */
  private async storyFor(actor: Actor, id: string, permission: Permission | null): Promise<StoryState> {
    const allowed = permission ? roleHas(actor.role, permission) : mayEditStory(actor.role, true);
    if (!allowed) throw new AppError('ERR_STORY_FORBIDDEN');
    const story = await findStoryState(this.db, id);
    if (!story) throw new AppError('ERR_ARTICLE_NOT_FOUND');
    if (!mayEditStory(actor.role, await isStoryOwnedBy(this.db, id, actor.id))) throw new AppError('ERR_STORY_FORBIDDEN');
    return story;
  }

  /**
   * One status step, checked against the transition table, audited and recorded as a revision of
   * the story as it stood, in the same transaction.
   */
  private async move(
    story: StoryState,
    to: ArticleStatus,
    options: { actor: Actor; publishedAt?: Date; audit?: { actor: Actor; action: AuditAction; details: Record<string, unknown> } },
  ): Promise<void> {
    const kind = STEP_KINDS[to];
    assertTransition(story.status, to);
    await inTransaction(this.db, async (trx) => {
      const moved = await transitionArticleStatus(trx, story.id, {
        from: story.status,
        to,
        ...(options.publishedAt ? { publishedAt: options.publishedAt } : {}),
      });
      // Someone else changed the status since we read it: their step stands, ours is refused.
      if (!moved) throw new AppError('ERR_STORY_TRANSITION_INVALID', `${story.id} is no longer ${story.status}`);
      if (to === 'published' || to === 'scheduled') await recordSourceVersion(trx, story.id);
      if (kind) await this.revisions.recordStepIn(trx, { articleId: story.id, authorUserId: options.actor.id, kind, createdAt: this.clock.now() });
      if (options.audit) {
        const { actor, action, details } = options.audit;
        await this.audit.record({ actorUserId: actor.id, action, subjectType: 'article', subjectId: story.id, details }, trx);
      }
    });
    // Review is invisible to readers; every other step may change what they see (or a 404 into a 410).
    const articleIds = [story.id];
    if (to === 'published') await this.events.emit({ name: 'story.published', articleIds, scheduled: false });
    else if (to === 'scheduled') await this.events.emit({ name: 'story.scheduled', articleIds });
    else if (to === 'unpublished') await this.events.emit({ name: 'story.unpublished', articleIds });
  }

  private async assertSlugFree(slug: string, exceptId?: string): Promise<void> {
    if (await isArticleSlugTaken(this.db, slug, exceptId)) throw new AppError('ERR_STORY_SLUG_TAKEN');
  }

  private async assertReferencesExist(edit: ArticleEditInput): Promise<void> {
    const missing = await findMissingArticleReferences(this.db, {
      sectionId: edit.sectionId,
      authorIds: edit.authorIds,
      seriesId: edit.seriesId,
      mediaIds: [...(edit.heroMediaId ? [edit.heroMediaId] : []), ...bodyFigureIds(edit.body)],
    });
    if (missing.length > 0) throw new AppError('ERR_STORY_REFERENCE_UNKNOWN', `unknown: ${missing.join(', ')}`);
  }

  /**
   * A story is filed in a section of its own edition (a section belongs to one edition): a known
   * edition (400 ERR_STORY_INPUT_INVALID on `editionId`), a section of it (400 ERR_STORY_SECTION_EDITION).
   */
  private async assertPlacement(sectionId: string, editionId: string): Promise<void> {
    if (!(await isEditionKnown(this.db, editionId))) {
      throw new ArticleInputError([{ field: 'editionId', message: 'Choose an edition from the list.' }]);
    }
    if ((await findSectionEdition(this.db, sectionId)) !== editionId) throw new AppError('ERR_STORY_SECTION_EDITION');
  }

  /** A slug made from the headline that no story uses yet. */
  private async freeSlugFrom(headline: string): Promise<string> {
    const made = slugify(headline);
    const base = isValidSlug(made) ? made : 'story';
    for (let attempt = 1; attempt <= MAX_SLUG_ATTEMPTS; attempt++) {
      const slug = attempt === 1 ? base : `${base}-${attempt}`;
      if (!(await isArticleSlugTaken(this.db, slug))) return slug;
    }
    return `${base}-${newId().slice(0, 8)}`;
  }
}

/** Turns validated input into stored content (tags found or created) and the revision snapshot. */
async function resolveContent(
  trx: Db,
  tagService: Pick<TagService, 'ensureIn'>,
  edit: ArticleEditInput,
  slug: string,
  editionId: string,
): Promise<{ content: ArticleContent; snapshot: RevisionSnapshot }> {
  // Names that differ only in case or punctuation are one tag; keep its first position.
  const tags = [...new Map((await tagService.ensureIn(trx, edit.tags)).map((tag) => [tag.id, tag])).values()];
  const content: ArticleContent = {
    ...editedStoryFields(edit, slug),
    tagIds: tags.map((tag) => tag.id),
    embargoUntil: edit.embargoUntil,
    // Not part of the revision snapshot: restoring an old revision leaves the switch alone.
    commentsEnabled: edit.commentsEnabled,
    // Nor is the edition: a restore keeps the story where it is (its section must be of it).
    editionId,
  };
  // The tags as stored (their names after creation), not as typed.
  const snapshot = snapshotOfEdit({ ...edit, tags: tags.map((tag) => tag.name) }, slug);
  return { content, snapshot };
}

/** A Date, or an ISO 8601 date-time with an offset (`Z` or `+09:00`); anything else is a 400. */
function parseScheduleTime(at: Date | string): Date {
  if (at instanceof Date) {
    if (Number.isNaN(at.getTime())) throw new AppError('ERR_STORY_SCHEDULE_INVALID');
    return at;
  }
  if (typeof at !== 'string' || !z.iso.datetime({ offset: true }).safeParse(at).success) {
    throw new AppError('ERR_STORY_SCHEDULE_INVALID');
  }
  return new Date(at);
}
