import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import type { ReaderConfirmationService, ReaderPasswordResetService, ReaderService } from '../../modules/readers/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { parsePageNumber } from '../../shared/pagination.js';
import { CACHE_CONTROL } from '../http/cache-control.js';
import { sendHtml } from '../http/send-page.js';
import type { FieldError } from '../shared/form-fields.js';
import { paths } from '../shared/paths.js';
import { registerAccountMailRoutes } from './account-mail.routes.js';
import { safeAccountNext } from './account-next.js';
import { accountRoute, formField, guestRoute } from './account-route.js';
import { AccountErrorPage } from './pages/account-error.page.js';
import { MyCommentsPage } from './pages/my-comments.page.js';
import { DeleteAccountPage, ProfilePage } from './pages/profile.page.js';
import { ResetPasswordPage, SignInPage, SignUpPage } from './pages/sign-in.page.js';
import { clearReaderCookie, currentReader, setReaderCookie, type ReaderCookieDeps } from '../shared/reader-cookie.js';
import { requestSite, type EditionSiteDeps } from '../shared/request-edition.js';
import { siteTranslator } from '../shared/site-translator.js';
import type { MessageKey } from '../../shared/i18n/index.js';

/** Which field each coded error belongs to, so the error summary links to it. */
const FIELD_OF: Partial<Record<ErrorCode, string>> = {
  ERR_READER_NAME_INVALID: 'display-name',
  ERR_EMAIL_INVALID: 'email',
  ERR_TOO_MANY_SIGN_UPS: 'email',
  ERR_SIGN_IN_FAILED: 'email',
  ERR_TOO_MANY_SIGN_IN_ATTEMPTS: 'email',
  ERR_PASSWORD_TOO_SHORT: 'password',
  ERR_PASSWORD_TOO_LONG: 'password',
};

/** What the account page says after a change (`?saved=`). */
const SAVED_NOTICES: Partial<Record<string, MessageKey & `account.saved.${string}`>> = {
  name: 'account.saved.name',
  password: 'account.saved.password',
  'reply-mail': 'account.saved.replyMail',
  'confirmation-sent': 'account.saved.confirmationSent',
  confirmed: 'account.saved.confirmed',
};

/** On the password forms the new password has its own field, and the current one is checked first. */
const PASSWORD_FORM_FIELD_OF: Partial<Record<ErrorCode, string>> = {
  ERR_PASSWORD_INCORRECT: 'current-password',
  ERR_TOO_MANY_PASSWORD_ATTEMPTS: 'current-password',
  ERR_PASSWORD_TOO_SHORT: 'new-password',
  ERR_PASSWORD_TOO_LONG: 'new-password',
  ERR_PASSWORDS_DO_NOT_MATCH: 'confirm-password',
};

/**
 * Runs a form's work; a coded error the form knows becomes its page again with the error beside
 * its field (its message in the edition's language) (and the status and code of the error). Anything else goes on to the error page.
 */
async function withFormErrors<P>(
  deps: EditionSiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  fields: Partial<Record<ErrorCode, string>>,
  work: () => Promise<FastifyReply>,
  page: (errors: FieldError[]) => VNode<P>,
): Promise<FastifyReply> {
  try {
    return await work();
  } catch (error) {
    const field = error instanceof AppError ? fields[error.code] : undefined;
    if (!(error instanceof AppError) || !field) throw error;
    reply.header('x-error-code', error.code);
    return sendHtml(request, reply, error.status, page([{ field, message: siteTranslator(requestSite(deps, request)).error(error.code) }]));
  }
}

/** What the account pages use: reader accounts, their sessions and reset links. */
export interface AccountRoutesDeps extends ReaderCookieDeps, EditionSiteDeps {
  readers: ReaderService;
  readerResets: ReaderPasswordResetService;
  readerConfirmations: ReaderConfirmationService;
}

/**
 * Reader accounts under /account, in a Fastify scope of their own: only here are form bodies
 * parsed, and every response is `no-store` (a page for one reader must never reach a shared cache).
 * Pages of a signed-in reader go through `accountRoute` (session, CSRF); the rest through
 * `guestRoute` (cross-site posts refused). Every edition has them under its prefix
 * (`/ko/account/…`), in its language; the account is the same in all of them.
 */
export async function registerAccountRoutes(app: FastifyInstance, deps: AccountRoutesDeps): Promise<void> {
  const site = (request: FastifyRequest) => requestSite(deps, request);
  const { siteUrl } = deps.config;
  const { readers, readerResets: resets } = deps;

  await app.register(
    async (scope) => {
      await scope.register(fastifyFormbody);
      scope.addHook('onSend', (_request, reply, payload, done) => {
        reply.header('cache-control', CACHE_CONTROL.noStore);
        done(null, payload);
      });
      // Our own errors get a page with a way back to the account; anything else goes to the app's handler.
      scope.setErrorHandler((error, request, reply) => {
        if (!(error instanceof AppError)) throw error;
        reply.header('x-error-code', error.code);
        const context = site(request);
        const message = siteTranslator(context).error(error.code);
        return sendHtml(request, reply, error.status, h(AccountErrorPage, { site: context, status: error.status, message }));
      });
      scope.setNotFoundHandler((request, reply) => {
        const error = new AppError('ERR_NOT_FOUND');
        reply.header('x-error-code', error.code);
        const context = site(request);
        return sendHtml(request, reply, 404, h(AccountErrorPage, { site: context, status: 404, message: siteTranslator(context).error(error.code) }));
      });

      registerAccountMailRoutes(scope, deps);

      guestRoute(scope, deps, {
        method: 'GET',
        url: '/sign-up',
        handler: async (request, reply) => {
          const next = safeAccountNext(request.query.next);
          if (await currentReader(request, reply, deps)) return reply.redirect(next, 303);
          return sendHtml(request, reply, 200, h(SignUpPage, { site: site(request), next }));
        },
      });

      guestRoute(scope, deps, {
        method: 'POST',
        url: '/sign-up',
        handler: async (request, reply) => {
          const next = safeAccountNext(formField(request.body, 'next'));
          const displayName = formField(request.body, 'display-name');
          const email = formField(request.body, 'email');
          return withFormErrors(
            deps,
            request,
            reply,
            FIELD_OF,
            async () => {
              // The same answer whether or not the address has an account (docs/account-mail.md).
              await readers.signUp({ displayName, email, password: formField(request.body, 'password'), ip: request.ip });
              return reply.redirect(paths.account.signUpSent(), 303);
            },
            (errors) => h(SignUpPage, { site: site(request), next, displayName: displayName.slice(0, 100), email: email.slice(0, 254), errors }),
          );
        },
      });

      guestRoute(scope, deps, {
        method: 'GET',
        url: '/sign-in',
        handler: async (request, reply) => {
          const next = safeAccountNext(request.query.next);
          if (await currentReader(request, reply, deps)) return reply.redirect(next, 303);
          const { t } = siteTranslator(site(request));
          const notice =
            request.query['signed-out'] !== undefined
              ? t('account.signedOut')
              : request.query.deleted !== undefined
                ? t('account.deleted')
                : undefined;
          return sendHtml(request, reply, 200, h(SignInPage, { site: site(request), next, notice }));
        },
      });

      guestRoute(scope, deps, {
        method: 'POST',
        url: '/sign-in',
        handler: async (request, reply) => {
          const next = safeAccountNext(formField(request.body, 'next'));
          const email = formField(request.body, 'email');
          return withFormErrors(
            deps,
            request,
            reply,
            FIELD_OF,
            async () => {
              const result = await readers.signIn({ email, password: formField(request.body, 'password'), ip: request.ip });
              setReaderCookie(reply, siteUrl, result.token, result.expiresAt);
              return reply.redirect(next, 303);
            },
            // One field for every failure: the page must not say whether the address or the password was wrong.
            (errors) =>
              h(SignInPage, { site: site(request), next, email: email.slice(0, 254), errors: errors.map((error) => ({ ...error, field: 'email' })) }),
          );
        },
      });

      accountRoute(scope, deps, {
        method: 'POST',
        url: '/sign-out',
        handler: async (_request, reply, signedIn) => {
          await readers.signOut(signedIn.sessionId);
          clearReaderCookie(reply, siteUrl);
          return reply.redirect(paths.account.signedOut(), 303);
        },
      });

      accountRoute(scope, deps, {
        method: 'GET',
        url: '',
        handler: async (request, reply, signedIn) => {
          const saved = request.query.saved;
          const key = typeof saved === 'string' ? SAVED_NOTICES[saved] : undefined;
          const notice = key ? siteTranslator(site(request)).t(key) : undefined;
          return sendHtml(
            request,
            reply,
            200,
            h(ProfilePage, { site: site(request), reader: signedIn.reader, csrfToken: signedIn.csrfToken, notice }),
          );
        },
      });

      accountRoute(scope, deps, {
        method: 'POST',
        url: '/profile',
        handler: async (request, reply, signedIn) => {
          const displayName = formField(request.body, 'display-name');
          return withFormErrors(
            deps,
            request,
            reply,
            FIELD_OF,
            async () => {
              await readers.changeDisplayName(signedIn.reader.id, displayName);
              return reply.redirect(paths.account.home('name'), 303);
            },
            (errors) =>
              h(ProfilePage, {
                site: site(request),
                reader: signedIn.reader,
                csrfToken: signedIn.csrfToken,
                displayName: displayName.slice(0, 100),
                errors,
              }),
          );
        },
      });

      accountRoute(scope, deps, {
        method: 'POST',
        url: '/password',
        handler: async (request, reply, signedIn) => {
          const newPassword = formField(request.body, 'new-password');
          return withFormErrors(
            deps,
            request,
            reply,
            PASSWORD_FORM_FIELD_OF,
            async () => {
              if (newPassword !== formField(request.body, 'confirm-password')) throw new AppError('ERR_PASSWORDS_DO_NOT_MATCH');
              // Every session, this one included, was revoked; this browser carries on with a fresh one.
              const currentPassword = formField(request.body, 'current-password');
              const session = await readers.changePassword(signedIn.reader.id, currentPassword, newPassword, request.ip);
              setReaderCookie(reply, siteUrl, session.token, session.expiresAt);
              return reply.redirect(paths.account.home('password'), 303);
            },
            (errors) => h(ProfilePage, { site: site(request), reader: signedIn.reader, csrfToken: signedIn.csrfToken, errors }),
          );
        },
      });

      accountRoute(scope, deps, {
        method: 'GET',
        url: '/comments',
        handler: async (request, reply, signedIn) => {
          const { comments, pagination } = await readers.myComments(signedIn.reader.id, parsePageNumber(request.query.page));
          return sendHtml(request, reply, 200, h(MyCommentsPage, { site: site(request), comments, pagination }));
        },
      });

      accountRoute(scope, deps, {
        method: 'GET',
        url: '/delete',
        handler: async (request, reply, signedIn) =>
          sendHtml(request, reply, 200, h(DeleteAccountPage, { site: site(request), csrfToken: signedIn.csrfToken })),
      });

      accountRoute(scope, deps, {
        method: 'POST',
        url: '/delete',
        handler: async (request, reply, signedIn) =>
          withFormErrors(
            deps,
            request,
            reply,
            { ERR_PASSWORD_INCORRECT: 'password', ERR_TOO_MANY_PASSWORD_ATTEMPTS: 'password' },
            async () => {
              await readers.deleteAccount(signedIn.reader.id, formField(request.body, 'password'), request.ip);
              clearReaderCookie(reply, siteUrl);
              return reply.redirect(paths.account.accountDeleted(), 303);
            },
            (errors) => h(DeleteAccountPage, { site: site(request), csrfToken: signedIn.csrfToken, errors }),
          ),
      });

      guestRoute(scope, deps, {
        method: 'GET',
        url: '/reset/:token',
        handler: async (request, reply) => {
          const token = request.params['token'] ?? '';
          await resets.open(token);
          return sendHtml(request, reply, 200, h(ResetPasswordPage, { site: site(request), token }));
        },
      });

      guestRoute(scope, deps, {
        method: 'POST',
        url: '/reset/:token',
        handler: async (request, reply) => {
          const token = request.params['token'] ?? '';
          const newPassword = formField(request.body, 'new-password');
          return withFormErrors(
            deps,
            request,
            reply,
            PASSWORD_FORM_FIELD_OF,
            async () => {
              if (newPassword !== formField(request.body, 'confirm-password')) {
                await resets.open(token); // an unknown or spent link says so before the typing does
                throw new AppError('ERR_PASSWORDS_DO_NOT_MATCH');
              }
              const session = await resets.complete(token, newPassword);
              setReaderCookie(reply, siteUrl, session.token, session.expiresAt);
              return reply.redirect(paths.account.home('password'), 303);
            },
            (errors) => h(ResetPasswordPage, { site: site(request), token, errors }),
          );
        },
      });
    },
    { prefix: '/account' },
  );
}
