import type { ServerResponse } from 'node:http';

/** Past this many bytes queued unsent, a reader is too slow to keep: its connection is destroyed. */
export const LIVE_MAX_BUFFERED_BYTES = 256 * 1024;
/** A comment line on every stream this often, so proxies and browsers keep idle streams open. */
export const LIVE_HEARTBEAT_MS = 20_000;
/** What a refused reader is told to wait (Retry-After) before trying again. */
export const LIVE_RETRY_AFTER_SECONDS = 30;

const HEARTBEAT = Buffer.from(':\n\n');

export interface LiveHubOptions {
  /** LIVE_MAX_CONNECTIONS: streams held at once on this node, all stories together. */
  maxConnections: number;
  heartbeatMs?: number;
  maxBufferedBytes?: number;
}

/** What the System page can show about this node's streams. */
export interface LiveHubStats {
  connections: number;
  stories: number;
  /** Since start: readers dropped for not reading what was sent them. */
  droppedSlow: number;
  /** Since start: readers turned away with 503 past the limit (or while shutting down). */
  refused: number;
}

/**
 * One reader's stream. `position` is the sequence it has been sent up to, so a frame it already
 * has (from its own replay) is not sent twice, and the reaction knows where to read from.
 */
interface Connection {
  readonly response: ServerResponse;
  readonly articleId: string;
  position: number;
}

/**
 * This node's live-update streams (Server-Sent Events), grouped by story. Built for the spike: a
 * connection costs a small record and one `close` listener; one heartbeat timer serves them all;
 * a frame is one Buffer written to every connection of its story; a reader that stops reading is
 * destroyed rather than buffered for (`LIVE_MAX_BUFFERED_BYTES`, or not drained over a whole
 * heartbeat), so it never holds the others up or the node's memory. Past `maxConnections` new
 * readers are refused (503 with Retry-After); their pages still show every update on reload.
 */
export class LiveHub {
  private readonly stories = new Map<string, Set<Connection>>();
  private count = 0;
  private droppedSlow = 0;
  private refused = 0;
  private closed = false;
  private heartbeat: NodeJS.Timeout | undefined;
  /** Connections found not drained at the last heartbeat: still so at the next, they are dropped. */
  private stalled = new Set<Connection>();
  private readonly heartbeatMs: number;
  private readonly maxBufferedBytes: number;

  constructor(private readonly options: LiveHubOptions) {
    this.heartbeatMs = options.heartbeatMs ?? LIVE_HEARTBEAT_MS;
    this.maxBufferedBytes = options.maxBufferedBytes ?? LIVE_MAX_BUFFERED_BYTES;
  }

  /** Whether a new stream would be taken now; checked before any work on the request. */
  get hasRoom(): boolean {
    return !this.closed && this.count < this.options.maxConnections;
  }

  /** Counts a reader turned away before `open` (the route's own 503). */
  countRefused(): void {
    this.refused += 1;
  }

  get stats(): LiveHubStats {
    return { connections: this.count, stories: this.stories.size, droppedSlow: this.droppedSlow, refused: this.refused };
  }

  /**
   * Takes a stream whose head and first bytes (`retry:`, the replay) the route has written, at
   * `position`. False when full or closing: the caller answers 503 itself (the head not yet sent).
   */
  open(articleId: string, response: ServerResponse, position: number): boolean {
    if (!this.hasRoom) {
      this.refused += 1;
      return false;
    }
    if (response.destroyed || response.writableEnded) return true;
    const connection: Connection = { response, articleId, position };
    let connections = this.stories.get(articleId);
    if (!connections) this.stories.set(articleId, (connections = new Set()));
    connections.add(connection);
    this.count += 1;
    response.once('close', () => this.remove(connection));
    if (!this.heartbeat) this.startHeartbeat();
    return true;
  }

  /** The lowest position among the story's streams: where a read must start to serve them all. */
  lowestPosition(articleId: string): number | undefined {
    let lowest: number | undefined;
    for (const connection of this.stories.get(articleId) ?? []) {
      if (lowest === undefined || connection.position < lowest) lowest = connection.position;
    }
    return lowest;
  }

  /** Whether any reader of this story is connected to this node. */
  watching(articleId: string): boolean {
    return this.stories.has(articleId);
  }

  /**
   * Writes the same frame to every stream of the story that has not got up to `sequence` yet (all
   * of them without one), and moves them there; `end`: then ends those streams (coverage ended).
   * Returns how many streams it was written to.
   */
  broadcast(articleId: string, frame: Buffer, options: { sequence?: number; end?: boolean } = {}): number {
    const connections = this.stories.get(articleId);
    if (!connections) return 0;
    let written = 0;
    for (const connection of connections) {
      if (options.sequence !== undefined && connection.position >= options.sequence) {
        if (options.end) connection.response.end();
        continue;
      }
      if (this.write(connection, frame)) {
        written += 1;
        if (options.sequence !== undefined) connection.position = options.sequence;
        if (options.end) connection.response.end();
      }
    }
    return written;
  }

  /**
   * Ends every stream of a story readers may no longer see (withdrawn or deleted): their browsers
   * reconnect, get 404 and stop. Returns how many were ended.
   */
  closeStory(articleId: string): number {
    const connections = [...(this.stories.get(articleId) ?? [])];
    for (const connection of connections) {
      this.remove(connection);
      connection.response.end();
    }
    return connections.length;
  }

  /** Ends every stream (shutdown): readers' browsers reconnect to another node, or to this one restarted. */
  close(): void {
    this.closed = true;
    this.stopHeartbeat();
    for (const connections of this.stories.values()) {
      for (const connection of connections) connection.response.end();
    }
  }

  /** Writes unless the reader is too far behind, in which case it is dropped. */
  private write(connection: Connection, frame: Buffer): boolean {
    const { response } = connection;
    if (response.destroyed || response.writableEnded) return false;
    if (response.writableLength + frame.length > this.maxBufferedBytes) {
      this.drop(connection);
      return false;
    }
    response.write(frame);
    return true;
  }

  private drop(connection: Connection): void {
    this.droppedSlow += 1;
    this.remove(connection);
    connection.response.destroy();
  }

  private remove(connection: Connection): void {
    const connections = this.stories.get(connection.articleId);
    if (!connections?.delete(connection)) return;
    this.count -= 1;
    this.stalled.delete(connection);
    if (connections.size === 0) this.stories.delete(connection.articleId);
    if (this.count === 0) this.stopHeartbeat();
  }

  private startHeartbeat(): void {
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
    // Never what keeps the process alive.
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    this.stalled.clear();
  }

  /**
   * The heartbeat, and the check for readers that stopped reading: one whose socket still wanted
   * draining at the last beat and still does has read nothing for a whole interval.
   */
  private beat(): void {
    const stalledBefore = this.stalled;
    this.stalled = new Set();
    for (const connections of this.stories.values()) {
      for (const connection of connections) {
        if (connection.response.writableNeedDrain) {
          if (stalledBefore.has(connection)) {
            this.drop(connection);
            continue;
          }
          this.stalled.add(connection);
        }
        this.write(connection, HEARTBEAT);
      }
    }
  }
}
