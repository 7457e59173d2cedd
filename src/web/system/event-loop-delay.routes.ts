import type { FastifyInstance } from 'fastify';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * What `GET /_bench/event-loop-delay` answers; times in milliseconds. Node's histogram records the
 * time between two ticks of its timer, so an idle loop shows the resolution (10 ms); the figures
 * here have the resolution taken off: how much later than due the loop got to the timer, i.e.
 * how long it was blocked.
 */
export interface EventLoopDelayFigures {
  /** False until the first reset: nothing is sampled before a benchmark asks for it. */
  enabled: boolean;
  maxMs: number;
  p99Ms: number;
  p50Ms: number;
  meanMs: number;
  /** Number of delay samples taken since the reset (one per `RESOLUTION_MS` of a free loop). */
  samples: number;
  /** Time since the last reset. */
  sinceMs: number;
}

/** Sampling period of the histogram: fine enough to see a 50 ms block, cheap enough to leave on. */
const RESOLUTION_MS = 10;

const NS_PER_MS = 1e6;

/** A histogram value (ns between ticks) as the block it shows, in ms. */
const blockedMs = (ns: number): number => Math.max(0, ns / NS_PER_MS - RESOLUTION_MS);

/**
 * BENCH_ROUTES only (bench/archive.bench.sh): how long the event loop was blocked, measured by
 * Node's `monitorEventLoopDelay`. A benchmark resets the histogram right before an action (a
 * publish) and reads it afterwards, so the figures cover exactly that window. The histogram is
 * enabled by the first reset, so a server that is only being loaded with wrk pays nothing for it.
 *
 * - `POST /_bench/event-loop-delay/reset`: clears (and starts) the histogram; 204.
 * - `GET /_bench/event-loop-delay`: `EventLoopDelayFigures` since the last reset.
 */
export function registerEventLoopDelayRoutes(app: FastifyInstance): void {
  let histogram: IntervalHistogram | undefined;
  let resetAt = performance.now();

  app.post('/_bench/event-loop-delay/reset', async (_request, reply) => {
    histogram ??= monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    histogram.disable();
    histogram.reset();
    histogram.enable();
    resetAt = performance.now();
    return reply.code(204).send();
  });

  app.get('/_bench/event-loop-delay', async (_request, reply) => {
    const figures: EventLoopDelayFigures = histogram
      ? {
          enabled: true,
          // An empty histogram reports max 0 but min and mean as huge or NaN: only read them with samples.
          maxMs: histogram.count > 0 ? blockedMs(histogram.max) : 0,
          p99Ms: histogram.count > 0 ? blockedMs(histogram.percentile(99)) : 0,
          p50Ms: histogram.count > 0 ? blockedMs(histogram.percentile(50)) : 0,
          meanMs: histogram.count > 0 ? blockedMs(histogram.mean) : 0,
          samples: histogram.count,
          sinceMs: performance.now() - resetAt,
        }
      : { enabled: false, maxMs: 0, p99Ms: 0, p50Ms: 0, meanMs: 0, samples: 0, sinceMs: 0 };
    return reply.code(200).header('cache-control', 'no-store').send(figures);
  });
}
