import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { ReaderPasswordResetService, ReaderService } from '../../modules/readers/index.js';
import { AppError } from '../../shared/errors.js';
import { parsePageNumber } from '../../shared/pagination.js';
import { sendHtml } from '../http/send-page.js';
import { paths } from '../shared/paths.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { type Query } from '../shared/form-body.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { ReaderListPage, type ReaderListProps } from './pages/reader-list.page.js';

export const READERS_PAGE_SIZE = 50;
/** Longer than any e-mail address: a longer search is a mistake, answered with a 400. */
const MAX_SEARCH_LENGTH = 254;

/** What the reader-account pages use (`config.siteUrl` makes the reset links absolute). */
export interface ReaderRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  readers: ReaderService;
  readerResets: ReaderPasswordResetService;
}

/**
 * Reader accounts for admins (`readers.manage`): the list, searched by e-mail address or name, and
 * one-time password-reset links (there is no mail server: the admin passes the link on).
 */
export function registerReaderRoutes(scope: FastifyInstance, deps: ReaderRoutesDeps): void {
  const { readers, readerResets: resets } = deps;

  async function readerListPage(
    request: FastifyRequest<{ Querystring: Query }>,
    reply: FastifyReply,
    staff: StaffContext,
    extra: Partial<ReaderListProps> = {},
  ) {
    const search = (request.query.q ?? '').trim();
    if (search.length > MAX_SEARCH_LENGTH) throw new AppError('ERR_SEARCH_QUERY_TOO_LONG');
    const { readers: list, pagination } = await readers.list({ search, page: parsePageNumber(request.query.page), pageSize: READERS_PAGE_SIZE });
    return sendHtml(
      request,
      reply,
      200,
      h(ReaderListPage, { site: deps.site.current(), viewer: viewerOf(staff), readers: list, pagination, search, ...extra }),
    );
  }

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/readers',
    permission: 'readers.manage',
    handler: async (request, reply, staff) => readerListPage(request, reply, staff),
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/readers/:readerId/reset-link',
    permission: 'readers.manage',
    handler: async (request, reply, staff) => {
      const { readerId } = request.params as { readerId: string };
      const { token, reader, expiresAt } = await resets.create(readerId, staff.session.user.id);
      // Shown in this response only (no redirect): the token is not stored and cannot be shown again.
      const resetLink = { url: `${deps.config.siteUrl}${paths.account.reset(token)}`, email: reader.email, expiresAt };
      return readerListPage(request, reply, staff, { resetLink });
    },
  });
}
