import type { Db } from '../../db/database.js';
import type { Author, AuthorService } from '../authors/index.js';
import type { StaticPage, StaticPageService } from '../pages/index.js';
import type { Section, SectionDirectory } from '../sections/index.js';
import type { Series, SeriesService } from '../series/index.js';
import type { Tag, TagService } from '../tags/index.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { paginate, type Pagination } from '../../shared/pagination.js';
import { findArticleRecord, readArticle, type ArticleRecord } from './article-page.repository.js';
import { countPublishedArticles, listPublishedArticles } from './article.repository.js';
import type { Article, ArticleFilter, ArticleSummary, StoryTranslation } from './article.types.js';

export const LIST_PAGE_SIZE = 10;
const MAX_SERIES_PARTS = 100;

export interface StoryPage {
  stories: ArticleSummary[];
  pagination: Pagination;
}

/**
 * Where "You May Also Like" comes from: rankings' RelatedStoriesService, which depends on this
 * module and so is handed in rather than imported.
 */
export interface RelatedStoryIds {
  /**
   * Ids of stories related to this visible one, best first; they may include some readers can no
   * longer see. Stored: one indexed statement (related-stories.repository.ts).
   */
  relatedTo(articleId: string): Promise<string[]> | string[];
  /** The same for a story of any status: a draft's list is worked out from the story itself. */
  relatedToArticle(article: Article): Promise<string[]> | string[];
}

/** The other modules' lookups behind the author, tag, series and static pages. */
export interface ReadingDirectories {
  authors: Pick<AuthorService, 'findBySlug'>;
  tags: Pick<TagService, 'findBySlug'>;
  series: Pick<SeriesService, 'findBySlug'>;
  pages: Pick<StaticPageService, 'find'>;
}

export interface ArticleReading {
  article: Article;
  seriesParts: ArticleSummary[];
  related: ArticleSummary[];
  /** Its published translations in other editions (none for the newsroom's preview). */
  translations: StoryTranslation[];
}

/** What readers may see, and nothing else: every read here applies publication status and time. */
export class ReadingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sections: SectionDirectory,
    private readonly relatedStories: RelatedStoryIds,
    private readonly directories: ReadingDirectories,
  ) {}

  /**
   * A published story; a withdrawn one is 410 Gone, anything else unseen is 404. The story is
   * looked up alone first (one statement answers a 404 or 410); a visible one's related ids are
   * then read beside its tags and corrections.
   */
  async article(slug: string): Promise<ArticleReading> {
    const record = await findArticleRecord(this.db, 'slug', slug);
    if (!record) throw new AppError('ERR_ARTICLE_NOT_FOUND');
    if (record.status === 'unpublished') throw new AppError('ERR_ARTICLE_GONE');
    if (!this.isVisible(record)) throw new AppError('ERR_ARTICLE_NOT_FOUND');
    return readArticle(this.db, record, {
      now: this.clock.now(),
      seriesLimit: MAX_SERIES_PARTS,
      relatedIds: this.relatedStories.relatedTo(record.id),
    });
  }

  /**
   * A story of any status exactly as readers would get it, for the newsroom's preview. Only the
   * newsroom calls this, behind a session and the right to edit; its page is never cached. A
   * draft's related stories are worked out from the story itself, so it is read twice: the
   * newsroom's cost, not readers'.
   */
  async preview(id: string): Promise<ArticleReading> {
    const record = await findArticleRecord(this.db, 'id', id);
    if (!record) throw new AppError('ERR_ARTICLE_NOT_FOUND');
    const { article } = await readArticle(this.db, record);
    const relatedIds = await this.relatedStories.relatedToArticle(article);
    return readArticle(this.db, record, { now: this.clock.now(), seriesLimit: MAX_SERIES_PARTS, relatedIds });
  }

  /** A section's page, in its edition (slugs are unique within an edition; absent: the default one). */
  async section(slug: string, page: number, editionId?: string): Promise<{ section: Section } & StoryPage> {
    const section = this.sections.bySlug(slug, editionId);
    if (!section) throw new AppError('ERR_NOT_FOUND');
    return { section, ...(await this.storyPage({ sectionId: section.id }, page)) };
  }

  /**
   * An author's page: their stories in one edition (`editionId`), or every edition's when it is
   * absent (a publication with one edition, whose statements stay as before editions). Authors,
   * tags and series are the publication's, not an edition's: only their stories are filtered.
   */
  async author(slug: string, page: number, editionId?: string): Promise<{ author: Author } & StoryPage> {
    const author = await this.directories.authors.findBySlug(slug);
    if (!author) throw new AppError('ERR_NOT_FOUND');
    return { author, ...(await this.storyPage(withEdition({ authorId: author.id }, editionId), page)) };
  }

  /** A tag's page (as `author`); a tag with no visible story in the edition is not found. */
  async tag(slug: string, page: number, editionId?: string): Promise<{ tag: Tag } & StoryPage> {
    const tag = await this.directories.tags.findBySlug(slug);
    if (!tag) throw new AppError('ERR_NOT_FOUND');
    const result = await this.storyPage(withEdition({ tagId: tag.id }, editionId), page);
    if (result.pagination.totalItems === 0) throw new AppError('ERR_NOT_FOUND');
    return { tag, ...result };
  }

  /** Every published part of a series in the edition (as `author`), in part order; none is not found. */
  async series(slug: string, editionId?: string): Promise<{ series: Series; parts: ArticleSummary[] }> {
    const series = await this.directories.series.findBySlug(slug);
    if (!series) throw new AppError('ERR_NOT_FOUND');
    const parts = await listPublishedArticles(this.db, withEdition({ seriesId: series.id }, editionId), {
      now: this.clock.now(),
      limit: MAX_SERIES_PARTS,
      order: 'series-order',
    });
    if (parts.length === 0) throw new AppError('ERR_NOT_FOUND');
    return { series, parts };
  }

  async staticPage(slug: string): Promise<StaticPage> {
    const page = await this.directories.pages.find(slug);
    if (!page) throw new AppError('ERR_NOT_FOUND');
    return page;
  }

  private async storyPage(filter: ArticleFilter, page: number): Promise<StoryPage> {
    const now = this.clock.now();
    const totalItems = await countPublishedArticles(this.db, filter, now);
    const pagination = paginate(page, LIST_PAGE_SIZE, totalItems);
    // Page 1 of an empty list is a real (empty) page; any page past the end does not exist.
    if (page > pagination.totalPages) throw new AppError('ERR_NOT_FOUND');
    const stories = await listPublishedArticles(this.db, filter, {
      now,
      limit: LIST_PAGE_SIZE,
      offset: (page - 1) * LIST_PAGE_SIZE,
    });
    return { stories, pagination };
  }

  /** publishedQuery's rule, on a row in hand. */
  private isVisible(record: ArticleRecord): boolean {
    const now = this.clock.now().getTime();
    return (
      record.status === 'published' &&
      record.published_at !== null &&
      Date.parse(record.published_at) <= now &&
      (record.embargo_until === null || Date.parse(record.embargo_until) <= now)
    );
  }
}

/** The filter narrowed to one edition's stories, or left as it is when no edition is named. */
function withEdition(filter: ArticleFilter, editionId: string | undefined): ArticleFilter {
  return editionId ? { ...filter, editionId } : filter;
}
