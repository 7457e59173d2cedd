import type { LiveStoryState } from '../../modules/articles/index.js';
import { LIVE_TYPE_LABEL, type LiveService, type LiveUpdate } from '../../modules/live/index.js';
import type { PublicationSettings } from '../../modules/settings/index.js';
import type { Clock } from '../../shared/clock.js';
import { liveFigures, renderLiveEndedNote, renderLiveSummary, renderLiveUpdateItem, type LiveMediaLookup } from './components/live-update.js';
import type { LiveFrameRenderers, LiveStreamStoryFor } from './live-frames.js';

export interface LiveStreamStoriesDeps {
  /** The story as live coverage checks it (articles' `findLiveStoryState` over the database). */
  findStory(articleId: string): Promise<LiveStoryState | undefined>;
  clock: Clock;
  /** The frames' renderers for this story (its edition) and these updates (their figures). */
  renderers(story: LiveStoryState, updates: readonly LiveUpdate[]): Promise<LiveFrameRenderers>;
}

/**
 * The stream's view of a story: only one readers may see (published, past any embargo), live
 * while its type is Live. The wiring (deps.ts) gives the lookup and the page's own renderers.
 */
export function liveStreamStories(deps: LiveStreamStoriesDeps): LiveStreamStoryFor {
  return async (articleId) => {
    const story = await deps.findStory(articleId);
    if (!story || story.status !== 'published') return undefined;
    if (story.embargoUntil && story.embargoUntil > deps.clock.now()) return undefined;
    return { live: story.typeLabel === LIVE_TYPE_LABEL, renderers: (updates) => deps.renderers(story, updates) };
  };
}

export interface LiveFrameRenderDeps {
  live: Pick<LiveService, 'coverage' | 'page'>;
  media: LiveMediaLookup;
  /** The publication settings of the story's edition (its language and time zone), as its page has them. */
  publicationOf(editionId: string): PublicationSettings;
}

/**
 * The page's own renderers for the frames (components/live-update.tsx): an update's item with its
 * figures (looked up once per batch), the key points box, the ended note, in the story's edition.
 * The key points and the ending read what they show only when a frame needs them (rarely).
 */
export function liveFrameRenderers(deps: LiveFrameRenderDeps): LiveStreamStoriesDeps['renderers'] {
  return async (story, updates) => {
    const publication = deps.publicationOf(story.editionId);
    const context = { publication, figures: await liveFigures(deps.media, updates) };
    return {
      update: (update) => renderLiveUpdateItem(update, context),
      summary: async () => {
        const page = await deps.live.page(story.id);
        return renderLiveSummary(page.coverage.summary, page.keyEvents, { publication, figures: new Map() });
      },
      ended: async () => renderLiveEndedNote((await deps.live.coverage(story.id)).endedAt ?? new Date(), { publication }),
    };
  };
}
