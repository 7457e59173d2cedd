import cluster from 'node:cluster';
import { createApp } from './app.js';
import { runClusterPrimary } from './cluster-primary.js';
import { ConfigError, loadConfig } from './config/config.js';
import { createDeps } from './deps.js';
import { seedDemoIfEmpty } from './demo/demo-seeder.js';
import { StartupError } from './shared/errors.js';
import { startupMessages } from './startup-messages.js';

/**
 * Starts Dateline: config, database, demo on first start, HTTP; shuts down cleanly on signals.
 * In cluster mode (CLUSTER_WORKERS) the first process only forks workers (cluster/cluster-primary.ts),
 * which run this same function as nodes; the primary has already done the demo and the first admin.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.clusterWorkers > 0 && cluster.isPrimary) return runClusterPrimary(config);
  const isWorker = cluster.isWorker;
  const deps = await createDeps(config);
  const app = await createApp(deps);

  if (config.demo && !isWorker) {
    const seeded = await seedDemoIfEmpty(deps, (message) => app.log.info(message));
    if (seeded) app.log.info(`Demo publication created: ${seeded.articles} stories in ${seeded.sections} sections.`);
  }
  // After the demo, so a demo install gets its admin too; before listening, so no request finds
  // a newsroom nobody can sign in to.
  deps.events.onError((error, { event, reaction }) => app.log.error({ err: error, event, reaction }, 'a reaction to an event failed'));
  const firstAdmin = isWorker ? null : await deps.users.createFirstAdminIfNone(config.adminEmail);
  deps.cdn.onError((error) => app.log.warn({ err: error }, 'purging the CDN failed; its copies expire by themselves within s-maxage'));
  deps.liveFanOut.onError((error) =>
    app.log.error({ err: error }, 'sending a live story’s change to its readers failed; they catch up at its next change'),
  );
  deps.related.onError((error) => app.log.error({ err: error }, 'a related-stories build in the background failed; the lists stored before stay'));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
      await deps.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // Every timer, in src/job-list.ts's order: scheduled stories that fell due while the server was
  // down are published at once, webhooks queued before a restart are sent, the lists are ranked
  // again, the search index catches up, and so on. After listening: none of it is needed to serve
  // (what the node holds was loaded at start), so it runs while the node already answers.
  deps.jobs.start({ onFailure: ({ job, message, error }) => app.log.error({ err: error, job }, message) });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // In cluster mode the primary says it, once for all workers.
  if (isWorker) return;
  const announcement = { publicationName: deps.settings.publication.name, databaseDescription: deps.database.description, port, firstAdmin };
  for (const line of startupMessages(config, announcement)) console.log(line);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    console.error(`dateline: ${error.message}`);
  } else {
    console.error('dateline: could not start:', error);
  }
  process.exit(1);
});
