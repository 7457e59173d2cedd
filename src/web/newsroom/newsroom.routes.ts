import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { Clock } from '../../shared/clock.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { AuditService } from '../../modules/audit/index.js';
import type { LatestStoriesService } from '../../modules/newsroom/index.js';
import type { SessionService, SignInService, UserService } from '../../modules/users/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { CACHE_CONTROL } from '../http/cache-control.js';
import { isCrossSiteRequest } from '../http/csrf.js';
import { clearSessionCookie, readSessionToken, setSessionCookie } from '../http/session-cookie.js';
import { sendHtml } from '../http/send-page.js';
import type { FieldError } from '../shared/form-fields.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { registerAudienceRoutes, type AudienceRoutesDeps } from './audience.routes.js';
import { registerCommentRoutes, type CommentModerationRoutesDeps } from './comments.routes.js';
import { registerCurationRoutes, type CurationRoutesDeps } from './curation.routes.js';
import { registerMediaRoutes, type MediaRoutesDeps } from './media.routes.js';
import { registerMediaJsonRoutes } from './media-json.routes.js';
import { registerReaderRoutes, type ReaderRoutesDeps } from './readers.routes.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomRoute, requestStaffLanguage, signInRoute, viewerOf, type NewsroomRouteDeps } from './newsroom-route.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { formField } from '../shared/form-body.js';
import { AuditLogPage } from './pages/audit-log.page.js';
import { ChangePasswordPage } from './pages/change-password.page.js';
import { registerAccountLanguageRoutes } from './account-language.routes.js';
import { NewsroomErrorPage } from './pages/newsroom-error.page.js';
import { NewsroomHomePage } from './pages/newsroom-home.page.js';
import { SignInPage } from './pages/sign-in.page.js';
import { safeNext } from './safe-next.js';
import { registerStoryRoutes, type StoryRoutesDeps } from './stories.routes.js';
import { registerSettingsRoutes, type SettingsRoutesDeps } from './settings.routes.js';
import { registerEditionRoutes, type EditionRoutesDeps } from './editions.routes.js';
import { registerStaffRoutes, type StaffRoutesDeps } from './staff.routes.js';
import { registerPasswordResetRoutes, type PasswordResetRoutesDeps } from './password-reset.routes.js';
import { registerTaxonomyRoutes, type TaxonomyRoutesDeps } from './taxonomy.routes.js';
import { registerWebhookRoutes, type WebhookRoutesDeps } from './webhooks.routes.js';
import { registerApiKeyRoutes, type ApiKeyRoutesDeps } from './api-keys.routes.js';
import { registerSystemRoutes, type SystemRoutesDeps } from './system.routes.js';
import { registerOutboxRoutes, type OutboxRoutesDeps } from './outbox.routes.js';
import { registerNewsletterRoutes, type NewsletterRoutesDeps } from './newsletters.routes.js';
import { registerSubscriberRoutes, type SubscriberRoutesDeps } from './subscribers.routes.js';
import { registerRedirectRoutes, type RedirectRoutesDeps } from './redirects.routes.js';
import { registerImportRoutes, type ImportRoutesDeps } from './import.routes.js';
import { registerLiveRoutes, type LiveRoutesDeps } from './live.routes.js';

const LATEST_STORIES = 20;
const AUDIT_ENTRIES = 100;

/** Which field each password error belongs to, so the summary links to it. */
const PASSWORD_FIELDS: Partial<Record<ErrorCode, string>> = {
  ERR_PASSWORD_INCORRECT: 'current-password',
  ERR_TOO_MANY_PASSWORD_ATTEMPTS: 'current-password',
  ERR_PASSWORD_TOO_SHORT: 'new-password',
  ERR_PASSWORD_TOO_LONG: 'new-password',
  ERR_PASSWORDS_DO_NOT_MATCH: 'confirm-password',
};

/** What the newsroom's own pages use: sign-in, the home, the password form and the audit log. */
export interface NewsroomPagesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  sessions: SessionService;
  signIn: SignInService;
  users: UserService;
  audit: AuditService;
  latestStories: LatestStoriesService;
  clock: Clock;
}

/** Everything the newsroom uses: its own pages' needs and each area's. */
export type NewsroomRoutesDeps = NewsroomPagesDeps &
  StoryRoutesDeps &
  MediaRoutesDeps &
  CurationRoutesDeps &
  StaffRoutesDeps &
  PasswordResetRoutesDeps &
  TaxonomyRoutesDeps &
  SettingsRoutesDeps &
  EditionRoutesDeps &
  AudienceRoutesDeps &
  ReaderRoutesDeps &
  CommentModerationRoutesDeps &
  WebhookRoutesDeps &
  ApiKeyRoutesDeps &
  SystemRoutesDeps &
  OutboxRoutesDeps &
  NewsletterRoutesDeps &
  SubscriberRoutesDeps &
  RedirectRoutesDeps &
  ImportRoutesDeps &
  LiveRoutesDeps;

/**
 * The newsroom, in a scope of its own: only here are cookies and form bodies parsed, so public
 * pages never read a session and their cache stays shared. Every route goes through
 * `newsroomRoute` (session, CSRF, permission) except the sign-in page.
 */
export async function registerNewsroomRoutes(app: FastifyInstance, deps: NewsroomRoutesDeps): Promise<void> {
  const site = () => deps.site.current();
  const { siteUrl } = deps.config;

  await app.register(
    async (scope) => {
      await scope.register(fastifyCookie);
      await scope.register(fastifyFormbody);
      // Staff pages are personal: no browser or shared cache may keep one, error pages included.
      scope.addHook('onSend', (_request, reply, payload, done) => {
        reply.header('cache-control', CACHE_CONTROL.noStore);
        done(null, payload);
      });
      /** The newsroom's error page, in the language of whoever is signed in, else the publication's. */
      async function errorPage(request: FastifyRequest, reply: FastifyReply, error: AppError) {
        const language = await requestStaffLanguage(request, deps.sessions);
        const current = site();
        const message = newsroomTranslator(current, { language: language ?? null }).error(error.code);
        reply.header('x-error-code', error.code);
        return sendHtml(request, reply, error.status, h(NewsroomErrorPage, { site: current, status: error.status, message, language }));
      }
      // Our own errors get the newsroom's page; anything else (outages, bugs) goes to the app's handler.
      scope.setErrorHandler((error, request, reply) => {
        if (!(error instanceof AppError)) throw error;
        return errorPage(request, reply, error);
      });
      scope.setNotFoundHandler((request, reply) => errorPage(request, reply, new AppError('ERR_NOT_FOUND')));

      signInRoute(scope, {
        method: 'GET',
        url: '/sign-in',
        handler: async (request, reply) => {
          const next = safeNext(request.query.next);
          if (await deps.sessions.resolve(readSessionToken(request))) return reply.redirect(next, 303);
          const notice = request.query['signed-out'] !== undefined ? newsroomTranslator(site()).t('nr.signIn.signedOut') : undefined;
          return sendHtml(request, reply, 200, h(SignInPage, { site: site(), next, notice }));
        },
      });

      signInRoute(scope, {
        method: 'POST',
        url: '/sign-in',
        handler: async (request, reply) => {
          if (isCrossSiteRequest(request, siteUrl)) throw new AppError('ERR_CSRF_TOKEN_INVALID');
          const next = safeNext(formField(request.body, 'next'));
          const email = formField(request.body, 'email');
          try {
            const result = await deps.signIn.signIn({ email, password: formField(request.body, 'password'), ip: request.ip });
            setSessionCookie(reply, siteUrl, result.token, result.expiresAt);
            return reply.redirect(next, 303);
          } catch (error) {
            if (!(error instanceof AppError) || !['ERR_SIGN_IN_FAILED', 'ERR_TOO_MANY_SIGN_IN_ATTEMPTS'].includes(error.code)) throw error;
            reply.header('x-error-code', error.code);
            const errors = [{ field: 'email', message: newsroomTranslator(site()).error(error.code) }];
            return sendHtml(request, reply, error.status, h(SignInPage, { site: site(), next, email: email.slice(0, 254), errors }));
          }
        },
      });

      newsroomRoute(scope, deps, {
        method: 'POST',
        url: '/sign-out',
        permission: 'newsroom.enter',
        handler: async (_request, reply, staff) => {
          await deps.signIn.signOut({ id: staff.session.id, userId: staff.session.user.id });
          clearSessionCookie(reply, siteUrl);
          return reply.redirect(newsroomPaths.signedOut(), 303);
        },
      });

      newsroomRoute(scope, deps, {
        method: 'GET',
        url: '',
        permission: 'newsroom.enter',
        handler: async (request, reply, staff) => {
          const stories = await deps.latestStories.list(LATEST_STORIES);
          return sendHtml(request, reply, 200, h(NewsroomHomePage, { site: site(), viewer: viewerOf(staff), stories, now: deps.clock.now() }));
        },
      });

      newsroomRoute(scope, deps, {
        method: 'GET',
        url: '/account/password',
        permission: 'newsroom.enter',
        handler: async (request, reply, staff) =>
          sendHtml(
            request,
            reply,
            200,
            h(ChangePasswordPage, {
              site: site(),
              viewer: viewerOf(staff),
              changed: request.query.changed !== undefined,
              languageSaved: request.query['language-saved'] !== undefined,
            }),
          ),
      });

      newsroomRoute(scope, deps, {
        method: 'POST',
        url: '/account/password',
        permission: 'newsroom.enter',
        handler: async (request, reply, staff) => {
          const userId = staff.session.user.id;
          const newPassword = formField(request.body, 'new-password');
          let session: { token: string; expiresAt: Date };
          try {
            if (newPassword !== formField(request.body, 'confirm-password')) throw new AppError('ERR_PASSWORDS_DO_NOT_MATCH');
            const currentPassword = formField(request.body, 'current-password');
            session = await deps.signIn.changePassword({ userId, currentPassword, newPassword, ip: request.ip });
          } catch (error) {
            const field = error instanceof AppError ? PASSWORD_FIELDS[error.code] : undefined;
            if (!(error instanceof AppError) || !field) throw error;
            const errors: FieldError[] = [{ field, message: newsroomTranslator(site(), viewerOf(staff)).error(error.code) }];
            reply.header('x-error-code', error.code);
            return sendHtml(request, reply, error.status, h(ChangePasswordPage, { site: site(), viewer: viewerOf(staff), errors }));
          }
          // Every session, this one included, was revoked; this browser carries on with a fresh one.
          setSessionCookie(reply, siteUrl, session.token, session.expiresAt);
          return reply.redirect(newsroomPaths.passwordChanged(), 303);
        },
      });

      newsroomRoute(scope, deps, {
        method: 'GET',
        url: '/audit',
        permission: 'audit.view',
        handler: async (request, reply, staff) => {
          const entries = await deps.audit.list({ limit: AUDIT_ENTRIES });
          const names = await deps.users.displayNames(entries.flatMap((entry) => (entry.actorUserId ? [entry.actorUserId] : [])));
          return sendHtml(request, reply, 200, h(AuditLogPage, { site: site(), viewer: viewerOf(staff), entries, names }));
        },
      });

      // Each area of the newsroom registers its own routes, all through `newsroomRoute`.
      // (registerStoryRoutes, registerMediaRoutes, registerCurationRoutes, registerManagementRoutes)
      registerStoryRoutes(scope, deps);
      await registerMediaRoutes(scope, deps);
      await registerMediaJsonRoutes(scope, deps);
      registerCurationRoutes(scope, deps);
      registerStaffRoutes(scope, deps);
      registerPasswordResetRoutes(scope, deps);
      registerAccountLanguageRoutes(scope, deps);
      registerTaxonomyRoutes(scope, deps);
      registerSettingsRoutes(scope, deps);
      registerEditionRoutes(scope, deps);
      registerAudienceRoutes(scope, deps);
      registerReaderRoutes(scope, deps);
      registerCommentRoutes(scope, deps);
      registerWebhookRoutes(scope, deps);
      registerApiKeyRoutes(scope, deps);
      registerSystemRoutes(scope, deps);
      registerOutboxRoutes(scope, deps);
      registerNewsletterRoutes(scope, deps);
      await registerSubscriberRoutes(scope, deps);
      registerRedirectRoutes(scope, deps);
      await registerImportRoutes(scope, deps);
      registerLiveRoutes(scope, deps);
    },
    { prefix: '/newsroom' },
  );
}
