import type { Author } from '../authors/index.js';
import type { MediaAsset } from '../media/index.js';
import type { Section } from '../sections/index.js';
import type { Tag } from '../tags/index.js';
import type { ArticleBody } from '../../shared/article-body.js';

export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const TYPE_LABELS = ['News', 'Analysis', 'Opinion', 'Editorial', 'Feature', 'Interview', 'Explainer', 'Live'] as const;

export interface SeriesPart {
  id: string;
  slug: string;
  title: string;
  part: number;
}

/** What a list of stories needs: no body. */
export interface ArticleSummary {
  id: string;
  slug: string;
  headline: string;
  standfirst: string;
  typeLabel: string;
  section: Section;
  authors: Author[];
  hero: MediaAsset | null;
  series: SeriesPart | null;
  publishedAt: Date;
  updatedAt: Date | null;
  viewCount: number;
  /** Published comments and replies. */
  commentCount: number;
  /** The edition it belongs to (docs/editions.md). */
  editionId: string;
}

/** A story as the newsroom home lists it: any status, newest first. */
export interface LatestStory {
  id: string;
  slug: string;
  headline: string;
  status: ArticleStatus;
  /** Set while readers may not see the story yet, even when published. */
  embargoUntil: Date | null;
  /** The latest of created, updated and published. */
  changedAt: Date;
}

export interface Correction {
  id: string;
  kind: 'correction' | 'update';
  text: string;
  createdAt: Date;
}

export interface Article extends ArticleSummary {
  status: ArticleStatus;
  body: ArticleBody;
  tags: Tag[];
  /** Media referenced by figure blocks, by id. */
  figures: Map<string, MediaAsset>;
  corrections: Correction[];
  seoTitle: string | null;
  seoDescription: string | null;
  embargoUntil: Date | null;
  /** Whether readers may comment on this story (the publication's mode can still close them all). */
  commentsEnabled: boolean;
}

export interface ArticleInput {
  id?: string;
  slug: string;
  headline: string;
  standfirst: string;
  body: ArticleBody;
  sectionId: string;
  authorIds: string[];
  tagIds: string[];
  seriesId?: string | null;
  seriesPart?: number | null;
  heroMediaId?: string | null;
  typeLabel: string;
  status: ArticleStatus;
  publishedAt?: Date | null;
  updatedAt?: Date | null;
  embargoUntil?: Date | null;
  seoTitle?: string | null;
  seoDescription?: string | null;
  viewCount?: number;
  /** Absent: the default edition on insert, unchanged on update. */
  editionId?: string;
}

/** A published translation of a story: the same story in another edition. */
export interface StoryTranslation {
  id: string;
  slug: string;
  headline: string;
  editionId: string;
}

/** Which published stories a list shows. */
export interface ArticleFilter {
  /** Only this edition's stories (the ranked lists of each edition: the index of migration 0030). */
  editionId?: string;
  sectionId?: string;
  authorId?: string;
  tagId?: string;
  seriesId?: string;
  /** Only stories published at or after this time. */
  publishedSince?: Date;
  /** Only stories published before this time (the Content API's published_before). */
  publishedBefore?: Date;
  excludeIds?: readonly string[];
  /** Only these stories. */
  ids?: readonly string[];
}

/** How the newsroom's story list may be sorted (each served by an index of migration 0018). */
export const DESK_SORTS = ['updated', 'published', 'headline'] as const;
export type DeskSort = (typeof DESK_SORTS)[number];

/**
 * One page of the newsroom's story list: stories of any status, filtered and sorted. The date range
 * is on the publication time when sorted by it, else on the last update; sorting by publication
 * time lists only stories that have one (drafts never scheduled have none).
 */
export interface DeskListQuery {
  status?: ArticleStatus;
  /** One edition's stories (an index of 0028 leads with it); implied by a section. */
  editionId?: string;
  sectionId?: string;
  authorId?: string;
  /** From this instant (inclusive). */
  from?: Date;
  /** Before this instant (exclusive). */
  before?: Date;
  sort: DeskSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** A story as the newsroom's story list shows it, with its bylines. */
export interface DeskStory {
  id: string;
  headline: string;
  status: ArticleStatus;
  /** Its type label (a Live story's row links to its live desk). */
  typeLabel: string;
  sectionName: string;
  editionId: string;
  authorNames: string[];
  /** The last save (a new draft's creation). */
  updatedAt: Date;
  publishedAt: Date | null;
  embargoUntil: Date | null;
}

export interface DeskListPage {
  stories: DeskStory[];
  /** How many stories match, counted up to `countLimit` (then `countCapped`). */
  totalItems: number;
  countCapped: boolean;
}
