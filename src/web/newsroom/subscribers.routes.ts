import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { ImportReport, SubscriberAdminService } from '../../modules/newsletters/index.js';
import { sendHtml } from '../http/send-page.js';
import { formField, type Query } from '../shared/form-body.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { newsroomPaths } from './newsroom-paths.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps, type StaffContext } from './newsroom-route.js';
import { SubscribersPage } from './pages/subscribers.page.js';

export interface SubscriberRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  subscriberAdmin: SubscriberAdminService;
}

const DONE = new Set(['unsubscribed', 'deleted']);

/**
 * The Subscribers page (`subscribers.manage`): counts per newsletter and their growth, search by
 * address, the CSV export (streamed) and import (pasted; a report of bad rows), and per address
 * unsubscribe and delete (erase). Each change is audited by the service.
 */
export function registerSubscriberRoutes(scope: FastifyInstance, deps: SubscriberRoutesDeps): void {
  const admin = deps.subscriberAdmin;

  async function page(
    request: FastifyRequest<{ Querystring: Query }>,
    reply: FastifyReply,
    staff: StaffContext,
    status: number,
    extra: { report?: ImportReport; done?: string } = {},
  ) {
    const query = (request.query.q ?? '').slice(0, 300);
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

  newsroomRoute(scope, deps, {
    method: 'POST',
    url: '/subscribers/import',
    permission: 'subscribers.manage',
    handler: async (request, reply, staff) => {
      const report = await admin.importCsv(formField(request.body, 'csv'), staff.session.user.id);
      return page(request, reply, staff, 200, { report });
    },
  });

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
