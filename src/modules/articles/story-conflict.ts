import { AppError } from '../../shared/errors.js';
import { diffSnapshots, type BodyLineChange, type FieldChange, type RevisionSnapshot } from '../revisions/index.js';
import type { ArticleEditInput } from './article-input.js';

/**
 * Why a save was refused (ERR_STORY_CONFLICT): the story's version now, who wrote it and when, their
 * version, and what differs from theirs to the one refused. Saving again with `version` as the base
 * is "keep mine": an explicit choice made after seeing this.
 */
export interface StoryConflict {
  version: number;
  savedByUserId: string | null;
  savedAt: Date | null;
  theirs: RevisionSnapshot | null;
  /** From theirs (before) to yours (after). */
  diff: { fields: FieldChange[]; body: BodyLineChange[] };
}

export class StoryConflictError extends AppError {
  constructor(readonly conflict: StoryConflict) {
    super('ERR_STORY_CONFLICT');
  }
}

/** The fields an edit writes as they were given: the part the stored content and the snapshot share. */
export type EditedStoryFields = Omit<RevisionSnapshot, 'tags' | 'embargoUntil'>;

export function editedStoryFields(edit: ArticleEditInput, slug: string): EditedStoryFields {
  return {
    slug,
    headline: edit.headline,
    standfirst: edit.standfirst,
    body: edit.body,
    sectionId: edit.sectionId,
    authorIds: edit.authorIds,
    seriesId: edit.seriesId,
    seriesPart: edit.seriesPart,
    heroMediaId: edit.heroMediaId,
    typeLabel: edit.typeLabel,
    seoTitle: edit.seoTitle,
    seoDescription: edit.seoDescription,
  };
}

/** The refused save as a revision snapshot (tag names as typed: nothing is created for a refused save). */
export function snapshotOfEdit(edit: ArticleEditInput, slug: string): RevisionSnapshot {
  return { ...editedStoryFields(edit, slug), tags: [...edit.tags], embargoUntil: edit.embargoUntil?.toISOString() ?? null };
}

/** The conflict a refused save reports: theirs is the newest revision that wrote the content. */
export function describeConflict(
  version: number,
  latest: { authorUserId: string | null; createdAt: Date; snapshot: RevisionSnapshot } | undefined,
  mine: RevisionSnapshot,
): StoryConflict {
  const theirs = latest?.snapshot ?? null;
  return {
    version,
    savedByUserId: latest?.authorUserId ?? null,
    savedAt: latest?.createdAt ?? null,
    theirs,
    diff: theirs ? diffSnapshots(theirs, mine) : { fields: [], body: [] },
  };
}
