import type { FastifyInstance } from 'fastify';
import { createApp } from '../app.js';
import { loadConfig, type Config } from '../config/config.js';
import { createDeps, type Deps } from '../deps.js';
import { fixedClock } from '../shared/clock.js';
import { createFactories, type Factories } from './factories.js';
import { createTestDatabase } from './test-database.js';

/** A time inside the demo-free test world; tests that care about time move the clock themselves. */
export const TEST_NOW = '2026-11-20T03:00:00.000Z';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  factories: Factories;
  config: Config;
  close(): Promise<void>;
}

/**
 * The real application on a fresh database, with a clock the test controls. Requests go through
 * `app.inject()`: no socket, but every hook, route and page runs as in production.
 */
export async function createTestApp(options: { env?: Record<string, string>; now?: string } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = {
    ...loadConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', SITE_URL: 'https://news.example', ...options.env }),
    database: database.target,
  };
  const clock = fixedClock(options.now ?? TEST_NOW);
  const deps = await createDeps(config, { clock, postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
  const app = await createApp(deps);
  await app.ready();
  return {
    app,
    deps,
    clock,
    config,
    factories: createFactories(deps),
    close: async () => {
      await app.close();
      await deps.close();
      await database.drop();
    },
  };
}
