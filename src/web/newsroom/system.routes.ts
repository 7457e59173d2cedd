import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { JobStatusReader } from '../../shared/jobs/job.types.js';
import { sendHtml } from '../http/send-page.js';
import type { SiteContextSource } from '../shared/site-context.js';
import type { LiveHub } from '../site/live-hub.js';
import { newsroomRoute, viewerOf, type NewsroomRouteDeps } from './newsroom-route.js';
import { SystemPage } from './pages/system.page.js';

/** What the System page reads: the jobs' status and the live-update streams' counts, nothing else of the node. */
export interface SystemRoutesDeps extends NewsroomRouteDeps {
  site: SiteContextSource;
  jobs: JobStatusReader;
  liveHub: Pick<LiveHub, 'stats'>;
}

/** The System page for admins (`system.view`): this node's jobs and live streams, read-only. */
export function registerSystemRoutes(scope: FastifyInstance, deps: SystemRoutesDeps): void {
  newsroomRoute(scope, deps, {
    method: 'GET',
    url: '/system',
    permission: 'system.view',
    handler: async (request, reply, staff) =>
      sendHtml(
        request,
        reply,
        200,
        h(SystemPage, { site: deps.site.current(), viewer: viewerOf(staff), jobs: deps.jobs.statuses(), live: deps.liveHub.stats }),
      ),
  });
}
