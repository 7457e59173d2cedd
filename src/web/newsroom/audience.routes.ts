import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { AudienceReportService } from '../../modules/audience/index.js';
import { sendHtml } from '../http/send-page.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps } from './newsroom-route.js';
import { AudiencePage } from './pages/audience.page.js';
import type { SiteContextSource } from '../shared/site-context.js';

/** What the Audience dashboard uses. */
export interface AudienceRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  audience: AudienceReportService;
}

/**
 * The Audience dashboard: `audience.view` (reporters and up). Read-only, from the hourly view
 * buckets. A bad `period` is a 400, an unknown `section` or `author` slug a 404, each with the
 * newsroom's error page.
 */
export function registerAudienceRoutes(scope: FastifyInstance, deps: AudienceRoutesDeps): void {
  const { audience } = deps;

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
