import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { ReadingService } from '../../modules/articles/index.js';
import { sendHtml } from '../http/send-page.js';
import { ArticlePage } from '../site/pages/article.page.js';
import { MAX_VIEW_REPORT_BYTES, acceptViewReportBodies } from '../site/views.routes.js';
import type { SiteContextSource } from '../shared/site-context.js';

/** What the baselines use: the real reading and one without related stories (built in deps.ts). */
export interface BenchRoutesDeps {
  site: SiteContextSource;
  reading: Pick<ReadingService, 'article'>;
  benchReading: Pick<ReadingService, 'article'>;
}

/**
 * Baselines for bench/audience.bench.sh, registered only with BENCH_ROUTES=1 (benchmarks only,
 * never in production): each does what its real counterpart does minus the part being measured.
 *
 * - `POST /_bench/noop`: the beacon's request handling (same content types, JSON parse, 1 KB body
 *   limit), then 204 and nothing else: the ceiling for `POST /views`.
 * - `GET /_bench/article-without-lists/:slug`: the same ArticlePage for the story with all five
 *   lists empty, never cached: compare with `/article/:slug` under PAGE_CACHE=0. "You May Also Like"
 *   is not looked up at all (its ids and its summaries query are skipped), unless `?related=fetch`,
 *   which looks it up as the real page does and then leaves it out (separates query from rendering).
 */
export async function registerBenchRoutes(app: FastifyInstance, deps: BenchRoutesDeps): Promise<void> {
  await app.register(async (scope) => {
    acceptViewReportBodies(scope);
    scope.post('/_bench/noop', { bodyLimit: MAX_VIEW_REPORT_BYTES }, async (_request, reply) => reply.code(204).send());
  });

  app.get<{ Params: { slug: string }; Querystring: { related?: string } }>('/_bench/article-without-lists/:slug', async (request, reply) => {
    const source = request.query.related === 'fetch' ? deps.reading : deps.benchReading;
    const reading = await source.article(request.params.slug);
    const lists = { sectionLatest: [], weeklyBest: [], popularNow: [], mustReads: [] };
    return sendHtml(request, reply, 200, h(ArticlePage, { site: deps.site.current(), reading: { ...reading, related: [] }, lists }));
  });
}
