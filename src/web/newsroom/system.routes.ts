import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { JobStatusReader } from '../../shared/jobs/job.types.js';
import { sendHtml } from '../http/send-page.js';
import type { SiteContextSource } from '../shared/site-context.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps } from './newsroom-route.js';
import { SystemPage } from './pages/system.page.js';

/** What the System page reads: the jobs' status, nothing else of the node. */
export interface SystemRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  jobs: JobStatusReader;
}

/** The System page for admins (`system.view`): this node's jobs, read-only. */
export function registerSystemRoutes(scope: FastifyInstance, deps: SystemRoutesDeps): void {
  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/system',
    permission: 'system.view',
    handler: async (request, reply, staff) =>
      sendHtml(request, reply, 200, h(SystemPage, { site: deps.site.current(), viewer: viewerOf(staff), jobs: deps.jobs.statuses() })),
  });
}
