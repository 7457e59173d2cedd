import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { UserPasswordResetService } from '../../modules/users/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { isCrossSiteRequest } from '../http/csrf.js';
import { sendHtml } from '../http/send-page.js';
import { setSessionCookie } from '../http/session-cookie.js';
import { formField } from '../shared/form-body.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { newsroomPaths } from './newsroom-paths.js';
import { signInRoute, type NewsroomRouteDeps } from './newsroom-route.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { StaffForgotPasswordPage, StaffResetPasswordPage } from './pages/password-reset.page.js';

const RESET_FIELDS: Partial<Record<ErrorCode, string>> = {
  ERR_PASSWORD_TOO_SHORT: 'new-password',
  ERR_PASSWORD_TOO_LONG: 'new-password',
  ERR_PASSWORDS_DO_NOT_MATCH: 'confirm-password',
};

export interface PasswordResetRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  staffResets: UserPasswordResetService;
}

/**
 * "Forgot password" for staff and the mailed link (docs/account-mail.md). No session: like the
 * sign-in form, posts from other sites are refused. A bad link gets the newsroom's error page (404/410).
 */
export function registerPasswordResetRoutes(scope: FastifyInstance, deps: PasswordResetRoutesDeps): void {
  const site = () => deps.site.current();
  const refuseCrossSite = (request: Parameters<typeof isCrossSiteRequest>[0]) => {
    if (isCrossSiteRequest(request, deps.config.siteUrl)) throw new AppError('ERR_CSRF_TOKEN_INVALID');
  };

  signInRoute(scope, {
    method: 'GET',
    url: '/forgot-password',
    handler: async (request, reply) =>
      sendHtml(request, reply, 200, h(StaffForgotPasswordPage, { site: site(), sent: request.query['sent'] !== undefined })),
  });

  signInRoute(scope, {
    method: 'POST',
    url: '/forgot-password',
    handler: async (request, reply) => {
      refuseCrossSite(request);
      const email = formField(request.body, 'email');
      try {
        await deps.staffResets.request(email, request.ip);
      } catch (error) {
        if (!(error instanceof AppError) || !['ERR_EMAIL_INVALID', 'ERR_TOO_MANY_RESET_REQUESTS'].includes(error.code)) throw error;
        reply.header('x-error-code', error.code);
        const errors = [{ field: 'email', message: newsroomTranslator(site()).error(error.code) }];
        return sendHtml(request, reply, error.status, h(StaffForgotPasswordPage, { site: site(), sent: false, email: email.slice(0, 254), errors }));
      }
      return reply.redirect(newsroomPaths.forgotPasswordSent(), 303);
    },
  });

  signInRoute(scope, {
    method: 'GET',
    url: '/reset/:token',
    handler: async (request, reply) => {
      const { token } = request.params as { token: string };
      await deps.staffResets.open(token);
      return sendHtml(request, reply, 200, h(StaffResetPasswordPage, { site: site(), token }));
    },
  });

  signInRoute(scope, {
    method: 'POST',
    url: '/reset/:token',
    handler: async (request, reply) => {
      refuseCrossSite(request);
      const { token } = request.params as { token: string };
      const newPassword = formField(request.body, 'new-password');
      try {
        if (newPassword !== formField(request.body, 'confirm-password')) {
          await deps.staffResets.open(token); // an unknown or spent link says so before the typing does
          throw new AppError('ERR_PASSWORDS_DO_NOT_MATCH');
        }
        const session = await deps.staffResets.complete(token, newPassword);
        setSessionCookie(reply, deps.config.siteUrl, session.token, session.expiresAt);
        return reply.redirect(newsroomPaths.home(), 303);
      } catch (error) {
        const field = error instanceof AppError ? RESET_FIELDS[error.code] : undefined;
        if (!(error instanceof AppError) || !field) throw error;
        reply.header('x-error-code', error.code);
        return sendHtml(
          request,
          reply,
          error.status,
          h(StaffResetPasswordPage, { site: site(), token, errors: [{ field, message: newsroomTranslator(site()).error(error.code) }] }),
        );
      }
    },
  });
}
