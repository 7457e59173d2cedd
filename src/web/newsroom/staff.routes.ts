import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { InvitationService, SessionService, UserService } from '../../modules/users/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { isCrossSiteRequest } from '../http/csrf.js';
import { setSessionCookie } from '../http/session-cookie.js';
import { sendHtml } from '../http/send-page.js';
import { formFieldOf, type FieldError } from '../shared/form-fields.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomRoute, signInRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { formField } from '../shared/form-body.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { InvitationAcceptPage, InvitationGonePage } from './pages/invitation-accept.page.js';
import { StaffListPage, type StaffListProps } from './pages/staff-list.page.js';

/** Which field each invitation error belongs to, so the summary links to it. */
const INVITE_FIELDS: Partial<Record<ErrorCode, string>> = {
  ERR_EMAIL_INVALID: 'invite-email',
  ERR_EMAIL_TAKEN: 'invite-email',
  ERR_ROLE_UNKNOWN: 'invite-role',
};

const ACCEPT_FIELDS: Partial<Record<ErrorCode, string>> = {
  ERR_DISPLAY_NAME_INVALID: 'display-name',
  ERR_PASSWORD_TOO_SHORT: 'new-password',
  ERR_PASSWORD_TOO_LONG: 'new-password',
  ERR_PASSWORDS_DO_NOT_MATCH: 'confirm-password',
  // The address was given an account some other way since the invitation was made.
  ERR_EMAIL_TAKEN: 'display-name',
};

/** Errors from a row's role or deactivate button: shown above the table, linked to that row's role field. */
const ROW_ERRORS: readonly ErrorCode[] = ['ERR_LAST_ADMIN', 'ERR_ROLE_UNKNOWN'];

/** What the staff pages use (`sessions` also signs in whoever accepts an invitation). */
export interface StaffRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  users: UserService;
  invitations: InvitationService;
  sessions: SessionService;
}

/** Staff management (`staff.manage`) and the invitation link, which works without a session. */
export function registerStaffRoutes(scope: FastifyInstance, deps: StaffRoutesDeps): void {
  const site = () => deps.site.current();

  async function staffPage(request: FastifyRequest, reply: FastifyReply, staff: StaffContext, status: number, extra: Partial<StaffListProps> = {}) {
    const [users, invitations] = await Promise.all([deps.users.list(), deps.invitations.listOpen()]);
    return sendHtml(request, reply, status, h(StaffListPage, { site: site(), viewer: viewerOf(staff), users, invitations, ...extra }));
  }

  /** Runs a change to one account and returns to the list, or shows the list with the coded error. */
  async function changeAccount(request: FastifyRequest, reply: FastifyReply, staff: StaffContext, userId: string, change: () => Promise<unknown>) {
    try {
      await change();
    } catch (error) {
      if (!(error instanceof AppError) || !ROW_ERRORS.includes(error.code)) throw error;
      reply.header('x-error-code', error.code);
      const message = newsroomTranslator(site(), viewerOf(staff)).error(error.code);
      return staffPage(request, reply, staff, error.status, { errors: [{ field: `role-${userId}`, message }] });
    }
    return reply.redirect(newsroomPaths.staff(), 303);
  }

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/staff',
    permission: 'staff.manage',
    handler: async (request, reply, staff) => staffPage(request, reply, staff, 200),
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/staff/invitations',
    permission: 'staff.manage',
    handler: async (request, reply, staff) => {
      const email = formField(request.body, 'invite-email');
      const role = formField(request.body, 'role');
      try {
        const { token, invitation } = await deps.invitations.invite({ email, role }, staff.session.user.id);
        // Shown in this response only (no redirect): the token is not stored and cannot be shown again.
        const invitationLink = { url: `${deps.config.siteUrl}${newsroomPaths.invitation(token)}`, email: invitation.email };
        return staffPage(request, reply, staff, 200, { invitationLink });
      } catch (error) {
        const field = error instanceof AppError ? INVITE_FIELDS[error.code] : undefined;
        if (!(error instanceof AppError) || !field) throw error;
        reply.header('x-error-code', error.code);
        const errors: FieldError[] = [{ field, message: newsroomTranslator(site(), viewerOf(staff)).error(error.code) }];
        return staffPage(request, reply, staff, error.status, { errors, inviteEmail: email.slice(0, 254), inviteRole: role });
      }
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/staff/:userId/role',
    permission: 'staff.manage',
    handler: async (request, reply, staff) => {
      const { userId } = request.params as { userId: string };
      return changeAccount(request, reply, staff, userId, () =>
        deps.users.changeRole(userId, formField(request.body, 'role'), staff.session.user.id),
      );
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/staff/:userId/deactivate',
    permission: 'staff.manage',
    handler: async (request, reply, staff) => {
      const { userId } = request.params as { userId: string };
      return changeAccount(request, reply, staff, userId, () => deps.users.deactivate(userId, staff.session.user.id));
    },
  });

  /** Used or expired links get their own 410 page; unknown ones the newsroom's 404. */
  async function withInvitation(reply: FastifyReply, request: FastifyRequest, work: () => Promise<FastifyReply>): Promise<FastifyReply> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'ERR_INVITATION_GONE') throw error;
      reply.header('x-error-code', error.code);
      return sendHtml(request, reply, 410, h(InvitationGonePage, { site: site(), message: newsroomTranslator(site()).error(error.code) }));
    }
  }

  signInRoute(scope, {
    method: 'GET',
    url: '/invitations/:token',
    handler: async (request, reply) => {
      const { token } = request.params as { token: string };
      return withInvitation(reply, request, async () => {
        const invitation = await deps.invitations.open(token);
        return sendHtml(request, reply, 200, h(InvitationAcceptPage, { site: site(), token, invitation }));
      });
    },
  });

  signInRoute(scope, {
    method: 'POST',
    url: '/invitations/:token',
    handler: async (request, reply) => {
      // No session yet, so no CSRF token: like sign-in, refuse posts from other sites.
      if (isCrossSiteRequest(request, deps.config.siteUrl)) throw new AppError('ERR_CSRF_TOKEN_INVALID');
      const { token } = request.params as { token: string };
      return withInvitation(reply, request, async () => {
        const invitation = await deps.invitations.open(token);
        const displayName = formField(request.body, 'display-name');
        const password = formField(request.body, 'new-password');
        try {
          if (password !== formField(request.body, 'confirm-password')) throw new AppError('ERR_PASSWORDS_DO_NOT_MATCH');
          // Only name and password are read from the form: e-mail and role come from the invitation.
          const user = await deps.invitations.accept(token, { displayName, password });
          const session = await deps.sessions.create(user.id);
          setSessionCookie(reply, deps.config.siteUrl, session.token, session.expiresAt);
          return reply.redirect(newsroomPaths.home(), 303);
        } catch (error) {
          const field = error instanceof AppError ? formFieldOf(error, ACCEPT_FIELDS, { displayName: 'display-name' }) : undefined;
          if (!(error instanceof AppError) || !field) throw error;
          reply.header('x-error-code', error.code);
          const errors: FieldError[] = [{ field, message: newsroomTranslator(site()).error(error.code) }];
          return sendHtml(
            request,
            reply,
            error.status,
            h(InvitationAcceptPage, { site: site(), token, invitation, displayName: displayName.slice(0, 100), errors }),
          );
        }
      });
    },
  });
}
