import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { ApiKeyService } from '../../modules/api-keys/index.js';
import { AppError } from '../../shared/errors.js';
import { sendHtml } from '../http/send-page.js';
import { formFieldOf, type FieldError } from '../shared/form-fields.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { formField } from '../shared/form-body.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { ApiKeyListPage, type ApiKeyListProps } from './pages/api-key-list.page.js';

/** What the API-key pages use (`config.siteUrl` shows the API's address). */
export interface ApiKeyRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  apiKeys: ApiKeyService;
}

/**
 * Content API keys for admins (`integrations.manage`): the list, a form that makes a key and shows it
 * once (only its hash is kept), and revoking, which stops the key at once.
 */
export function registerApiKeyRoutes(scope: FastifyInstance, deps: ApiKeyRoutesDeps): void {
  const { apiKeys } = deps;

  async function listPage(request: FastifyRequest, reply: FastifyReply, staff: StaffContext, status = 200, extra: Partial<ApiKeyListProps> = {}) {
    const keys = await apiKeys.list();
    const apiUrl = `${deps.config.siteUrl}/api/v1`;
    return sendHtml(request, reply, status, h(ApiKeyListPage, { site: deps.site.current(), viewer: viewerOf(staff), keys, apiUrl, ...extra }));
  }

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/api-keys',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) => listPage(request, reply, staff, 200, { revoked: request.query.revoked !== undefined }),
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/api-keys',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) => {
      const name = formField(request.body, 'key-name');
      try {
        const { key, apiKey } = await apiKeys.create(name, staff.session.user.id);
        // Shown in this response only (no redirect): the key is not stored and cannot be shown again.
        return listPage(request, reply, staff, 200, { created: { key, name: apiKey.name } });
      } catch (error) {
        if (!(error instanceof AppError) || !formFieldOf(error, { ERR_API_KEY_NAME_INVALID: 'key-name' }, { name: 'key-name' })) throw error;
        reply.header('x-error-code', error.code);
        const errors: FieldError[] = [{ field: 'key-name', message: newsroomTranslator(deps.site.current(), viewerOf(staff)).error(error.code) }];
        return listPage(request, reply, staff, error.status, { errors, name: name.slice(0, 100) });
      }
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/api-keys/:keyId/revoke',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) => {
      const { keyId } = request.params as { keyId: string };
      await apiKeys.revoke(keyId, staff.session.user.id);
      return reply.redirect(newsroomPaths.apiKeysRevoked(), 303);
    },
  });
}
