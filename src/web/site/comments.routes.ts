import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { CommentChange } from '../../modules/comments/index.js';
import type { SettingsService } from '../../modules/settings/index.js';
import { AppError } from '../../shared/errors.js';
import { currentReader, readReaderToken, type ReaderCookieDeps, type SignedInReader } from '../shared/reader-cookie.js';
import { CACHE_CONTROL } from '../http/cache-control.js';
import { CSRF_FIELD, isValidCsrfToken } from '../http/csrf.js';
import { sendPersonalPage } from '../http/send-page.js';
import { parseCommentsQuery, renderArticlePage, type ArticlePageDeps } from './article-page-view.js';
import { COMMENT_BODY_LIMIT, registerCommentBodyParsers } from './comment-body-parsers.js';
import { commentPaths } from './comment-paths.js';
import { presentCommentChange, presentCommentError } from './comment.presenter.js';
import { CommentEditPage } from './pages/comment-edit.page.js';
import { paths } from '../shared/paths.js';
import { requestSite, type EditionSiteDeps } from '../shared/request-edition.js';
import { siteTranslator } from '../shared/site-translator.js';

type Body = Record<string, unknown> | undefined;
type SlugRoute = { Params: { slug: string }; Body: Body };
type IdRoute = { Params: { id: string }; Body: Body };

const routeOptions = { bodyLimit: COMMENT_BODY_LIMIT };

/** Script sends `Accept: application/json` and gets JSON back; forms get redirects and pages. */
function wantsJson(request: FastifyRequest): boolean {
  return request.headers.accept?.includes('application/json') ?? false;
}

/** What the comment actions use: the reader, the article page (re-rendered on a refusal), the settings. */
export interface CommentRoutesDeps extends ReaderCookieDeps, ArticlePageDeps, EditionSiteDeps {
  settings: SettingsService;
}

/**
 * Readers' comment actions, in a scope of their own (only here are comment bodies parsed). Each
 * handler: the reader → the CSRF token → one CommentService call → a redirect back to the comment,
 * or JSON for the page's script. Refused posts re-render the page with the message and the text kept.
 */
export async function registerCommentRoutes(app: FastifyInstance, deps: CommentRoutesDeps): Promise<void> {
  await app.register(async (scope) => {
    registerCommentBodyParsers(scope);
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      const appError = toAppError(error);
      if (!appError) throw error;
      if (!wantsJson(request)) throw appError;
      return reply
        .code(appError.status)
        .header('cache-control', CACHE_CONTROL.noStore)
        .header('x-error-code', appError.code)
        .send(presentCommentError(appError, siteTranslator(requestSite(deps, request))));
    });

    /** The signed-in reader whose form token is right; otherwise a 401/redirect or a 403, and nothing changes. */
    const signedIn = async (request: FastifyRequest<{ Body: Body }>, reply: FastifyReply, next?: string): Promise<SignedInReader | null> => {
      const viewer = await currentReader(request, reply, deps);
      if (!viewer) {
        if (wantsJson(request)) throw new AppError('ERR_COMMENT_SIGN_IN_REQUIRED');
        void reply.code(303).header('cache-control', CACHE_CONTROL.noStore).redirect(paths.account.signIn(next), 303);
        return null;
      }
      const submitted = request.body?.[CSRF_FIELD] ?? request.headers['x-csrf-token'];
      const token = readReaderToken(request);
      if (!token || !isValidCsrfToken(token, submitted)) throw new AppError('ERR_CSRF_TOKEN_INVALID');
      return viewer;
    };

    /** Answers a successful change: JSON for script, else 303 to where the reader should land. */
    const answer = async (
      request: FastifyRequest,
      reply: FastifyReply,
      viewer: SignedInReader,
      change: CommentChange,
      status = 200,
    ): Promise<FastifyReply> => {
      reply.header('cache-control', CACHE_CONTROL.noStore);
      if (!wantsJson(request)) {
        const target =
          change.comment && change.comment.status !== 'deleted'
            ? commentPaths.anchor(change.articleSlug, change.comment.id)
            : `${paths.article(change.articleSlug)}#comments`;
        return reply.redirect(target, 303);
      }
      const liked = change.comment ? await deps.comments.hasLiked(viewer.reader.id, change.comment.id) : false;
      const json = presentCommentChange(change, {
        viewer: {
          readerId: viewer.reader.id,
          csrfToken: viewer.csrfToken,
          mayAct: !viewer.reader.banned && viewer.reader.confirmed,
          unconfirmed: !viewer.reader.banned && !viewer.reader.confirmed,
        },
        liked,
        open: change.open,
        now: deps.clock.now(),
        // The edition's (its language and time zone), as the article page the comment sits on.
        publication: requestSite(deps, request).publication,
      });
      return reply.code(status).send(json);
    };

    scope.post<SlugRoute>('/article/:slug/comments', routeOptions, async (request, reply) => {
      const { slug } = request.params;
      const viewer = await signedIn(request, reply, `${paths.article(slug)}#comments`);
      if (!viewer) return reply;
      const body = request.body ?? {};
      try {
        const change = await deps.comments.post({
          reader: viewer.reader,
          slug,
          body: body.body,
          parentId: body.parent,
          honeypot: body.website,
          ip: request.ip,
        });
        return await answer(request, reply, viewer, change, 201);
      } catch (error) {
        if (!(error instanceof AppError) || wantsJson(request) || error.status >= 500) throw error;
        // Without script: the story again, for this reader, with the message and their words kept.
        const form = {
          error: { code: error.code, message: siteTranslator(requestSite(deps, request)).error(error.code) },
          body: typeof body.body === 'string' ? body.body : '',
          parentId: typeof body.parent === 'string' ? body.parent : undefined,
        };
        const rendered = await renderArticlePage(deps, slug, { viewer, query: parseCommentsQuery({}), form }).catch(() => null);
        if (!rendered) throw error;
        reply.header('x-error-code', error.code);
        return sendPersonalPage(reply, error.status, rendered.page);
      }
    });

    scope.post<IdRoute>('/comments/:id/like', routeOptions, async (request, reply) => {
      const viewer = await signedIn(request, reply);
      return viewer ? answer(request, reply, viewer, await deps.comments.like(viewer.reader, request.params.id)) : reply;
    });

    scope.post<IdRoute>('/comments/:id/unlike', routeOptions, async (request, reply) => {
      const viewer = await signedIn(request, reply);
      return viewer ? answer(request, reply, viewer, await deps.comments.unlike(viewer.reader, request.params.id)) : reply;
    });

    scope.post<IdRoute>('/comments/:id/report', routeOptions, async (request, reply) => {
      const viewer = await signedIn(request, reply);
      return viewer ? answer(request, reply, viewer, await deps.comments.report(viewer.reader, request.params.id)) : reply;
    });

    scope.post<IdRoute>('/comments/:id/delete', routeOptions, async (request, reply) => {
      const viewer = await signedIn(request, reply);
      return viewer ? answer(request, reply, viewer, await deps.comments.delete(viewer.reader, request.params.id)) : reply;
    });

    scope.get<{ Params: { id: string } }>('/comments/:id/edit', async (request, reply) => {
      const viewer = await currentReader(request, reply, deps);
      if (!viewer) return reply.header('cache-control', CACHE_CONTROL.noStore).redirect(paths.account.signIn(), 303);
      const { comment, articleSlug } = await deps.comments.editable(viewer.reader, request.params.id);
      return sendPersonalPage(
        reply,
        200,
        h(CommentEditPage, { site: requestSite(deps, request), comment, articleSlug, csrfToken: viewer.csrfToken }),
      );
    });

    scope.post<IdRoute>('/comments/:id/edit', routeOptions, async (request, reply) => {
      const viewer = await signedIn(request, reply);
      if (!viewer) return reply;
      const body = request.body?.body;
      try {
        return await answer(request, reply, viewer, await deps.comments.edit(viewer.reader, request.params.id, body));
      } catch (error) {
        if (!(error instanceof AppError) || wantsJson(request) || error.status !== 400) throw error;
        // A problem with the text: the edit form again, with the message and the words as typed.
        const { comment, articleSlug } = await deps.comments.editable(viewer.reader, request.params.id);
        const site = requestSite(deps, request);
        const form = { error: { code: error.code, message: siteTranslator(site).error(error.code) }, body: typeof body === 'string' ? body : '' };
        reply.header('x-error-code', error.code);
        return sendPersonalPage(reply, error.status, h(CommentEditPage, { site, comment, articleSlug, csrfToken: viewer.csrfToken, form }));
      }
    });
  });
}

/** Our errors as they are; Fastify's body errors as coded ones; anything else is not ours to answer. */
function toAppError(error: FastifyError): AppError | null {
  if (error instanceof AppError) return error;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('ERR_COMMENT_BODY_TOO_LARGE');
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) return new AppError('ERR_BAD_REQUEST');
  return null;
}
