import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { ImportReport, SubscriberAdminService } from '../../modules/newsletters/index.js';
import { sendHtml } from '../http/send-page.js';
import type { Query } from '../shared/form-body.js';
import type { FieldError } from '../shared/form-fields.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { SubscribersPage } from './pages/subscribers.page.js';
import { registerSubscriberImport } from './subscriber-import-upload.js';

export interface SubscriberRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  subscriberAdmin: SubscriberAdminService;
}

const DONE = new Set(['unsubscribed', 'deleted']);

/**
 * The Subscribers page (`subscribers.manage`): counts per newsletter and their growth, search by
 * address, the CSV export (streamed) and import (an uploaded file or pasted rows, in
 * subscriber-import-upload.ts; a report of bad rows), and per address unsubscribe and delete
 * (erase). Each change is audited by the service.
 */
export async function registerSubscriberRoutes(scope: FastifyInstance, deps: SubscriberRoutesDeps): Promise<void> {
  const admin = deps.subscriberAdmin;

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    staff: StaffContext,
    status: number,
    extra: { report?: ImportReport; done?: string; errors?: FieldError[]; pasted?: string } = {},
  ) {
    const query = ((request.query as Query).q ?? '').slice(0, 300);
    const [counts, growth, results] = await Promise.all([admin.counts(), admin.growth(), admin.search(query)]);
    const props = { site: deps.site.current(), viewer: viewerOf(staff), counts, growth, query, results, ...extra };
    return sendHtml(request, reply, status, h(SubscribersPage, props));
  }

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/subscribers',
    permission: 'subscribers.manage',
    handler: async (request, reply, staff) => {
      const done = request.query.done && DONE.has(request.query.done) ? request.query.done : undefined;
      return page(request, reply, staff, 200, done ? { done } : {});
    },
  });

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/subscribers/export.csv',
    permission: 'subscribers.manage',
    handler: async (_request, reply, staff) => {
      const day = new Date().toISOString().slice(0, 10);
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="subscribers-${day}.csv"`);
      return reply.send(Readable.from(admin.exportCsv(staff.session.user.id)));
    },
  });

  await registerSubscriberImport(scope, deps, page);

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/subscribers/:id/unsubscribe',
    permission: 'subscribers.manage',
    handler: async (request, reply, staff) => {
      await admin.unsubscribe((request.params as { id: string }).id, staff.session.user.id);
      return reply.redirect(newsroomPaths.subscribers({ done: 'unsubscribed' }), 303);
    },
  });

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/subscribers/:id/delete',
    permission: 'subscribers.manage',
    handler: async (request, reply, staff) => {
      await admin.erase((request.params as { id: string }).id, staff.session.user.id);
      return reply.redirect(newsroomPaths.subscribers({ done: 'deleted' }), 303);
    },
  });
}
