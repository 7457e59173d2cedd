/**
 * Domain events. Side effects (purging the page cache, refreshing ranked lists, later sitemaps and
 * webhooks) subscribe here instead of being called from the code that changes content.
 * Payloads carry ids, never whole objects, so a handler always reads the current state.
 */
export interface DomainEvents {
  /** Anything readers can see changed: a story, a section, settings, picks, media. */
  'content.changed': {
    reason: string;
    articleIds?: string[];
    /**
     * Deleted stories that readers could see until now. Their rows are gone by the time handlers
     * run, so what handlers must still say about them (webhooks' story.unpublished) travels here.
     */
    removed?: Array<{ id: string; slug: string; headline: string }>;
    /** The authors or tags created or renamed: their stories' searchable text changed (names). */
    authorIds?: string[];
    tagIds?: string[];
  };
  /** A comment on this story was added, edited, liked, hidden, approved or deleted. */
  'comments.changed': { articleId: string };
}

export class EventBus {
  private readonly handlers = new Map<keyof DomainEvents, Array<(payload: never) => void | Promise<void>>>();
  private errorHandler: (error: unknown) => void = () => {};

  on<K extends keyof DomainEvents>(name: K, handler: (payload: DomainEvents[K]) => void | Promise<void>): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler as (payload: never) => void | Promise<void>]);
  }

  /**
   * Runs every handler in the order they subscribed. The returned promise settles when all are done
   * and never rejects: a failing handler is reported, and must not undo the change that raised the
   * event nor stop the handlers after it. Callers may await it or not.
   */
  async emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): Promise<void> {
    for (const handler of this.handlers.get(name) ?? []) {
      try {
        await (handler as (payload: DomainEvents[K]) => void | Promise<void>)(payload);
      } catch (error) {
        this.errorHandler(error);
      }
    }
  }

  onError(handler: (error: unknown) => void): void {
    this.errorHandler = handler;
  }
}
