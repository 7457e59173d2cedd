import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { Deps } from '../../deps.js';
import { AudienceReportService } from '../../modules/audience/audience-report.service.js';
import { sendHtml } from '../http/send-page.js';
import { newsroomRoute, viewerOf } from './newsroom-route.js';
import { AudiencePage } from './pages/audience.page.js';

/**
 * The Audience dashboard: `audience.view` (reporters and up). Read-only, from the hourly view
 * buckets. A bad `period` is a 400, an unknown `section` or `author` slug a 404, each with the
 * newsroom's error page.
 */
export function registerAudienceRoutes(scope: FastifyInstance, deps: Deps): void {
  const audience = new AudienceReportService(deps.db, deps.clock, deps.settings);

  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/audience',
    permission: 'audience.view',
    handler: async (request, reply, staff) => {
      const report = await audience.report(audience.parseQuery(request.query));
      return sendHtml(request, reply, 200, h(AudiencePage, { site: deps.site.current(), viewer: viewerOf(staff), report }));
    },
  });
}
