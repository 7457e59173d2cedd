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

export interface Revision {
  id: string;
  articleId: string;
  /** 1, 2, 3… per story, in the order saved. */
  number: number;
  authorUserId: string | null;
  createdAt: Date;
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
