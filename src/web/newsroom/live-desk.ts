import { bodyFigureIds, type ArticleStatus, type ReadingService } from '../../modules/articles/index.js';
import type { AuthorService } from '../../modules/authors/index.js';
import type { MediaAsset, MediaUploadService } from '../../modules/media/index.js';
import { LIVE_TYPE_LABEL, type LiveActor, type LivePage, type LiveService, type LiveUpdate } from '../../modules/live/index.js';
import { roleHas, type UserService } from '../../modules/users/index.js';
import { AppError } from '../../shared/errors.js';
import type { StaffContext } from './newsroom-route.js';

/** What the live desk reads: the story, its coverage, the pictures its updates show, who is posting. */
export interface LiveDeskDeps {
  live: Pick<LiveService, 'coverage' | 'page' | 'update' | 'post' | 'edit' | 'remove' | 'setSummary' | 'end'>;
  reading: Pick<ReadingService, 'preview'>;
  users: Pick<UserService, 'find'>;
  authors: Pick<AuthorService, 'require'>;
  media: Pick<MediaUploadService, 'findByIds'>;
}

/**
 * Where a story stands for its desk: `live` takes updates; `ended` lists them read-only; a story
 * not (or no longer) typed Live, or not published, says so and offers nothing to post.
 */
export type LiveDeskState = 'live' | 'not-live' | 'not-published' | 'ended';

export interface LiveDeskStory {
  id: string;
  slug: string;
  headline: string;
  status: ArticleStatus;
  typeLabel: string;
}

/** Everything the desk page shows of a story, read once per request. */
export interface LiveDeskView {
  story: LiveDeskStory;
  state: LiveDeskState;
  endedAt: Date | null;
  summary: readonly string[];
  page: Pick<LivePage, 'pinned' | 'updates' | 'olderCursor'>;
  /** An older page (`before`): its list is not refreshed, as nothing new lands on it. */
  older: boolean;
  figures: Map<string, MediaAsset>;
}

const EMPTY_PAGE = { pinned: [], updates: [], olderCursor: null };

/** The story a desk is about, as the newsroom sees it (any status); 404 when there is none. */
export async function deskStory(deps: Pick<LiveDeskDeps, 'reading'>, id: string): Promise<LiveDeskStory> {
  const { article } = await deps.reading.preview(id);
  return { id: article.id, slug: article.slug, headline: article.headline, status: article.status, typeLabel: article.typeLabel };
}

/** Reads the desk of story `id`: its state, key points and a page of its updates (`before` a cursor). */
export async function loadDesk(deps: LiveDeskDeps, id: string, before?: string): Promise<LiveDeskView> {
  const story = await deskStory(deps, id);
  const coverage = await deps.live.coverage(id);
  const { endedAt } = coverage;
  const state: LiveDeskState = endedAt
    ? 'ended'
    : story.typeLabel !== LIVE_TYPE_LABEL
      ? 'not-live'
      : story.status !== 'published'
        ? 'not-published'
        : 'live';
  const { page, older } = await pageOf(deps, id, before);
  return { story, state, endedAt, summary: coverage.summary, page, older, figures: await figuresOf(deps, [...page.pinned, ...page.updates]) };
}

/**
 * A page of the story's updates, the newest when `before` is a forged cursor; none when the service
 * refuses to list them (a coded refusal: the desk still says where the story stands).
 */
async function pageOf(deps: Pick<LiveDeskDeps, 'live'>, id: string, before: string | undefined): Promise<Pick<LiveDeskView, 'page' | 'older'>> {
  try {
    return { page: await deps.live.page(id, { before }), older: before !== undefined };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (before !== undefined) return pageOf(deps, id, undefined);
    return { page: EMPTY_PAGE, older: false };
  }
}

/** The pictures `[[figure:ID]]` lines of these updates show. */
export function figuresOf(deps: Pick<LiveDeskDeps, 'media'>, updates: readonly LiveUpdate[]): Promise<Map<string, MediaAsset>> {
  return deps.media.findByIds([...new Set(updates.flatMap((update) => bodyFigureIds(update.body)))]);
}

/**
 * The signed-in staff member as the live service knows them: their linked author profile gives the
 * byline (else their display name, which the service falls back to), `live.manage` lets them change
 * anyone's updates, the key points and the ending.
 */
export async function liveActorOf(deps: Pick<LiveDeskDeps, 'users' | 'authors'>, staff: StaffContext): Promise<LiveActor> {
  const { user } = staff.session;
  const authorId = (await deps.users.find(user.id))?.authorId ?? null;
  const author = authorId ? await deps.authors.require(authorId).catch(() => undefined) : undefined;
  return {
    displayName: user.displayName,
    authorId: author ? author.id : null,
    authorName: author ? author.name : null,
    ...deskViewerOf(staff),
  };
}

/** Who is looking at the desk, without the byline's look-up: whose updates they may change. */
export function deskViewerOf(staff: StaffContext): Pick<LiveActor, 'userId' | 'canManage'> {
  return { userId: staff.session.user.id, canManage: roleHas(staff.session.user.role, 'live.manage') };
}

/** An update the actor may change: their own, or anyone's with `live.manage`; else 403 as the service would answer. */
export function assertMayChange(actor: Pick<LiveActor, 'userId' | 'canManage'>, update: LiveUpdate): void {
  if (!actor.canManage && update.userId !== actor.userId) throw new AppError('ERR_LIVE_NOT_YOURS');
}
