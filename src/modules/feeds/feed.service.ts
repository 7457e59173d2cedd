import type { Db } from '../../db/database.js';
import { bodyFigureIds, type ArticleBody } from '../../shared/article-body.js';
import { findArticleBodies, listPublishedArticles, type ArticleFilter, type ArticleSummary } from '../articles/index.js';
import type { Author, AuthorService } from '../authors/index.js';
import type { MediaAsset, MediaLibrary } from '../media/index.js';
import type { SectionDirectory, Section } from '../sections/index.js';
import type { Series, SeriesService } from '../series/index.js';
import type { Tag, TagService } from '../tags/index.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';

/** Stories a feed carries: enough for a reader polling hourly, small enough to render at once. */
export const FEED_SIZE = 20;

/** What a feed is about. */
export type FeedScope =
  { kind: 'site' } | { kind: 'section'; section: Section } | { kind: 'author'; author: Author } | { kind: 'series'; series: Series };

/** A story as a feed carries it: its summary, body and tags. */
export interface FeedStory extends ArticleSummary {
  body: ArticleBody;
  tags: Tag[];
}

export interface FeedSource {
  scope: FeedScope;
  /** Newest first. */
  stories: FeedStory[];
  /** Images shown by the stories' figure blocks, by id. */
  figures: Map<string, MediaAsset>;
}

/** The other modules' lookups a feed needs: its author or series, its stories' tags and figures. */
export interface FeedDirectories {
  authors: Pick<AuthorService, 'findBySlug'>;
  series: Pick<SeriesService, 'findBySlug'>;
  tags: Pick<TagService, 'findForArticles'>;
  media: Pick<MediaLibrary, 'findByIds'>;
}

/**
 * The stories each feed carries. Visibility is the readers' rule (`listPublishedArticles`): never a
 * draft, a scheduled or embargoed story, or a withdrawn one. Unknown slugs are 404, and so is a
 * series with no visible part, as on the series page; a section or author with none yet has an
 * empty feed, as their pages are empty, so a reader may subscribe before the first story.
 */
export class FeedService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sections: SectionDirectory,
    private readonly directories: FeedDirectories,
  ) {}

  /** The site's feed: one edition's stories (`editionId`), or every story when there is one edition. */
  async site(editionId?: string): Promise<FeedSource> {
    return this.source({ kind: 'site' }, editionId ? { editionId } : {});
  }

  /** A section's feed, by its slug within an edition (absent: the default one). */
  async section(slug: string, editionId?: string): Promise<FeedSource> {
    const section = this.sections.bySlug(slug, editionId);
    if (!section) throw new AppError('ERR_NOT_FOUND');
    return this.source({ kind: 'section', section }, { sectionId: section.id });
  }

  /** An author's feed: their stories in one edition (`editionId`), or every story when there is one edition. */
  async author(slug: string, editionId?: string): Promise<FeedSource> {
    const author = await this.directories.authors.findBySlug(slug);
    if (!author) throw new AppError('ERR_NOT_FOUND');
    return this.source({ kind: 'author', author }, { authorId: author.id, ...(editionId ? { editionId } : {}) });
  }

  /**
   * Newest part first, like every feed: readers sort by date anyway, and a subscriber wants the part
   * just published, which part order would push past the 20th item of a long series. In one edition
   * (`editionId`, as `author`): not found when the series has no visible part there, as its page.
   */
  async series(slug: string, editionId?: string): Promise<FeedSource> {
    const series = await this.directories.series.findBySlug(slug);
    if (!series) throw new AppError('ERR_NOT_FOUND');
    const source = await this.source({ kind: 'series', series }, { seriesId: series.id, ...(editionId ? { editionId } : {}) });
    if (source.stories.length === 0) throw new AppError('ERR_NOT_FOUND');
    return source;
  }

  private async source(scope: FeedScope, filter: ArticleFilter): Promise<FeedSource> {
    const summaries = await listPublishedArticles(this.db, filter, { now: this.clock.now(), limit: FEED_SIZE, order: 'newest' });
    const { contents, figures } = await this.findStoryContents(summaries.map((summary) => summary.id));
    const stories = summaries.flatMap((summary) => {
      const content = contents.get(summary.id);
      return content ? [{ ...summary, ...content }] : [];
    });
    return { scope, stories, figures };
  }

  /**
   * The bodies and tags of stories already chosen as visible (by `listPublishedArticles`), and the
   * images their figures show: three queries for a whole feed, whatever its length.
   */
  private async findStoryContents(
    articleIds: readonly string[],
  ): Promise<{ contents: Map<string, { body: ArticleBody; tags: Tag[] }>; figures: Map<string, MediaAsset> }> {
    if (articleIds.length === 0) return { contents: new Map(), figures: new Map() };
    const [bodies, tags] = await Promise.all([findArticleBodies(this.db, articleIds), this.directories.tags.findForArticles(articleIds)]);
    const contents = new Map([...bodies].map(([id, body]) => [id, { body, tags: tags.get(id) ?? [] }]));
    const figures = await this.directories.media.findByIds([...contents.values()].flatMap((content) => bodyFigureIds(content.body)));
    return { contents, figures };
  }
}
