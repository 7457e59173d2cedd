import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createDeps, type Deps } from '../../src/deps.js';
import { fixedClock } from '../../src/shared/clock.js';
import { createFactories, type Factories } from '../../src/testing/factories.js';
import { createTestDatabase } from '../../src/testing/test-database.js';

export interface AppServer {
  baseUrl: string;
  app: FastifyInstance;
  deps: Deps;
  factories: Factories;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

/**
 * The real app on a real socket over a fresh, empty database, with a clock the test moves — for
 * browser tests that build their own small world with the factories instead of the demo.
 */
export async function startAppServer(now = new Date()): Promise<AppServer> {
  const database = await createTestDatabase();
  const clock = fixedClock(now);
  const config = { ...loadConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', SITE_URL: 'http://127.0.0.1' }), database: database.target };
  const deps = await createDeps(config, { clock, postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
  const app = await createApp(deps);
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    app,
    deps,
    factories: createFactories(deps),
    clock,
    close: async () => {
      await app.close();
      await deps.close();
      await database.drop();
    },
  };
}
