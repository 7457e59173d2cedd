import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LiveService } from '../../modules/live/index.js';
import { AppError, ERROR_CATALOGUE } from '../../shared/errors.js';
import { CACHE_CONTROL } from '../http/cache-control.js';
import { RETRY_FRAME, endedFrame, liveFrames, sseEvent, updatesOf, type LiveStreamStoryFor } from './live-frames.js';
import { LIVE_RETRY_AFTER_SECONDS, type LiveHub } from './live-hub.js';
import type { LiveFanOut } from './live-stream.fan-out.js';

/** What the live stream uses: the coverage and its changes, this node's streams, the story and its renderers. */
export interface LiveStreamRoutesDeps {
  live: Pick<LiveService, 'coverage' | 'changesSince'>;
  liveHub: LiveHub;
  liveStreamStory: LiveStreamStoryFor;
  liveFanOut: Pick<LiveFanOut, 'joined'>;
}

/** A story id as the server makes them (UUIDs; imports keep theirs): anything else is no story. */
const ARTICLE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A sequence as the stream sends it; anything else sent back is forged. */
const SEQUENCE = /^(?:0|[1-9]\d{0,14})$/;

/** Every stream's head (docs/live.md): never stored by anyone, never buffered by a proxy (nginx). */
const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': CACHE_CONTROL.noStore,
  'x-accel-buffering': 'no',
};

/**
 * Where the reader resumes: the browser's `Last-Event-ID` on a reconnect, else `?since=` (the
 * page's own sequence) on the first connect. None: nothing is replayed, the stream starts at the
 * next change. `forged`: not a sequence at all, answered like one from the future, with `reset`.
 */
type ResumePoint = number | 'forged' | undefined;

type StreamRoute = { Params: { articleId: string }; Querystring: Record<string, string | undefined> };

/**
 * `GET /live/<articleId>/events`: a live story's updates as Server-Sent Events (docs/live.md).
 * Everything that can fail (the id, the limit, the story, the replay's read) fails before the
 * stream starts, as a coded error page; then Fastify steps aside (hijack) and the stream belongs
 * to this node's hub. Never cached or compressed: it is sent past the page cache and the document
 * path altogether. A story whose coverage ended answers its `end` event and closes.
 */
export function registerLiveStreamRoutes(app: FastifyInstance, deps: LiveStreamRoutesDeps): void {
  // Open streams never finish by themselves: without this, closing the server would wait for them.
  app.addHook('preClose', (done) => {
    deps.liveHub.close();
    done();
  });

  app.get<StreamRoute>('/live/:articleId/events', async (request, reply) => {
    const { articleId } = request.params;
    if (!ARTICLE_ID.test(articleId)) throw new AppError('ERR_LIVE_STORY_NOT_FOUND');
    if (!deps.liveHub.hasRoom) {
      deps.liveHub.countRefused();
      reply.header('retry-after', String(LIVE_RETRY_AFTER_SECONDS));
      throw new AppError('ERR_LIVE_TOO_MANY_READERS');
    }
    const start = await streamStart(deps, articleId, resumePoint(request));
    return startStream(deps, request, reply, articleId, start);
  });
}

interface StreamStart {
  /** The replay (or `reset`, or `end`), sent right after `retry:`. */
  text: string;
  /** The sequence the reader is up to once it has `text`. */
  position: number;
  /** The coverage has ended: the stream closes after `text`. */
  ended: boolean;
}

/**
 * Reads what the reader missed, before anything is sent: a failure here is still a coded answer.
 * No story readers may see, or one that is not live and never was: ERR_LIVE_STORY_NOT_FOUND
 * (readers are not told which). Ended: its `end` event (after the replay of what the reader
 * missed, when it says where it was).
 */
async function streamStart(deps: LiveStreamRoutesDeps, articleId: string, since: ResumePoint): Promise<StreamStart> {
  const [story, coverage] = await Promise.all([deps.liveStreamStory(articleId), deps.live.coverage(articleId)]);
  const ended = coverage.endedAt !== null;
  if (!story || (!story.live && !ended)) throw new AppError('ERR_LIVE_STORY_NOT_FOUND');
  const position = coverage.lastSequence;
  if (since === undefined || since === 'forged') {
    const text = ended ? await endedFrame(position, await story.renderers([])) : since === 'forged' ? sseEvent('reset', position, {}) : '';
    return { text, position, ended };
  }
  const changes = await deps.live.changesSince(articleId, since);
  const renderers = await story.renderers(updatesOf(changes));
  const endedNow = changes.kind === 'changes' && changes.ended;
  // Ended before where the reader is, or too long ago to replay: the `end` note is what its page needs.
  let text = ended && changes.kind === 'reset' ? '' : await liveFrames(changes, renderers);
  if (ended && !endedNow) text += await endedFrame(changes.lastSequence, renderers);
  return { text, position: changes.lastSequence, ended: ended || endedNow };
}

function resumePoint(request: FastifyRequest<StreamRoute>): ResumePoint {
  const header = request.headers['last-event-id'];
  const raw = typeof header === 'string' ? header : request.query.since;
  if (raw === undefined) return undefined;
  const value = raw.trim();
  return SEQUENCE.test(value) ? Number(value) : 'forged';
}

/** From here the response is ours, written straight to the socket; nothing may throw any more. */
function startStream(deps: LiveStreamRoutesDeps, request: FastifyRequest, reply: FastifyReply, articleId: string, start: StreamStart): void {
  reply.hijack();
  const response = reply.raw;
  // The hub filled up while the replay was read.
  if (!start.ended && !deps.liveHub.hasRoom) {
    deps.liveHub.countRefused();
    return refuse(response, reply);
  }
  // The stream may live for hours: no idle timeout of the socket's may end it.
  request.raw.socket.setTimeout(0);
  response.writeHead(200, { ...replyHeaders(reply), ...STREAM_HEADERS });
  if (request.method === 'HEAD') return void response.end();
  response.write(start.text === '' ? RETRY_FRAME : Buffer.concat([RETRY_FRAME, Buffer.from(start.text)]));
  if (start.ended) return void response.end();
  deps.liveHub.open(articleId, response, start.position);
  // A change that came between the replay's read and now went to the others only.
  deps.liveFanOut.joined(articleId, start.position).catch((error: unknown) => request.log.error({ err: error }, 'a live stream could not catch up'));
}

function refuse(response: ServerResponse, reply: FastifyReply): void {
  const { status, message } = ERROR_CATALOGUE.ERR_LIVE_TOO_MANY_READERS;
  response.writeHead(status, {
    ...replyHeaders(reply),
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': CACHE_CONTROL.noStore,
    'retry-after': String(LIVE_RETRY_AFTER_SECONDS),
    'x-error-code': 'ERR_LIVE_TOO_MANY_READERS',
  });
  response.end(message);
}

/** The headers hooks set on the reply before it was hijacked (the security headers every answer carries). */
function replyHeaders(reply: FastifyReply): OutgoingHttpHeaders {
  return reply.getHeaders() as OutgoingHttpHeaders;
}
