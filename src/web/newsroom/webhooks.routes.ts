import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { WebhookFields, WebhookService } from '../../modules/webhooks/index.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { parsePageNumber } from '../../shared/pagination.js';
import { sendHtml } from '../http/send-page.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomTranslator } from './newsroom-translator.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { formField, type FormBody } from '../shared/form-body.js';
import { formFieldOf } from '../shared/form-fields.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { WebhookDeletePage } from './pages/webhook-delete.page.js';
import { WebhookDeliveriesPage } from './pages/webhook-deliveries.page.js';
import { EVENTS_FIELD, WebhookFormPage } from './pages/webhook-form.page.js';
import { WebhookListPage } from './pages/webhook-list.page.js';

/** Which field each webhook error belongs to, so the summary links to it. */
const WEBHOOK_FIELDS: Partial<Record<ErrorCode, string>> = {
  ERR_WEBHOOK_NAME_INVALID: 'name',
  ERR_WEBHOOK_URL_INVALID: 'url',
  ERR_WEBHOOK_URL_PRIVATE: 'url',
  ERR_WEBHOOK_EVENTS_INVALID: EVENTS_FIELD,
};

/** Notices shown after a step, by the `done` query parameter; anything else shows none. */
const DONE = new Set(['created', 'saved', 'rotated', 'enabled', 'disabled', 'deleted', 'test', 'redelivered']);

function doneOf(query: Record<string, string | undefined>): string | undefined {
  return query.done && DONE.has(query.done) ? query.done : undefined;
}

/** Every value of a repeated form field (checkboxes); one value arrives as a string. */
function formFields(body: FormBody, name: string): string[] {
  const value = body?.[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value : [];
}

function fieldsFrom(body: FormBody): WebhookFields {
  return { name: formField(body, 'name'), url: formField(body, 'url'), events: formFields(body, 'events') };
}

/** What the webhook pages use. */
export interface WebhookRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  webhooks: WebhookService;
}

/** Webhooks and their delivery logs: `integrations.manage` (admins). */
export function registerWebhookRoutes(scope: FastifyInstance, deps: WebhookRoutesDeps): void {
  const site = () => deps.site.current();
  const { webhooks } = deps;
  const idOf = (request: FastifyRequest) => (request.params as { webhookId: string }).webhookId;

  /** Saves the form, or shows it again with the problem beside its field and nothing written. */
  async function save(request: FastifyRequest<{ Body: FormBody }>, reply: FastifyReply, staff: StaffContext, webhookId: string | undefined) {
    const fields = fieldsFrom(request.body);
    const existing = webhookId ? await webhooks.require(webhookId) : undefined;
    try {
      const saved = webhookId
        ? await webhooks.update(webhookId, fields, staff.session.user.id)
        : await webhooks.create(fields, staff.session.user.id);
      return reply.redirect(`${newsroomPaths.webhook(saved.id)}?done=${webhookId ? 'saved' : 'created'}`, 303);
    } catch (error) {
      const field = error instanceof AppError ? formFieldOf(error, WEBHOOK_FIELDS, { name: 'name' }) : undefined;
      if (!(error instanceof AppError) || !field) throw error;
      reply.header('x-error-code', error.code);
      const viewer = viewerOf(staff);
      const errors = [{ field, message: newsroomTranslator(site(), viewer).error(error.code) }];
      return sendHtml(request, reply, error.status, h(WebhookFormPage, { site: site(), viewer, webhook: existing, fields, errors }));
    }
  }

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/webhooks',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) =>
      sendHtml(
        request,
        reply,
        200,
        h(WebhookListPage, { site: site(), viewer: viewerOf(staff), webhooks: await webhooks.list(), done: doneOf(request.query) }),
      ),
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/webhooks/new',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) =>
      sendHtml(
        request,
        reply,
        200,
        h(WebhookFormPage, { site: site(), viewer: viewerOf(staff), fields: { name: '', url: '', events: ['story.published'] } }),
      ),
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/webhooks/new',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) => save(request, reply, staff, undefined),
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/webhooks/:webhookId',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) => {
      const webhook = await webhooks.require(idOf(request));
      return sendHtml(
        request,
        reply,
        200,
        h(WebhookFormPage, { site: site(), viewer: viewerOf(staff), webhook, fields: webhook, done: doneOf(request.query) }),
      );
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/webhooks/:webhookId',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) => save(request, reply, staff, idOf(request)),
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/webhooks/:webhookId/active',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) => {
      const value = formField(request.body, 'active');
      if (value !== 'yes' && value !== 'no') throw new AppError('ERR_BAD_REQUEST');
      await webhooks.setActive(idOf(request), value === 'yes', staff.session.user.id);
      return reply.redirect(`${newsroomPaths.webhook(idOf(request))}?done=${value === 'yes' ? 'enabled' : 'disabled'}`, 303);
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/webhooks/:webhookId/delete',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) =>
      sendHtml(request, reply, 200, h(WebhookDeletePage, { site: site(), viewer: viewerOf(staff), webhook: await webhooks.require(idOf(request)) })),
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/webhooks/:webhookId/delete',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) => {
      await webhooks.delete(idOf(request), staff.session.user.id);
      return reply.redirect(`${newsroomPaths.webhooks()}?done=deleted`, 303);
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/webhooks/:webhookId/rotate-secret',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) => {
      await webhooks.rotateSecret(idOf(request), staff.session.user.id);
      return reply.redirect(`${newsroomPaths.webhook(idOf(request))}?done=rotated`, 303);
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/webhooks/:webhookId/test',
    permission: 'integrations.manage',
    handler: async (request, reply) => {
      await webhooks.sendTest(idOf(request));
      return reply.redirect(`${newsroomPaths.webhookDeliveries(idOf(request))}?done=test`, 303);
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/webhooks/:webhookId/deliveries',
    permission: 'integrations.manage',
    handler: async (request, reply, staff) => {
      const webhook = await webhooks.require(idOf(request));
      const { deliveries, pagination } = await webhooks.deliveries(webhook.id, parsePageNumber(request.query.page));
      const props = { site: site(), viewer: viewerOf(staff), webhook, deliveries, pagination, done: doneOf(request.query) };
      return sendHtml(request, reply, 200, h(WebhookDeliveriesPage, props));
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/webhooks/:webhookId/deliveries/:deliveryId/redeliver',
    permission: 'integrations.manage',
    handler: async (request, reply) => {
      const { deliveryId } = request.params as { deliveryId: string };
      await webhooks.redeliver(idOf(request), deliveryId);
      return reply.redirect(`${newsroomPaths.webhookDeliveries(idOf(request))}?done=redelivered`, 303);
    },
  });
}
