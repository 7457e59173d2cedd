import http from 'node:http';
import net from 'node:net';
import type { LiveUpdate } from '../../modules/live/index.js';
import type { LiveFrameRenderers } from './live-frames.js';

/** An update as the live service returns it, for tests of what is sent. */
export function liveUpdate(overrides: Partial<LiveUpdate> & { id: string; sequence: number }): LiveUpdate {
  return {
    articleId: 'story-1',
    body: { blocks: [] } as unknown as LiveUpdate['body'],
    source: '',
    authorName: 'Reporter',
    authorId: null,
    userId: 'user-1',
    keyEvent: false,
    pinned: false,
    createdAt: new Date('2026-11-20T03:00:00Z'),
    editedAt: null,
    deletedAt: null,
    ...overrides,
  };
}

/** Renderers that show what they were given, plainly. */
export const fakeRenderers: LiveFrameRenderers = {
  update: (update) => `<li class="live-update" id="update-${update.id}">${update.source}</li>`,
  summary: () => '<section class="live-summary"><ul><li>Point</li></ul></section>',
  ended: () => '<p class="live-ended">Live coverage ended</p>',
};

/** The events of a stream's text, as a browser's EventSource dispatches them (those with data). */
export function parseEvents(text: string): Array<{ event: string; id: string | undefined; data: string | undefined }> {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '' && !block.startsWith(':'))
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).replace(/^ /, ''));
      }
      return { event: fields.get('event') ?? 'message', id: fields.get('id'), data: fields.get('data') };
    })
    .filter((event) => event.data !== undefined);
}

/** An event's JSON data, as the page's script reads it. */
export function payload(event: { data: string | undefined } | undefined): { id?: string; html?: string; pinned?: boolean; keyEvent?: boolean } {
  return JSON.parse(event?.data ?? '{}') as { id?: string; html?: string };
}

/** A reader's stream as a test reads it: the head, everything received so far, and waits on it. */
export interface StreamReader {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Everything received so far, as text. */
  text(): string;
  /** Resolves once the text received contains `needle` (rejects after `timeoutMs`). */
  waitFor(needle: string, timeoutMs?: number): Promise<string>;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `path` on 127.0.0.1:`port` like a browser's EventSource (one connection each). */
export function openStream(port: number, path: string, headers: Record<string, string> = {}): Promise<StreamReader> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, headers: { accept: 'text/event-stream', ...headers }, agent: false }, (response) => {
      let received = '';
      const waiters = new Set<() => void>();
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        received += chunk;
        for (const waiter of waiters) waiter();
      });
      const ended = new Promise<void>((done) => response.on('close', () => done()));
      response.on('error', () => undefined);
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        text: () => received,
        ended,
        close: () => request.destroy(),
        waitFor: (needle, timeoutMs = 3000) =>
          new Promise((found, missing) => {
            const check = () => {
              if (!received.includes(needle)) return;
              clearTimeout(timer);
              waiters.delete(check);
              found(received);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              missing(new Error(`${JSON.stringify(needle)} not received within ${timeoutMs} ms; got ${JSON.stringify(received.slice(-300))}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
      });
    });
    request.on('error', reject);
  });
}

/**
 * A reader that sends its request and then stops reading (its socket paused): what the server
 * sends piles up in the kernel's buffers, then in the server's. Resolves once the head arrived.
 */
export function openStalledStream(port: number, path: string): Promise<{ socket: net.Socket; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('error', () => undefined);
    socket.once('data', () => {
      socket.pause();
      resolve({ socket, closed });
    });
    socket.once('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: news.example\r\nAccept: text/event-stream\r\n\r\n`));
    socket.once('error', reject);
  });
}
