import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { ReaderConfirmationService, ReaderPasswordResetService, ReaderService } from '../../modules/readers/index.js';
import { AppError } from '../../shared/errors.js';
import { sendHtml } from '../http/send-page.js';
import { paths } from '../shared/paths.js';
import { setReaderCookie, type ReaderCookieDeps } from '../shared/reader-cookie.js';
import { requestSite, type EditionSiteDeps } from '../shared/request-edition.js';
import { siteTranslator } from '../shared/site-translator.js';
import { accountRoute, formField, guestRoute } from './account-route.js';
import { CheckInboxPage, ConfirmAddressPage, ForgotPasswordPage } from './pages/account-mail.page.js';

export interface AccountMailRoutesDeps extends ReaderCookieDeps, EditionSiteDeps {
  readers: ReaderService;
  readerResets: ReaderPasswordResetService;
  readerConfirmations: ReaderConfirmationService;
}

/**
 * The account pages that go with mail (docs/account-mail.md): "check your inbox" after signing up,
 * the sign-up link, sending it again, "forgot password" and the reply-mail choice. Registered
 * inside the account scope (account.routes.ts): its body parsing, no-store and error pages apply.
 */
export function registerAccountMailRoutes(scope: FastifyInstance, deps: AccountMailRoutesDeps): void {
  const site = (request: FastifyRequest) => requestSite(deps, request);

  guestRoute(scope, deps, {
    method: 'GET',
    url: '/sign-up/check-your-inbox',
    handler: async (request, reply) => sendHtml(request, reply, 200, h(CheckInboxPage, { site: site(request) })),
  });

  guestRoute(scope, deps, {
    method: 'GET',
    url: '/confirm/:token',
    handler: async (request, reply) => {
      const token = request.params['token'] ?? '';
      await deps.readerConfirmations.open(token);
      return sendHtml(request, reply, 200, h(ConfirmAddressPage, { site: site(request), token }));
    },
  });

  guestRoute(scope, deps, {
    method: 'POST',
    url: '/confirm/:token',
    handler: async (request, reply) => {
      const session = await deps.readerConfirmations.confirm(request.params['token'] ?? '');
      setReaderCookie(reply, deps.config.siteUrl, session.token, session.expiresAt);
      return reply.redirect(paths.account.home('confirmed'), 303);
    },
  });

  accountRoute(scope, deps, {
    method: 'POST',
    url: '/confirm',
    handler: async (_request, reply, signedIn) => {
      await deps.readerConfirmations.resend(signedIn.reader.id);
      return reply.redirect(paths.account.home('confirmation-sent'), 303);
    },
  });

  guestRoute(scope, deps, {
    method: 'GET',
    url: '/forgot-password',
    handler: async (request, reply) =>
      sendHtml(request, reply, 200, h(ForgotPasswordPage, { site: site(request), sent: request.query['sent'] !== undefined })),
  });

  guestRoute(scope, deps, {
    method: 'POST',
    url: '/forgot-password',
    handler: async (request, reply) => {
      const email = formField(request.body, 'email');
      try {
        await deps.readerResets.request(email, request.ip);
      } catch (error) {
        if (!(error instanceof AppError) || !['ERR_EMAIL_INVALID', 'ERR_TOO_MANY_RESET_REQUESTS'].includes(error.code)) throw error;
        reply.header('x-error-code', error.code);
        const errors = [{ field: 'email', message: siteTranslator(site(request)).error(error.code) }];
        return sendHtml(
          request,
          reply,
          error.status,
          h(ForgotPasswordPage, { site: site(request), sent: false, email: email.slice(0, 254), errors }),
        );
      }
      return reply.redirect(paths.account.forgotPasswordSent(), 303);
    },
  });

  accountRoute(scope, deps, {
    method: 'POST',
    url: '/reply-mail',
    handler: async (request, reply, signedIn) => {
      await deps.readers.setReplyMail(signedIn.reader.id, formField(request.body, 'reply-mail') === 'on');
      return reply.redirect(paths.account.home('reply-mail'), 303);
    },
  });
}
