import type { ArticleStatus } from '../articles/index.js';
import type { BodyImage, ConvertedBody } from './wordpress-body.js';

/** A comment to import: approved ones only; a reply names its parent by its WordPress id. */
export interface PlannedComment {
  sourceId: string;
  parentSourceId: string | null;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** One story (a post) or page from an export, as Dateline will hold it, before anything is written. */
export interface PlannedStory {
  kind: 'post' | 'page';
  sourceId: string;
  headline: string;
  standfirst: string;
  /** Wished for; the importer adds a suffix when another story has it. */
  slug: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  updatedAt: Date | null;
  /** The source's categories (WordPress) or tags (Ghost) that may name its section, the primary first. */
  categorySlugs: string[];
  tagNames: string[];
  /** The source's names for its bylines (WordPress logins, Ghost author slugs), in order. */
  authorLogins: string[];
  body: ConvertedBody;
  /** The featured image. */
  hero: BodyImage | null;
  comments: PlannedComment[];
  /** Old addresses to answer with a 301 (paths on the old site, `/?p=123` form included). */
  oldPaths: string[];
  warnings: string[];
  checksum: string;
}

export type StoryPlan = { story: PlannedStory } | { skipped: string };
