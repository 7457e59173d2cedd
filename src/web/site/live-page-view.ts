import type { Article } from '../../modules/articles/index.js';
import { LIVE_TYPE_LABEL, type LiveService, type LiveUpdate } from '../../modules/live/index.js';
import { AppError } from '../../shared/errors.js';
import { paths } from '../shared/paths.js';
import type { SiteContext } from '../shared/site-context.js';
import type { LiveCoverageView } from './components/live-coverage.js';
import { liveFigures, type LiveMediaLookup } from './components/live-update.js';

/** What a story's page needs for its live coverage: the updates and the images they show. */
export interface LivePageDeps {
  live: Pick<LiveService, 'coverage' | 'page' | 'update'>;
  media: LiveMediaLookup;
}

/** The SSE stream of a live story's changes (the hub's route; any edition, by article id). */
export function liveStreamPath(articleId: string): string {
  return `/live/${encodeURIComponent(articleId)}/events`;
}

/**
 * `?before=<cursor>` (the live page's "Older updates" link: the id of the last update shown). It is
 * part of the page-cache key, so only an update id's shape passes (else 400), and loadLiveCoverage
 * answers 404 for an id that is not one of the story's updates: made-up values cannot fill the cache.
 */
export function parseLiveBefore(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9a-f-]{36}$/.test(value)) throw new AppError('ERR_BAD_REQUEST');
  return value;
}

/** Whether a story is live now: the Live type and coverage not ended (a story without coverage yet is live). */
export function isLiveNow(article: Pick<Article, 'typeLabel'>, endedAt: Date | null | undefined): boolean {
  return article.typeLabel === LIVE_TYPE_LABEL && !endedAt;
}

/**
 * A story's live coverage for its page, or undefined when the story never was live. A Live story
 * reads its page of updates; any other only when it has coverage (a live story that ended keeps its
 * updates). `before` on a story without coverage is a 400, so it cannot fill the cache either.
 */
export async function loadLiveCoverage(
  deps: LivePageDeps,
  article: Article,
  site: Pick<SiteContext, 'publication'>,
  before: string | undefined,
): Promise<{ view: LiveCoverageView; shown: LiveUpdate[] } | undefined> {
  if (article.typeLabel !== LIVE_TYPE_LABEL && !(await hadCoverage(deps, article.id))) {
    if (before !== undefined) throw new AppError('ERR_BAD_REQUEST');
    return undefined;
  }
  // The service reads an unknown cursor as the first page; under its own cache key that would be a copy.
  if (before !== undefined) await deps.live.update(article.id, before);
  const page = await deps.live.page(article.id, { before });
  const pinned = before === undefined ? page.pinned : [];
  const pinnedIds = new Set(pinned.map((update) => update.id));
  const shown = [...pinned, ...page.updates.filter((update) => !pinnedIds.has(update.id))];
  const figures = await liveFigures(deps.media, shown);
  const live = isLiveNow(article, page.coverage.endedAt);
  return {
    view: {
      page,
      // Older pages do not follow the stream: new updates belong on the first page.
      streamPath: live && before === undefined ? liveStreamPath(article.id) : null,
      before,
      articleSlug: article.slug,
      context: { publication: site.publication, figures },
    },
    shown,
  };
}

/** Whether a story that is not Live now ever had live coverage (any change: an update, key points, the end). */
export async function hadCoverage(deps: { live: Pick<LiveService, 'coverage'> }, articleId: string): Promise<boolean> {
  return (await deps.live.coverage(articleId)).lastSequence > 0;
}

/** The Atom feed of a live story's newest updates, in the page's edition. */
export function liveUpdatesFeedPath(slug: string): string {
  return `${paths.article(slug)}/updates.xml`;
}
