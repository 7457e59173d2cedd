import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { UserService } from '../../modules/users/index.js';
import { AppError } from '../../shared/errors.js';
import { sendHtml } from '../http/send-page.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { formField } from '../shared/form-body.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps } from './newsroom-route.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { ChangePasswordPage, LANGUAGE_FIELD } from './pages/change-password.page.js';

export interface AccountLanguageRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  users: Pick<UserService, 'setLanguage'>;
}

/**
 * A staff member's newsroom language, chosen on their account page (docs/i18n.md). Stored on the
 * account, read with the session, so the next page (on any node) is in that language.
 */
export function registerAccountLanguageRoutes(scope: FastifyInstance, deps: AccountLanguageRoutesDeps): void {
  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/account/language',
    permission: 'newsroom.enter',
    handler: async (request, reply, staff) => {
      try {
        await deps.users.setLanguage(staff.session.user.id, formField(request.body, LANGUAGE_FIELD));
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'ERR_STAFF_LANGUAGE_INVALID') throw error;
        const site = deps.site.current();
        const viewer = viewerOf(staff);
        const errors = [{ field: LANGUAGE_FIELD, message: newsroomTranslator(site, viewer).error(error.code) }];
        reply.header('x-error-code', error.code);
        return sendHtml(request, reply, error.status, h(ChangePasswordPage, { site, viewer, languageErrors: errors }));
      }
      return reply.redirect(newsroomPaths.languageSaved(), 303);
    },
  });
}
