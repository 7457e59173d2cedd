import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';

/**
 * Domain events, named after what happened, and the reactions that follow them. Side effects
 * (reloading what a node holds in memory, the page cache, search, sitemaps, webhooks, the CDN, the
 * other nodes) are reactions listed once in src/reactions.ts, never calls from the code that made
 * the change. Payloads carry ids, never whole objects, so a reaction always reads the current
 * state; only what is gone (a deleted story) travels as data.
 */

/** A deleted story that readers could see until now: its row is gone by the time reactions run. */
export interface RemovedStory {
  id: string;
  slug: string;
  headline: string;
  /** The edition it was in (its public address is under that edition's prefix); absent: the default one. */
  editionId?: string;
}

/** What an editor did to a comment in the moderation queue. */
export type CommentModerationStep = 'approve' | 'hide' | 'delete' | 'dismiss-reports';

/** Every event and its payload. Story events name their stories; anything naming none is site-wide. */
export interface DomainEvents {
  /** Stories went live: an editor published (or put back) them, or their scheduled time came. */
  'story.published': { articleIds: string[]; scheduled: boolean };
  /** A published story's content was saved. */
  'story.updated': { articleIds: string[] };
  /** A published story got a dated correction or update. */
  'story.corrected': { articleIds: string[] };
  /** A story was scheduled, or its time moved; readers see it when `story.published` follows. */
  'story.scheduled': { articleIds: string[] };
  /** A published story was withdrawn: readers get 410 Gone from now on. */
  'story.unpublished': { articleIds: string[] };
  /** A story was deleted, whatever its status; `removed` describes it when readers could see it. */
  'story.deleted': { articleIds: string[]; removed: RemovedStory[] };
  /**
   * A story readers cannot see (a draft, in review, scheduled or withdrawn) was created or saved:
   * nothing public changes, but the newsroom's search (the full-text index) must follow.
   */
  'story.saved': { articleIds: string[] };

  /** A reader's comment went live (a comment held for moderation raises nothing until approved). */
  'comment.posted': { articleId: string; commentId: string };
  /** A reader edited their comment (it may have gone back to the queue). */
  'comment.edited': { articleId: string; commentId: string };
  /** A reader deleted their own comment. */
  'comment.deleted': { articleId: string; commentId: string };
  'comment.liked': { articleId: string; commentId: string };
  'comment.unliked': { articleId: string; commentId: string };
  /** An editor approved, hid or deleted a comment, or dismissed its reports. */
  'comment.moderated': { articleId: string; commentId: string; step: CommentModerationStep };
  /** A reader was banned; their comments waiting for moderation on these stories were hidden. */
  'reader.banned': { readerId: string; articleIds: string[] };
  'reader.unbanned': { readerId: string; articleIds: string[] };

  /**
   * A live story's updates or key points changed (an update posted, edited or deleted, the summary
   * saved, the coverage ended): `sequence` is its change counter now. Only that story's page is stale.
   */
  'live.changed': { articleId: string; sequence: number };

  /** Sections, authors, tags or series were created, edited or reordered. */
  'taxonomy.changed': { kind: 'section' | 'author' | 'tag' | 'series'; ids: string[] };
  /** The publication's settings (name, time zone, logo, comment mode and blocklist …) were saved. */
  'settings.changed': Record<never, never>;
  /** An edition (a language of the publication) was added, changed, or switched off or on. */
  'editions.changed': { editionId: string };
  /** Must-Reads picks, the home page's lead story or the breaking banner changed (or the banner ended). */
  'curation.changed': { part: 'picks' | 'lead' | 'banner' | 'banner-ended' };
  /** An image's details changed, or its AVIF variants were added. */
  'media.changed': { mediaIds: string[] };
  /** A newsletter issue started going out: it joined its newsletter's public archive (/newsletters/<key>). */
  'newsletter.issue-sent': { newsletterKey: string };
  /** A static page (about, contact …) was written. */
  'static-page.changed': { slug: string };
  /**
   * Rows were written in bulk, past the services (the demo publication, test factories, an
   * import): anything may have changed, so every view of the content is rebuilt in full.
   */
  'content.imported': Record<never, never>;

  /** This node is starting: everything it holds in memory loads (src/reactions.ts; never broadcast). */
  'node.started': Record<never, never>;
  /**
   * This node's subscription to the others came back (Redis restarted): what they announced
   * meanwhile is lost, so it reloads as if everything changed. Raised by the cluster on this node only.
   */
  'cluster.resynced': Record<never, never>;
}

export type EventName = keyof DomainEvents;

/** One event: its name and its payload, e.g. `{ name: 'story.published', articleIds: […], scheduled: false }`. */
export type DomainEvent<K extends EventName = EventName> = { [N in K]: { name: N } & DomainEvents[N] }[K];

/** Listed here so that a new event cannot be forgotten: the compiler wants every name. */
const EVERY_EVENT: Record<EventName, true> = {
  'story.published': true,
  'story.updated': true,
  'story.corrected': true,
  'story.scheduled': true,
  'story.unpublished': true,
  'story.deleted': true,
  'story.saved': true,
  'comment.posted': true,
  'comment.edited': true,
  'comment.deleted': true,
  'comment.liked': true,
  'comment.unliked': true,
  'comment.moderated': true,
  'reader.banned': true,
  'reader.unbanned': true,
  'live.changed': true,
  'taxonomy.changed': true,
  'settings.changed': true,
  'editions.changed': true,
  'curation.changed': true,
  'media.changed': true,
  'newsletter.issue-sent': true,
  'static-page.changed': true,
  'content.imported': true,
  'node.started': true,
  'cluster.resynced': true,
};

/** Every event name, in the catalogue's order. */
export const EVENT_NAMES = Object.keys(EVERY_EVENT) as EventName[];

/** Events about what happens on this node alone: never sent to the others. */
type NodeEventName = 'node.started' | 'cluster.resynced';

/** Changes to what readers see, made on one node; the other nodes hear of each (src/cluster/broadcast.reaction.ts). */
export const CHANGE_EVENTS = EVENT_NAMES.filter(
  (name): name is Exclude<EventName, NodeEventName> => name !== 'node.started' && name !== 'cluster.resynced',
);

/** Events naming the stories they concern (`articleIds`): reactions may work on those stories alone. */
export const STORY_EVENTS = [
  'story.published',
  'story.updated',
  'story.corrected',
  'story.scheduled',
  'story.unpublished',
  'story.deleted',
] as const satisfies readonly EventName[];

/** Events that change the comments readers see, and so a story's comment count. */
export const COMMENT_EVENTS = [
  'comment.posted',
  'comment.edited',
  'comment.deleted',
  'comment.liked',
  'comment.unliked',
  'comment.moderated',
  'reader.banned',
  'reader.unbanned',
] as const satisfies readonly EventName[];

/** Events after which anything may have changed: every in-memory view reloads in full. */
export const RELOAD_ALL_EVENTS = ['content.imported', 'node.started', 'cluster.resynced'] as const satisfies readonly EventName[];

/** The stories a comment event concerns. */
export function commentedStories(event: DomainEvent<(typeof COMMENT_EVENTS)[number]>): string[] {
  return 'articleIds' in event ? event.articleIds : [event.articleId];
}

/**
 * A side effect of events: it declares the events it handles and where it runs. `origin` runs on
 * the node where the change was made only (what writes to shared stores or calls out: search,
 * webhooks, the CDN, the broadcast); `everywhere` also runs on the nodes told of the change (what a
 * node holds in memory, its page cache). Each lives beside the module doing the work, as
 * `x.reaction.ts`, and is listed in src/reactions.ts, whose order is the order reactions run in.
 */
export interface Reaction<K extends EventName = EventName> {
  readonly name: string;
  readonly events: readonly K[];
  readonly runsOn: 'origin' | 'everywhere';
  handle(event: DomainEvent<K>): void | Promise<void>;
}

/** Types a reaction: `handle` receives exactly the events listed in `events`. */
export function defineReaction<const K extends EventName>(reaction: Reaction<K>): Reaction<K> {
  return reaction;
}

/** Whether the reaction declared this event. */
export function handles(reaction: Reaction, name: EventName): boolean {
  return reaction.events.includes(name);
}

type Handler = (event: DomainEvent) => void | Promise<void>;
type ErrorHandler = (error: unknown, context: { event: EventName; reaction?: string }) => void;

export class EventBus {
  private readonly handlers = new Map<EventName, Array<{ handle: Handler; everywhere: boolean; reaction?: string }>>();
  private errorHandler: ErrorHandler = () => {};

  /** Subscribes a reaction to every event it declares; reactions run in the order they were registered. */
  register(reaction: Reaction): void {
    for (const name of new Set(reaction.events)) {
      this.add(name, { handle: (event) => reaction.handle(event), everywhere: reaction.runsOn === 'everywhere', reaction: reaction.name });
    }
  }

  /** A plain subscription (tests, tools): runs where the event is emitted, after the reactions registered before it. */
  on<K extends EventName>(name: K, handler: (event: DomainEvent<K>) => void | Promise<void>): void {
    this.add(name, { handle: handler as Handler, everywhere: false });
  }

  /**
   * Runs every handler of the event, in the order they subscribed. The returned promise settles when
   * all are done and never rejects: a failing handler is reported, and must not undo the change that
   * raised the event nor stop the handlers after it. Callers may await it or not.
   */
  emit(event: DomainEvent): Promise<void> {
    return this.run(event, false);
  }

  /**
   * An event raised on another node (or by the cluster on this one): only the reactions that run
   * `everywhere` follow it, in the same order and with the same error rules as `emit`. What writes
   * to shared stores happened once already, on the node where the change was made.
   */
  receive(event: DomainEvent): Promise<void> {
    return this.run(event, true);
  }

  onError(handler: ErrorHandler): void {
    this.errorHandler = handler;
  }

  private add(name: EventName, handler: { handle: Handler; everywhere: boolean; reaction?: string }): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }

  private async run(event: DomainEvent, received: boolean): Promise<void> {
    for (const handler of this.handlers.get(event.name) ?? []) {
      if (received && !handler.everywhere) continue;
      // Each reaction in a turn of its own: on SQLite every statement runs on the event loop, and
      // the reactions to one publish would otherwise hold requests up for all of them together.
      await nextTurnOfEventLoop();
      try {
        await handler.handle(event);
      } catch (error) {
        this.errorHandler(error, { event: event.name, ...(handler.reaction ? { reaction: handler.reaction } : {}) });
      }
    }
  }
}
