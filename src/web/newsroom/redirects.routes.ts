import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { NotFoundLog, RedirectService } from '../../modules/redirects/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { parsePageNumber } from '../../shared/pagination.js';
import { sendHtml } from '../http/send-page.js';
import { formField, type Query } from '../shared/form-body.js';
import { formFieldOf, type FieldError } from '../shared/form-fields.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { RedirectListPage, type RedirectListProps } from './pages/redirect-list.page.js';

/** How many of the 404 log's paths the page shows. */
const NOT_FOUND_SHOWN = 50;
/** Longer than any path a form field takes back: what a refused form shows again is cut here. */
const SHOWN_BACK_MAX = 2048;

/** Which field of the add form each refusal is about. */
const FIELDS: Partial<Record<ErrorCode, string>> = {
  ERR_REDIRECT_PATH_INVALID: 'old-path',
  ERR_REDIRECT_PATH_SERVED: 'old-path',
  ERR_REDIRECT_EXISTS: 'old-path',
  ERR_REDIRECT_TARGET_INVALID: 'new-address',
  ERR_REDIRECT_TO_ITSELF: 'new-address',
  ERR_REDIRECT_LOOP: 'new-address',
};

/** What the Redirects page uses. */
export interface RedirectRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  redirects: Pick<RedirectService, 'list' | 'add' | 'remove'>;
  notFoundLog: Pick<NotFoundLog, 'mostHit'>;
}

/**
 * Redirects for admins (`redirects.manage`): the list (50 a page, searched by old path), adding
 * one (a refusal shows the form again with its message and a 4xx, nothing written), removing one,
 * and the 404 log's most asked-for paths, each a link that fills the form in.
 */
export function registerRedirectRoutes(scope: FastifyInstance, deps: RedirectRoutesDeps): void {
  const { redirects } = deps;

  async function listPage(
    request: FastifyRequest<{ Querystring: Query }>,
    reply: FastifyReply,
    staff: StaffContext,
    status: number,
    extra: Partial<RedirectListProps> = {},
  ) {
    const search = (request.query.q ?? '').trim();
    const { redirects: list, pagination } = await redirects.list({ search, page: parsePageNumber(request.query.page) });
    const notFound = await deps.notFoundLog.mostHit(NOT_FOUND_SHOWN);
    const props = { site: deps.site.current(), viewer: viewerOf(staff), redirects: list, pagination, search, notFound, ...extra };
    return sendHtml(request, reply, status, h(RedirectListPage, props));
  }

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/redirects',
    permission: 'redirects.manage',
    handler: async (request, reply, staff) => {
      const done = request.query.done === 'added' || request.query.done === 'removed' ? request.query.done : undefined;
      const path = request.query.path?.slice(0, SHOWN_BACK_MAX);
      return listPage(request, reply, staff, 200, { ...(done ? { done } : {}), ...(path ? { path } : {}) });
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/redirects',
    permission: 'redirects.manage',
    handler: async (request, reply, staff) => {
      const path = formField(request.body, 'old-path');
      const target = formField(request.body, 'new-address');
      try {
        await redirects.add(path, target, staff.session.user.id);
        return reply.redirect(newsroomPaths.redirects({ done: 'added' }), 303);
      } catch (error) {
        const field = error instanceof AppError ? formFieldOf(error, FIELDS, { path: 'old-path', target: 'new-address' }) : undefined;
        if (!(error instanceof AppError) || !field) throw error;
        reply.header('x-error-code', error.code);
        const errors: FieldError[] = [{ field, message: newsroomTranslator(deps.site.current(), viewerOf(staff)).error(error.code) }];
        const shown = { path: path.slice(0, SHOWN_BACK_MAX), target: target.slice(0, SHOWN_BACK_MAX) };
        return listPage(request, reply, staff, error.status, { errors, ...shown });
      }
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/redirects/remove',
    permission: 'redirects.manage',
    handler: async (request, reply, staff) => {
      await redirects.remove(formField(request.body, 'path'), staff.session.user.id);
      return reply.redirect(newsroomPaths.redirects({ done: 'removed' }), 303);
    },
  });
}
