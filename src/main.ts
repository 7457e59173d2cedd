import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { createDeps } from './deps.js';
import { seedDemoIfEmpty } from './demo/demo-seeder.js';
import { StartupError } from './shared/errors.js';

/** Starts Dateline: config, database, demo on first start, HTTP; shuts down cleanly on signals. */
async function main(): Promise<void> {
  const config = loadConfig();
  const deps = await createDeps(config);
  const app = await createApp(deps);

  if (config.demo) {
    const seeded = await seedDemoIfEmpty(deps, (message) => app.log.info(message));
    if (seeded) app.log.info(`Demo publication created: ${seeded.articles} stories in ${seeded.sections} sections.`);
  }
  // After the demo, so a demo install gets its admin too; before listening, so no request finds
  // a newsroom nobody can sign in to.
  deps.events.onError((error) => app.log.error({ err: error }, 'a content.changed handler failed'));
  const firstAdmin = await deps.users.createFirstAdminIfNone(config.adminEmail);
  deps.lists.start();
  deps.views.start((error) => app.log.error({ err: error }, 'writing view counts failed; they are kept for the next batch'));
  // Publishes at once whatever fell due while the server was down, then checks every 15 seconds.
  deps.publisher.start();
  // Rebuilds every minute: the news sitemap's 48-hour window moves with the clock alone.
  deps.sitemaps.start((error) => app.log.error({ err: error }, 'rebuilding the sitemaps failed; the previous ones are served'));
  // Sends whatever was queued before a restart, then checks every 2 seconds.
  deps.webhookSender.start((error) => app.log.error({ err: error }, 'sending webhooks failed; pending deliveries are retried'));

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
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.host) ? 'localhost' : config.host;
  console.log(`Dateline is serving ${deps.settings.publication.name} at http://${shownHost}:${port} (${deps.database.description})`);
  if (firstAdmin) {
    // Printed once, to stdout only (never to the log): the password is not stored anywhere else.
    const signInUrl = `${process.env['SITE_URL'] ? config.siteUrl : `http://${shownHost}:${port}`}/newsroom/sign-in`;
    console.log(
      [
        'First start: an administrator account was created for the newsroom.',
        `  Sign-in page: ${signInUrl}`,
        `  E-mail:       ${firstAdmin.user.email}`,
        `  Password:     ${firstAdmin.password}`,
        'Sign in and change this password now (Change password in the newsroom menu); it is not shown again.',
      ].join('\n'),
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    console.error(`dateline: ${error.message}`);
  } else {
    console.error('dateline: could not start:', error);
  }
  process.exit(1);
});
