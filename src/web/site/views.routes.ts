import { fastifyCookie } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Cluster } from '../../cluster/cluster.js';
import type { Config } from '../../config/config.js';
import { notAView, toListMarker, type ListMarker, type ViewCounter } from '../../modules/audience/index.js';
import type { SessionService } from '../../modules/users/index.js';
import { AppError } from '../../shared/errors.js';
import type { RateLimiter } from '../../shared/rate-limiter.js';
import { CACHE_CONTROL } from '../http/cache-control.js';
import { isCrossSiteRequest } from '../http/csrf.js';
import { SESSION_COOKIE } from '../http/session-cookie.js';

/** A report is `{"article":"<id>","via":"<list>"}`; anything near this size is not one. */
export const MAX_VIEW_REPORT_BYTES = 1024;

const ViewReportSchema = z.object({
  article: z.uuid(),
  // Unknown markers are not an error: they change only that view's attribution (to none).
  via: z.string().max(40).optional(),
});

/** The smallest transparent GIF, for readers without JavaScript. */
const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** What the view beacon uses: the counter, the shared rate limit, staff sessions (not readers). */
export interface ViewRoutesDeps {
  config: Pick<Config, 'siteUrl' | 'viewBeaconLimit'>;
  cluster: Pick<Cluster, 'rateLimiter'>;
  sessions: Pick<SessionService, 'resolve'>;
  views: Pick<ViewCounter, 'isCountable' | 'record'>;
}

/**
 * Where readers' browsers report views: the beacon (POST /views) and the no-JavaScript pixel. The
 * answer is the same whether or not the view counted; `x-view` says which, for debugging.
 */
export async function registerViewRoutes(app: FastifyInstance, deps: ViewRoutesDeps): Promise<void> {
  // A fixed window (a counter per address) from the cluster: memory on one node, shared through
  // Redis on several. Flood control only, so an unreachable Redis lets views through.
  const limiter = deps.cluster.rateLimiter('view-beacon', {
    limit: deps.config.viewBeaconLimit,
    windowMs: 60_000,
    window: 'fixed',
    whenUnavailable: 'allow',
  });

  await app.register(async (scope) => {
    acceptViewReportBodies(scope);
    scope.setErrorHandler((error, _request, _reply) => {
      // Fastify's own body errors (too large, no or another content type) become the one clear 400.
      if (!(error instanceof AppError) && (error as { statusCode?: number }).statusCode === 413) throw new AppError('ERR_VIEW_REPORT_INVALID');
      if (!(error instanceof AppError) && (error as { code?: string }).code?.startsWith('FST_ERR_CTP')) throw new AppError('ERR_VIEW_REPORT_INVALID');
      throw error;
    });

    scope.post('/views', { bodyLimit: MAX_VIEW_REPORT_BYTES }, async (request, reply) => {
      await guard(request, deps, limiter);
      const parsed = ViewReportSchema.safeParse(request.body);
      if (!parsed.success) throw new AppError('ERR_VIEW_REPORT_INVALID');
      const outcome = await countView(request, deps, parsed.data.article, toListMarker(parsed.data.via));
      return reply.code(204).header('cache-control', CACHE_CONTROL.noStore).header('x-view', outcome).send();
    });

    scope.get<{ Querystring: Record<string, string | undefined> }>('/views/pixel.gif', async (request, reply) => {
      await guard(request, deps, limiter);
      const article = z.uuid().safeParse(request.query.article);
      if (!article.success) throw new AppError('ERR_VIEW_REPORT_INVALID');
      const outcome = await countView(request, deps, article.data, null);
      return sendPixel(reply, outcome);
    });
  });
}

/**
 * In `scope`, only the bodies a view report comes in: sendBeacon sends text/plain (a "simple"
 * request, no preflight), fetch may send application/json; both are parsed as JSON.
 */
export function acceptViewReportBodies(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(['text/plain', 'application/json'], { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError('ERR_VIEW_REPORT_INVALID'), undefined);
    }
  });
}

async function guard(request: FastifyRequest, deps: ViewRoutesDeps, limiter: RateLimiter): Promise<void> {
  if (isCrossSiteRequest(request, deps.config.siteUrl)) throw new AppError('ERR_VIEW_CROSS_SITE');
  if (deps.config.viewBeaconLimit === 0) return;
  // Checked per address before any work, so a flood costs one counter lookup and slows nobody else.
  if (await limiter.isLimited(request.ip)) throw new AppError('ERR_TOO_MANY_VIEW_REPORTS');
  await limiter.hit(request.ip);
}

async function countView(request: FastifyRequest, deps: ViewRoutesDeps, articleId: string, via: ListMarker | null): Promise<string> {
  if (!(await deps.views.isCountable(articleId))) throw new AppError('ERR_ARTICLE_NOT_FOUND');
  const excluded = notAView(request.headers);
  if (excluded) return excluded;
  if (await isStaff(request, deps)) return 'staff';
  return deps.views.record({ articleId, ip: request.ip, userAgent: request.headers['user-agent'] ?? '', via });
}

/** Staff reading the site are not readers. Only requests carrying a session cookie pay a lookup. */
async function isStaff(request: FastifyRequest, deps: ViewRoutesDeps): Promise<boolean> {
  const header = request.headers.cookie;
  if (!header?.includes(SESSION_COOKIE)) return false;
  const token = fastifyCookie.parse(header)[SESSION_COOKIE];
  return (await deps.sessions.resolve(token)) !== null;
}

function sendPixel(reply: FastifyReply, outcome: string): FastifyReply {
  return reply.code(200).header('content-type', 'image/gif').header('cache-control', CACHE_CONTROL.noStore).header('x-view', outcome).send(PIXEL_GIF);
}
