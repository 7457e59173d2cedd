import type { Db } from '../../db/database.js';
import { AppError } from '../../shared/errors.js';
import { diffSnapshots } from './revision-diff.js';
import {
  findLatestContentRevision,
  findLatestRevision,
  findRevision,
  insertRevision,
  listRevisions,
  updateLatestAutosave,
} from './revision.repository.js';
import type { Revision, RevisionDiff, RevisionRecord, WorkflowRevisionKind } from './revision.types.js';

/** Who is restoring: a signed-in staff user, as the articles module's `Actor`. */
export interface RevisionActor {
  id: string;
  role: string;
}

/**
 * What restoring needs of the story workflow: articles' ArticleEditingService, which writes the
 * revisions (and so depends on this module) and is handed in rather than imported.
 */
export interface StoryEditor {
  /** Throws unless the actor may edit this story (403), or when it does not exist (404). */
  assertMayEdit(actor: RevisionActor, articleId: string): Promise<void>;
  /**
   * Saves new content as a new revision; returns its number. `restoredFrom` names the revision the
   * content comes from, so the save is audited as a restore.
   */
  update(actor: RevisionActor, articleId: string, input: unknown, restoredFrom?: number): Promise<number>;
}

/**
 * A story's history. Revisions are written by ArticleEditingService on every save; here they are
 * listed, compared and restored. History is never rewritten: restoring saves the old content as a
 * new revision.
 */
export class RevisionService {
  constructor(
    private readonly db: Db,
    private readonly editing: StoryEditor,
  ) {}

  /**
   * Saves the next numbered revision of a story and returns its number. Takes the transaction that
   * saves the story (ArticleEditingService's), so a story never exists without its revision.
   * An autosave with an editing session updates that session's autosave revision in place while
   * it is the newest one: one revision per editing session, not one per autosave.
   */
  async recordIn(trx: Db, revision: RevisionRecord): Promise<number> {
    if (revision.kind === 'autosave' && revision.editingSession) {
      const updated = await updateLatestAutosave(trx, { ...revision, editingSession: revision.editingSession });
      if (updated !== undefined) return updated;
    }
    return insertRevision(trx, revision);
  }

  /**
   * Records a workflow step (submit, publish, schedule, unpublish) as a revision holding the story
   * as it stood; returns its number, or undefined for a story with no revision to copy (an imported
   * one never saved in the newsroom).
   */
  async recordStepIn(
    trx: Db,
    step: { articleId: string; authorUserId: string; kind: WorkflowRevisionKind; createdAt: Date },
  ): Promise<number | undefined> {
    const latest = await findLatestRevision(trx, step.articleId);
    if (!latest) return undefined;
    return insertRevision(trx, { ...step, snapshot: latest.snapshot });
  }

  /** The newest revision that wrote the story's content: who saved it last, when, and what. */
  latestContentRevision(articleId: string): Promise<Revision | undefined> {
    return findLatestContentRevision(this.db, articleId);
  }

  /** Newest first; empty for a story with no revisions (or none at all). */
  listRevisions(articleId: string): Promise<Revision[]> {
    return listRevisions(this.db, articleId);
  }

  /** What changed from revision `from` to revision `to` of one story. */
  async diffRevisions(articleId: string, from: number, to: number): Promise<RevisionDiff> {
    const [before, after] = await Promise.all([this.revision(articleId, from), this.revision(articleId, to)]);
    return { from, to, ...diffSnapshots(before.snapshot, after.snapshot) };
  }

  /**
   * Saves revision `number`'s content as the story's current content, as a new revision; returns
   * the new revision's number. Needs the same right as editing the story, and validates the old
   * content again: an author or image deleted since makes the restore fail with nothing changed.
   */
  async restore(actor: RevisionActor, articleId: string, number: number): Promise<number> {
    await this.editing.assertMayEdit(actor, articleId);
    const revision = await this.revision(articleId, number);
    return this.editing.update(actor, articleId, revision.snapshot, revision.number);
  }

  private async revision(articleId: string, number: number): Promise<Revision> {
    const revision = Number.isSafeInteger(number) ? await findRevision(this.db, articleId, number) : undefined;
    if (!revision) throw new AppError('ERR_REVISION_NOT_FOUND');
    return revision;
  }
}
