import { h, type VNode } from 'preact';
import type { ReadingService } from '../../modules/articles/index.js';
import { SURROGATE_KEYS, listedStoryKeys, storyKeys } from '../../modules/cdn/index.js';
import { COMMENT_ORDERS, type CommentOrder, type CommentService } from '../../modules/comments/index.js';
import type { RankedListsService } from '../../modules/rankings/index.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { parsePageNumber } from '../../shared/pagination.js';
import type { SignedInReader } from '../shared/reader-cookie.js';
import type { SiteContext, SiteContextSource } from '../shared/site-context.js';
import { keyed, type Keyed } from '../http/send-page.js';
import type { CommentFormState } from './components/comments-area.js';
import { ArticlePage } from './pages/article.page.js';
import { loadLiveCoverage, type LivePageDeps } from './live-page-view.js';

/** The query parameters the article page reads: they are part of its page-cache key (`before`: a live story's older updates). */
export const ARTICLE_QUERY_KEYS = ['comments', 'cpage', 'before'] as const;

export interface CommentsQuery {
  order: CommentOrder;
  page: number;
}

/** `?comments=newest|liked&cpage=N`; anything else is a 400, so made-up values cannot fill the cache. */
export function parseCommentsQuery(query: Record<string, string | undefined>): CommentsQuery {
  const order = query.comments ?? 'newest';
  if (!(COMMENT_ORDERS as readonly string[]).includes(order)) throw new AppError('ERR_BAD_REQUEST');
  return { order: order as CommentOrder, page: parsePageNumber(query.cpage) };
}

/** What the article page is built from. */
export interface ArticlePageDeps extends LivePageDeps {
  site: SiteContextSource;
  clock: Clock;
  reading: ReadingService;
  lists: RankedListsService;
  comments: CommentService;
}

/**
 * The article page with its comments as `viewer` sees them (null: anyone, the cacheable page), and
 * its surrogate keys: the story's, the stories it links to, and `lists` for the ranked lists beside it.
 * Shared by the article route and the comment routes, which re-render it with a refused comment.
 */
export async function renderArticlePage(
  deps: ArticlePageDeps,
  slug: string,
  options: {
    viewer: SignedInReader | null;
    query: CommentsQuery;
    form?: CommentFormState;
    site?: SiteContext;
    /** A live story's older updates (`?before=`, parseLiveBefore). */
    liveBefore?: string | undefined;
  },
): Promise<Keyed<VNode<Parameters<typeof ArticlePage>[0]>>> {
  const reading = await deps.reading.article(slug);
  const { article } = reading;
  // A story is read in its own edition only (`/ko/article/…` for a Korean one).
  if (options.site && article.editionId !== options.site.edition.id) throw new AppError('ERR_ARTICLE_NOT_FOUND');
  const { viewer } = options;
  // The lists of the story's own edition.
  const lists = deps.lists.beside({ id: article.id, sectionId: article.section.id, editionId: article.editionId });
  const site = options.site ?? deps.site.current();
  // A live story (or one that was): its updates, filed under the story's key, which live.changed purges.
  const [page, live] = await Promise.all([
    deps.comments.page(article.id, { viewerId: viewer?.reader.id ?? null, ...options.query, publishedCount: article.commentCount }),
    loadLiveCoverage(deps, article, site, options.liveBefore),
  ]);
  const props: Parameters<typeof ArticlePage>[0] = {
    site,
    reading,
    lists,
    ...(live && { live }),
    comments: {
      articleSlug: article.slug,
      count: article.commentCount,
      state: deps.comments.state(article),
      page,
      viewer: viewer
        ? {
            readerId: viewer.reader.id,
            csrfToken: viewer.csrfToken,
            mayAct: !viewer.reader.banned && !viewer.reader.deleted && viewer.reader.confirmed,
            unconfirmed: !viewer.reader.banned && !viewer.reader.confirmed,
          }
        : null,
      form: options.form,
      now: deps.clock.now(),
      publication: site.publication,
    },
  };
  const keys = [...storyKeys(article), ...listedStoryKeys([...reading.related, ...reading.seriesParts]), SURROGATE_KEYS.lists];
  return keyed(h(ArticlePage, props), keys);
}
