import type { LiveService } from '../../modules/live/index.js';
import { liveFrames, updatesOf, type LiveStreamStoryFor } from './live-frames.js';
import type { LiveHub } from './live-hub.js';

export interface LiveFanOutDeps {
  live: Pick<LiveService, 'changesSince'>;
  hub: Pick<LiveHub, 'lowestPosition' | 'broadcast'>;
  stories: LiveStreamStoryFor;
}

/** Stories whose latest change number is remembered; live stories are few, this only bounds it. */
const REMEMBERED_STORIES = 10_000;

/**
 * Sends a live story's changes to this node's readers of it. Per change, once per node: one read of
 * what changed since the furthest-behind reader of the story here got (where the last send left
 * them all), frames rendered once, the same bytes written to every stream. A node with no reader of
 * the story reads nothing. Bursts coalesce: while a story's read is under way, later changes only
 * mark it to be read again once it is done, so ten quick posts cost a handful of reads, not ten.
 */
export class LiveFanOut {
  private readonly inFlight = new Map<string, { again: boolean; sequence: number }>();
  /** The latest change number heard of per story, readers or not (see `joined`). */
  private readonly latest = new Map<string, number>();

  private errorHandler: (error: unknown) => void = () => {};

  constructor(private readonly deps: LiveFanOutDeps) {}

  /** Where a failed send is reported (main.ts logs it); the readers catch up at the next change. */
  onError(handler: (error: unknown) => void): void {
    this.errorHandler = handler;
  }

  /**
   * `changed`, not waited for: the reporter's post is answered once the change is committed and
   * announced, not after this node has written to every one of its readers (131 ms at 10,000).
   */
  schedule(articleId: string, sequence: number): void {
    this.changed(articleId, sequence).catch((error: unknown) => this.errorHandler(error));
  }

  /** A change (`live.changed`, from this node or another). */
  async changed(articleId: string, sequence: number): Promise<void> {
    this.remember(articleId, sequence);
    const running = this.inFlight.get(articleId);
    if (running) {
      running.again = true;
      running.sequence = Math.max(running.sequence, sequence);
      return;
    }
    const state = { again: false, sequence };
    this.inFlight.set(articleId, state);
    try {
      do {
        state.again = false;
        await this.send(articleId, state.sequence);
      } while (state.again);
    } finally {
      this.inFlight.delete(articleId);
    }
  }

  /**
   * A reader joined at `position` (its replay's end). A change heard of after its replay was read
   * but before it joined was sent to the others only: it is sent now, so no reader waits for the
   * next change to learn of it (or never learns of an ending). Costs nothing when none was missed.
   */
  async joined(articleId: string, position: number): Promise<void> {
    const latest = this.latest.get(articleId);
    if (latest !== undefined && latest > position) await this.changed(articleId, latest);
  }

  private remember(articleId: string, sequence: number): void {
    if (!this.latest.has(articleId) && this.latest.size >= REMEMBERED_STORIES) {
      const oldest = this.latest.keys().next();
      if (!oldest.done) this.latest.delete(oldest.value);
    }
    this.latest.set(articleId, Math.max(this.latest.get(articleId) ?? 0, sequence));
  }

  private async send(articleId: string, sequence: number): Promise<void> {
    const from = this.deps.hub.lowestPosition(articleId);
    // No reader here, or every one already has it (a reader's own replay may have got it first).
    if (from === undefined || from >= sequence) return;
    const changes = await this.deps.live.changesSince(articleId, from);
    // Gone (deleted or withdrawn): nothing more to send; reloaded, its page says so.
    const story = await this.deps.stories(articleId);
    if (!story) return;
    const text = await liveFrames(changes, await story.renderers(updatesOf(changes)));
    if (text === '') return;
    const ended = changes.kind === 'changes' && changes.ended;
    this.deps.hub.broadcast(articleId, Buffer.from(text), { sequence: changes.lastSequence, end: ended });
  }
}
