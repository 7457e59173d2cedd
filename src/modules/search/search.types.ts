import type { ArticleSummary } from '../articles/index.js';
import type { Pagination } from '../../shared/pagination.js';

/**
 * Full-text search, as the site's search page, its JSON and the Content API ask for it. The
 * engine-specific index (SQLite FTS5, PostgreSQL tsvector) stays behind `SearchService`.
 */
export interface SearchQuery {
  /** As the reader typed it: any characters, operators and quotes are treated as plain words. */
  text: string;
  page: number;
  /** Defaults to the site's list page size. */
  pageSize?: number;
  /**
   * Only this edition's stories (docs/editions.md). Absent: every story, which callers ask for only
   * when the publication has one edition (the statements then stay as before editions).
   */
  editionId?: string;
  /**
   * Only stories of this section, by slug within `editionId` (absent: the default edition). An
   * unknown slug is a 400 (ERR_SEARCH_FILTER_INVALID).
   */
  sectionSlug?: string;
  /** Only stories published on or after this instant. */
  from?: Date;
  /** Only stories published before this instant. */
  to?: Date;
}

/** A piece of a snippet: `match` parts are the query's words, shown highlighted (`<mark>`). */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  story: ArticleSummary;
  /** A short passage of the story around the best match, split into plain and highlighted parts. */
  snippet: SnippetPart[];
  /** Higher is better; only comparable within one result. */
  score: number;
}

export interface SearchResult {
  /** The words searched for, after normalising (for "results for …" and highlighting). */
  terms: string[];
  hits: SearchHit[];
  /** Of the stories ranked: `totalItems` is at most MAX_RANKED_MATCHES. */
  pagination: Pagination;
  /**
   * More stories matched than a search ranks: the hits are the best of the newest
   * MAX_RANKED_MATCHES. A date range or a section reaches the others.
   */
  newestOnly: boolean;
}
