import type { LiveStoryState } from '../../modules/articles/index.js';
import { LIVE_TYPE_LABEL, type LiveUpdate } from '../../modules/live/index.js';
import type { Clock } from '../../shared/clock.js';
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
