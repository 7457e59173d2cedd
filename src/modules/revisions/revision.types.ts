import type { ArticleBody } from '../../shared/article-body.js';

/**
 * Every editable field of a story at one save, in the shape editors submit (ArticleInputSchema's
 * input), so restoring a revision is an ordinary, fully validated save.
 */
export interface RevisionSnapshot {
  slug: string;
  headline: string;
  standfirst: string;
  body: ArticleBody;
  sectionId: string;
  /** Tag names, in order. */
  tags: string[];
  authorIds: string[];
  seriesId: string | null;
  seriesPart: number | null;
  heroMediaId: string | null;
  typeLabel: string;
  seoTitle: string | null;
  seoDescription: string | null;
  /** ISO 8601, or null. */
  embargoUntil: string | null;
}

/** The workflow steps that record the story as it stood, without changing its content. */
export const WORKFLOW_REVISION_KINDS = ['submit', 'publish', 'schedule', 'unpublish'] as const;
export type WorkflowRevisionKind = (typeof WORKFLOW_REVISION_KINDS)[number];
/** What made a revision. */
export type RevisionKind = 'save' | 'autosave' | 'restore' | WorkflowRevisionKind;

export interface Revision {
  id: string;
  articleId: string;
  /** 1, 2, 3… per story, in the order saved. */
  number: number;
  authorUserId: string | null;
  /** For an autosave: when it was last updated (a session's autosaves share one revision). */
  createdAt: Date;
  kind: RevisionKind;
  snapshot: RevisionSnapshot;
}

export type SnapshotField = Exclude<keyof RevisionSnapshot, 'body'>;

export interface FieldChange {
  field: SnapshotField;
  before: unknown;
  after: unknown;
}

export interface BodyLineChange {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface RevisionDiff {
  from: number;
  to: number;
  /** Fields other than the body that differ, in a fixed order. */
  fields: FieldChange[];
  /** The body, block by block (paragraph, heading, quote, list, figure) as plain text. */
  body: BodyLineChange[];
}

/** A revision to write: `kind` defaults to `save`; an autosave names its editing session. */
export interface RevisionRecord {
  articleId: string;
  authorUserId: string | null;
  snapshot: RevisionSnapshot;
  createdAt: Date;
  kind?: RevisionKind;
  editingSession?: string | null;
}
