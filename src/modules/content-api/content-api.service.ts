import type { Db } from '../../db/database.js';
import {
  countPublishedArticles,
  listPublishedArticles,
  type ArticleFilter,
  type ArticleSummary,
  type ArticleReading,
  type ReadingService,
} from '../articles/index.js';
import type { Author, AuthorService } from '../authors/index.js';
import type { SectionDirectory, Section } from '../sections/index.js';
import type { Series, SeriesService } from '../series/index.js';
import type { Tag, TagService } from '../tags/index.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { paginate, type Pagination } from '../../shared/pagination.js';
import { countPublishedBy } from './published-counts.repository.js';

/** The filters of GET /api/v1/articles, by slug as partners know them. */
export interface ArticleListQuery {
  /**
   * Only this edition's stories, and `section` looked up within it (absent: every story, sections
   * of the default edition): callers give it only when the publication has several editions.
   */
  editionId?: string;
  section?: string;
  author?: string;
  tag?: string;
  series?: string;
  publishedAfter?: Date;
  publishedBefore?: Date;
  page: number;
  perPage: number;
}

export type Counted<T> = T & { storyCount: number };

/** The other modules' lists and slug lookups behind the taxonomy endpoints and the list filters. */
export interface ContentApiDirectories {
  authors: Pick<AuthorService, 'list' | 'findBySlug'>;
  series: Pick<SeriesService, 'list' | 'findBySlug'>;
  tags: Pick<TagService, 'listWithCounts' | 'findBySlug'>;
}

/**
 * What the Content API serves: only what readers may see (the same visibility rule as the site),
 * with page sizes partners choose. A page past the end is an empty page, not an error, so a client
 * walking pages while stories are withdrawn does not fail.
 */
export class ContentApiService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly reading: ReadingService,
    private readonly sections: SectionDirectory,
    private readonly directories: ContentApiDirectories,
  ) {}

  async articles(query: ArticleListQuery): Promise<{ stories: ArticleSummary[]; pagination: Pagination }> {
    const filter = await this.filterFor(query);
    const now = this.clock.now();
    const totalItems = await countPublishedArticles(this.db, filter, now);
    const pagination = paginate(query.page, query.perPage, totalItems);
    const offset = (query.page - 1) * query.perPage;
    const stories = offset < totalItems ? await listPublishedArticles(this.db, filter, { now, limit: query.perPage, offset }) : [];
    return { stories, pagination };
  }

  /** A published story; withdrawn → 410, anything readers cannot see → 404 (ReadingService's rule). */
  article(slug: string): Promise<ArticleReading> {
    return this.reading.article(slug);
  }

  /** Every section, or one edition's (`editionId`, given when there are several). */
  async sectionList(editionId?: string): Promise<Array<Counted<Section>>> {
    const counts = await countPublishedBy(this.db, 'section', this.clock.now());
    const sections = editionId === undefined ? this.sections.all : this.sections.inEdition(editionId);
    return sections.map((section) => ({ ...section, storyCount: counts.get(section.id) ?? 0 }));
  }

  /** A section by its slug within an edition (absent: the default one). */
  async section(slug: string, editionId?: string): Promise<Counted<Section>> {
    const section = this.sections.bySlug(slug, editionId);
    if (!section) throw new AppError('ERR_SECTION_NOT_FOUND');
    // This section's stories alone (an index range), not every section's grouped.
    return { ...section, storyCount: await countPublishedArticles(this.db, { sectionId: section.id }, this.clock.now()) };
  }

  async authorList(): Promise<Array<Counted<Author>>> {
    const [authors, counts] = await Promise.all([this.directories.authors.list(), countPublishedBy(this.db, 'author', this.clock.now())]);
    return authors.map((author) => ({ ...author, storyCount: counts.get(author.id) ?? 0 }));
  }

  async author(slug: string): Promise<Counted<Author>> {
    const author = await this.directories.authors.findBySlug(slug);
    if (!author) throw new AppError('ERR_AUTHOR_NOT_FOUND');
    return { ...author, storyCount: await countPublishedArticles(this.db, { authorId: author.id }, this.clock.now()) };
  }

  /** Series with at least one published part: a series of drafts is not public yet. */
  async seriesList(): Promise<Array<Counted<Series>>> {
    const [series, counts] = await Promise.all([this.directories.series.list(), countPublishedBy(this.db, 'series', this.clock.now())]);
    return series.flatMap((item) => {
      const storyCount = counts.get(item.id) ?? 0;
      return storyCount > 0 ? [{ ...item, storyCount }] : [];
    });
  }

  /** A series with its published parts in order; a series with none is 404, as on the site. */
  series(slug: string): Promise<{ series: Series; parts: ArticleSummary[] }> {
    return this.reading.series(slug);
  }

  /** Tags on at least one published story: a tag only drafts carry would give away what is coming. */
  async tagList(): Promise<Array<Counted<Tag>>> {
    const [tags, counts] = await Promise.all([this.directories.tags.listWithCounts(), countPublishedBy(this.db, 'tag', this.clock.now())]);
    return tags.flatMap((tag) => {
      const storyCount = counts.get(tag.id) ?? 0;
      return storyCount > 0 ? [{ id: tag.id, slug: tag.slug, name: tag.name, storyCount }] : [];
    });
  }

  /** Slugs to ids; an unknown slug is a 400 naming the parameter, not an empty list that hides a typo. */
  private async filterFor(query: ArticleListQuery): Promise<ArticleFilter> {
    const filter: ArticleFilter = { publishedSince: query.publishedAfter, publishedBefore: query.publishedBefore };
    if (query.section !== undefined) {
      // A section implies its edition: its index serves, as without editions.
      filter.sectionId = this.sections.bySlug(query.section, query.editionId)?.id ?? unknown('section');
    } else if (query.editionId !== undefined) {
      filter.editionId = query.editionId;
    }
    if (query.author !== undefined) filter.authorId = (await this.directories.authors.findBySlug(query.author))?.id ?? unknown('author');
    if (query.tag !== undefined) filter.tagId = (await this.directories.tags.findBySlug(query.tag))?.id ?? unknown('tag');
    if (query.series !== undefined) filter.seriesId = (await this.directories.series.findBySlug(query.series))?.id ?? unknown('series');
    return filter;
  }
}

function unknown(parameter: string): never {
  throw new AppError('ERR_API_PARAMETER_INVALID', `No ${parameter} has that slug.`);
}
