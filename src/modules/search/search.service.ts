import type { Db } from '../../db/database.js';
import type { FullTextIndex } from '../../db/dialects/full-text.js';
import { listDeskStories, listPublishedArticles, type ArticleSummary, type DeskListPage, type DeskListQuery } from '../articles/index.js';
import type { SectionDirectory } from '../sections/index.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { MAX_PAGE_NUMBER, paginate } from '../../shared/pagination.js';
import { SearchIndexer, type IndexScope } from './search-indexer.js';
import { deskSearchCandidates } from './desk-search.repository.js';
import { buildSnippet } from './search-snippet.js';
import { parseQuery } from './search-text.js';
import { findNewestMatches, findSearchSources, type SearchMatch, type SearchMatchFilter } from './search.repository.js';
import type { SearchHit, SearchQuery, SearchResult } from './search.types.js';

/** As long as the masthead's search box allows. */
export const MAX_SEARCH_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;
/**
 * How many matches a search ranks: when more stories match, the newest this many, best first
 * (`SearchResult.newestOnly`). Ranking every match of a common word costs time in proportion to
 * the archive (0.5 s at 100,000 stories); the newest few hundred cost about 2 ms, and a reader
 * narrows to older stories with the dates or a section.
 */
export const MAX_RANKED_MATCHES = 200;
/**
 * How many matches the newsroom's story list filters and sorts when searching: the newest this
 * many, drafts included (each a primary-key look-up, then sorted: a few milliseconds). A word
 * found in more stories than this is narrowed with more words, or the list's filters alone.
 */
export const MAX_DESK_MATCHES = 2000;
/** The story list counts its stories up to this many (100 pages of 50), never the whole archive. */
export const DESK_COUNT_LIMIT = 5000;

/**
 * Full-text search over what readers may see: headline, standfirst, body, authors and tags, in
 * English and Korean (see search-text.ts), ranked by the engine (bm25 / ts_rank_cd) with snippets
 * made here. The site's page, its JSON and the Content API all call `search`.
 */
export class SearchService {
  private readonly indexer: SearchIndexer;

  /**
   * @param fullText the engine's index (`DatabaseHandle.fullText`), chosen once when the database was opened.
   * @param maxRankedMatches how many of the newest matches are ranked (tests set a few).
   */
  constructor(
    private readonly db: Db,
    private readonly fullText: FullTextIndex,
    private readonly clock: Clock,
    private readonly sections: SectionDirectory,
    private readonly maxRankedMatches = MAX_RANKED_MATCHES,
  ) {
    this.indexer = new SearchIndexer(db, fullText);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const { page, pageSize, filter } = this.validate(query);
    const { terms, clauses } = parseQuery(query.text);
    // Nothing searchable (empty, or only punctuation and operators): an empty first page, not an error.
    if (clauses.length === 0) {
      if (page > 1) throw new AppError('ERR_NOT_FOUND');
      return { terms, hits: [], pagination: paginate(1, pageSize, 0), newestOnly: false };
    }
    const now = this.clock.now();
    const newest = await findNewestMatches(this.db, this.fullText, clauses, filter, { now, limit: this.maxRankedMatches + 1 });
    const ranked = newest.slice(0, this.maxRankedMatches).sort(byRelevance);
    const offset = (page - 1) * pageSize;
    // No matches (page 1, an empty page), or a page past the end (not found).
    if (page > 1 && offset >= ranked.length) throw new AppError('ERR_NOT_FOUND');
    const pagination = paginate(page, pageSize, ranked.length);
    const matches = ranked.slice(offset, offset + pageSize);
    const ids = matches.map((match) => match.id);
    const [summaries, sources] = await Promise.all([
      listPublishedArticles(this.db, { ids }, { now, limit: ids.length }),
      findSearchSources(this.db, ids, false),
    ]);
    const storyById = new Map<string, ArticleSummary>(summaries.map((story) => [story.id, story]));
    const sourceById = new Map(sources.map((source) => [source.id, source]));
    const hits = matches.flatMap((match): SearchHit[] => {
      const story = storyById.get(match.id);
      const source = sourceById.get(match.id);
      if (!story || !source) return [];
      return [{ story, score: match.score, snippet: buildSnippet([source.bodyText, source.standfirst], terms) }];
    });
    return { terms, hits, pagination, newestOnly: newest.length > this.maxRankedMatches };
  }

  /**
   * A page of the newsroom's story list (any status), searched by `text` when it holds words:
   * only the newest MAX_DESK_MATCHES matches are filtered and sorted. Staff see every story here,
   * so no visibility rule applies; the caller validated the query.
   */
  async findDeskStories(query: DeskListQuery & { text: string }): Promise<DeskListPage & { searched: boolean }> {
    if (query.text.length > MAX_SEARCH_LENGTH) throw new AppError('ERR_SEARCH_QUERY_TOO_LONG');
    const { text, ...list } = query;
    const { clauses } = parseQuery(text);
    if (clauses.length === 0) return { ...(await listDeskStories(this.db, list, { countLimit: DESK_COUNT_LIMIT })), searched: false };
    const candidates = await deskSearchCandidates(this.db, this.fullText, clauses, MAX_DESK_MATCHES);
    return { ...(await listDeskStories(this.db, list, { countLimit: DESK_COUNT_LIMIT, candidates })), searched: true };
  }

  /**
   * Keeps the index in step (search-index.reaction.ts, before cached pages are dropped). Without a
   * scope: the stories the index lacks are indexed, a slice at a time (search-catch-up.job.ts at
   * start, after an import); searches meanwhile answer from what is indexed.
   */
  refreshIndex(scope?: IndexScope, signal?: AbortSignal): Promise<void> {
    return scope ? this.indexer.refresh(scope) : this.indexer.catchUp(signal);
  }

  /** Every story indexed afresh, a slice at a time. */
  rebuildIndex(signal?: AbortSignal): Promise<void> {
    return this.indexer.rebuild(signal);
  }

  private validate(query: SearchQuery): { page: number; pageSize: number; filter: SearchMatchFilter } {
    if (query.text.length > MAX_SEARCH_LENGTH) throw new AppError('ERR_SEARCH_QUERY_TOO_LONG');
    if (!Number.isSafeInteger(query.page) || query.page < 1 || query.page > MAX_PAGE_NUMBER) {
      throw new AppError('ERR_INVALID_PAGE_NUMBER');
    }
    const pageSize = query.pageSize ?? SEARCH_PAGE_SIZE;
    if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new AppError('ERR_SEARCH_FILTER_INVALID');
    const filter: SearchMatchFilter = {};
    if (query.sectionSlug !== undefined) {
      const section = this.sections.bySlug(query.sectionSlug, query.editionId);
      if (!section) throw new AppError('ERR_SEARCH_FILTER_INVALID');
      // A section implies its edition: its own filter is the narrower one.
      filter.sectionId = section.id;
    } else if (query.editionId !== undefined) {
      filter.editionId = query.editionId;
    }
    const valid = (date: Date | undefined) => date === undefined || !Number.isNaN(date.getTime());
    if (!valid(query.from) || !valid(query.to)) throw new AppError('ERR_SEARCH_FILTER_INVALID');
    if (query.from && query.to && query.from.getTime() > query.to.getTime()) throw new AppError('ERR_SEARCH_FILTER_INVALID');
    if (query.from) filter.publishedSince = query.from;
    if (query.to) filter.publishedBefore = query.to;
    return { page: query.page, pageSize, filter };
  }
}

/** Best first; equal scores newest first, then by id, so pages never overlap. */
function byRelevance(a: SearchMatch, b: SearchMatch): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
