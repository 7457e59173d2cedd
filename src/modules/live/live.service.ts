import type { LiveActor, LiveChanges, LiveCoverage, LivePage, LiveUpdate, LiveUpdateInput } from './live.types.js';

/** How many updates a page of the live story lists (pinned ones come on top of these). */
export const LIVE_PAGE_SIZE = 50;
/** A reconnecting page further behind than this many changes gets the current state instead. */
export const LIVE_REPLAY_LIMIT = 200;

/**
 * Live coverage (docs/live.md): a live story's timestamped updates and key points. Each change
 * moves the story's change counter and raises `live.changed` with it; pages and SSE streams read
 * what changed after the sequence they last saw.
 */
export class LiveService {
  /** The coverage of a story, or undefined before its first update or summary. */
  async coverage(_articleId: string): Promise<LiveCoverage | undefined> {
    throw new Error('interface only');
  }
  /** A page of a live story for readers: pinned, then `LIVE_PAGE_SIZE` updates older than `before`. */
  async page(_articleId: string, _options: { before?: string | undefined } = {}): Promise<LivePage> {
    throw new Error('interface only');
  }
  /** What changed after `sequence` (an SSE Last-Event-ID), or `reset`. */
  async changesSince(_articleId: string, _sequence: number): Promise<LiveChanges> {
    throw new Error('interface only');
  }
  /** The newest visible updates, for the story's feed of updates. */
  async recentUpdates(_articleId: string, _limit: number): Promise<LiveUpdate[]> {
    throw new Error('interface only');
  }
  /** One update (newsroom's edit form); ERR_LIVE_UPDATE_NOT_FOUND when absent or deleted. */
  async update(_articleId: string, _updateId: string): Promise<LiveUpdate> {
    throw new Error('interface only');
  }
  async post(_actor: LiveActor, _articleId: string, _input: LiveUpdateInput): Promise<LiveUpdate> {
    throw new Error('interface only');
  }
  async edit(_actor: LiveActor, _articleId: string, _updateId: string, _input: LiveUpdateInput): Promise<LiveUpdate> {
    throw new Error('interface only');
  }
  async remove(_actor: LiveActor, _articleId: string, _updateId: string): Promise<void> {
    throw new Error('interface only');
  }
  /** Key points, one per non-empty line of `text`. */
  async setSummary(_actor: LiveActor, _articleId: string, _text: unknown): Promise<LiveCoverage> {
    throw new Error('interface only');
  }
  /** Ends the coverage: the story keeps every update and takes `typeLabel` (default News). */
  async end(_actor: LiveActor, _articleId: string, _typeLabel?: unknown): Promise<LiveCoverage> {
    throw new Error('interface only');
  }
}
