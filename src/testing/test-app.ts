import type { FastifyInstance } from 'fastify';
import { createApp } from '../app.js';
import { loadConfig, type Config } from '../config/config.js';
import { createDeps, type Deps } from '../deps.js';
import { fixedClock, type Sleep } from '../shared/clock.js';
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
  /** Every wait the server asked for (the sign-in slow-down), in order, in ms; none is really waited. */
  sleeps: number[];
  close(): Promise<void>;
}

/** A Sleep that records the wait and returns at once, so a slowed-down sign-in costs a test nothing. */
export function recordingSleep(): { sleep: Sleep; sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms) => void sleeps.push(ms) };
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
  const { sleep, sleeps } = recordingSleep();
  const deps = await createDeps(config, { clock, sleep, postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
  const app = await createApp(deps);
  await app.ready();
  return {
    app,
    deps,
    clock,
    config,
    sleeps,
    factories: createFactories(deps),
    close: async () => {
      await app.close();
      await deps.close();
      await database.drop();
    },
  };
}
