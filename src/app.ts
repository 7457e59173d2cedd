import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from './deps.js';
import { SURROGATE_KEYS } from './modules/cdn/index.js';
import { AppError } from './shared/errors.js';
import { answerClientError } from './web/http/client-error.js';
import { MAX_URL_LENGTH, assertReadableUrl } from './web/http/request-guard.js';
import { DATABASE_RETRY_AFTER_SECONDS } from './web/http/retry-after.js';
import { serverSendingEarlyHits } from './web/http/early-hits.js';
import { SECURITY_HEADERS } from './web/http/security-headers.js';
import { sendHtml } from './web/http/send-page.js';
import { editionUrlRewriter, requestSite } from './web/shared/request-edition.js';
import { registerAccountRoutes } from './web/account/account.routes.js';
import { API_PREFIX, registerApiRoutes } from './web/api/api.routes.js';
import { sendApiError } from './web/api/api-response.js';
import { registerNewsroomRoutes } from './web/newsroom/newsroom.routes.js';
import { ErrorPage } from './web/site/pages/error.page.js';
import { answerOldLink, mayBeOldLink } from './web/site/old-links.js';
import { registerCommentRoutes } from './web/site/comments.routes.js';
import { registerFeedRoutes } from './web/site/feed.routes.js';
import { registerLiveStreamRoutes } from './web/site/live-stream.routes.js';
import { registerSiteRoutes } from './web/site/site.routes.js';
import { registerNewsletterArchiveRoutes } from './web/site/newsletter-archive.routes.js';
import { registerNewsletterRoutes } from './web/site/newsletters.routes.js';
import { registerViewRoutes } from './web/site/views.routes.js';
import { registerBenchRoutes } from './web/system/bench.routes.js';
import { registerEventLoopDelayRoutes } from './web/system/event-loop-delay.routes.js';
import { registerSystemRoutes } from './web/system/system.routes.js';

/** Builds the whole application without listening; `main.ts` listens, tests use `inject()`. */
export async function createApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.config.logLevel },
    // Per-request log lines cost more than rendering a cached page; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: MAX_URL_LENGTH, ignoreTrailingSlash: true },
    return503OnClosing: true,
    // A whole request, body included, must arrive within five minutes (Node's own default, which
    // Fastify turns off): enough for a 20 MB upload on a slow line, and a client that stalls
    // mid-body is answered 408 (ERR_REQUEST_TIMEOUT) instead of holding its socket for ever.
    requestTimeout: 5 * 60 * 1000,
    // Off unless a proxy the publisher runs sets X-Forwarded-For; otherwise anyone could forge it.
    trustProxy: deps.config.trustProxy,
    // Requests Node cannot parse (a body cut short, broken chunking) still get a coded answer.
    clientErrorHandler: answerClientError,
    // A reading-site page under an edition's prefix (`/ko/…`) is routed as the default edition's
    // page, with its edition remembered for the request (web/shared/request-edition.ts).
    rewriteUrl: editionUrlRewriter(deps.editions),
    // Page-cache hits for requests without cookies or credentials are sent before Fastify routes.
    serverFactory: serverSendingEarlyHits(deps.pageCache),
    // Fastify's own URL and header errors get the same readable page as ours.
    frameworkErrors: (error, request, reply) => {
      const appError = new AppError(error.code === 'FST_ERR_BAD_URL' ? 'ERR_URL_MALFORMED' : 'ERR_BAD_REQUEST');
      // Before routing, so the API's scope has not taken over yet: its clients still get JSON.
      if (request.url.startsWith(`${API_PREFIX}/`)) return void sendApiError(reply, appError);
      void sendError(deps, request, reply, appError);
    },
  });

  // One synchronous hook: it runs on every request, and async hooks cost measurably more (bench/).
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    try {
      assertReadableUrl(request.raw.url ?? '/');
      done();
    } catch (error) {
      done(error as Error);
    }
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      // A listing route's unknown slug (`/tag/x`, `/author/login`) may be an imported site's old link.
      if (error.code === 'ERR_NOT_FOUND' && mayBeOldLink(request)) {
        const redirected = await answerOldLink(deps, request, reply);
        if (redirected) return redirected;
      }
      return sendError(deps, request, reply, error);
    }
    if (deps.database.isUnavailableError(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendError(deps, request, reply, new AppError('ERR_DATABASE_UNAVAILABLE'));
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(deps, request, reply, new AppError('ERR_BAD_REQUEST'), error.statusCode);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(deps, request, reply, new AppError('ERR_INTERNAL'));
  });

  // A reader's request that matches no route may be an old link (an imported archive's): a 301 to
  // where it now lives, else the 404 as before, counted in the 404 log. Pages that match a route
  // never come here, so they pay nothing for it.
  app.setNotFoundHandler(async (request, reply) => {
    if (mayBeOldLink(request)) {
      const redirected = await answerOldLink(deps, request, reply);
      if (redirected) return redirected;
    }
    return sendError(deps, request, reply, new AppError('ERR_NOT_FOUND'));
  });

  await registerSystemRoutes(app, deps);
  registerSiteRoutes(app, deps);
  registerNewsletterArchiveRoutes(app, deps);
  registerFeedRoutes(app, deps);
  registerLiveStreamRoutes(app, deps);
  await registerViewRoutes(app, deps);
  await registerCommentRoutes(app, deps);
  await registerNewsroomRoutes(app, deps);
  await registerAccountRoutes(app, deps);
  await registerNewsletterRoutes(app, deps);
  await registerApiRoutes(app, deps);
  if (deps.config.benchRoutes) {
    // BENCH_ROUTES=1: benchmarks only
    await registerBenchRoutes(app, deps);
    registerEventLoopDelayRoutes(app);
  }
  return app;
}

function sendError(deps: Deps, request: FastifyRequest, reply: FastifyReply, error: AppError, status = error.status): FastifyReply {
  reply.header('x-error-code', error.code);
  // A public 404 or 410 may be kept by a CDN: filed under `missing`, purged when stories change.
  const keys = deps.pageCache.announceKeys && (status === 404 || status === 410) ? [SURROGATE_KEYS.missing] : undefined;
  return sendHtml(request, reply, status, h(ErrorPage, { site: requestSite(deps, request), status, code: error.code }), keys);
}
