import net from 'node:net';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { seedDemoIfEmpty } from '../../src/demo/demo-seeder.js';
import { createDeps, type Deps } from '../../src/deps.js';
import { createTestDatabase } from '../../src/testing/test-database.js';

export interface DemoServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash; also the app's SITE_URL. */
  baseUrl: string;
  deps: Deps;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * The real application on a real socket, with the demo publication seeded into a fresh test
 * database (SQLite, or a schema of its own in PostgreSQL when TEST_DATABASE_URL is set).
 * Seeding draws every demo image (~10 s), so a test file starts one server in `before()` and shares it.
 */
export async function startDemoServer(): Promise<DemoServer> {
  const database = await createTestDatabase();
  // SITE_URL must be the address the browser uses, so canonical and share links point back here.
  // The port is reserved first and held until just before the app listens on it.
  const reservation = await reservePort();
  const baseUrl = `http://${HOST}:${reservation.port}`;
  let deps: Deps | undefined;
  try {
    const config = {
      ...loadConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', SITE_URL: baseUrl, PORT: String(reservation.port) }),
      database: database.target,
    };
    deps = await createDeps(config, { postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
    await seedDemoIfEmpty(deps);
    const app = await createApp(deps);
    await reservation.release();
    await app.listen({ port: reservation.port, host: HOST });
    const started = deps;
    return {
      baseUrl,
      deps: started,
      close: async () => {
        await app.close();
        await started.close();
        await database.drop();
      },
    };
  } catch (error) {
    await reservation.release();
    await deps?.close().catch(() => {});
    await database.drop().catch(() => {});
    throw error;
  }
}

async function reservePort(): Promise<{ port: number; release(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('could not reserve a port');
  let released = false;
  return {
    port: address.port,
    release: () =>
      released
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            released = true;
            server.close(() => resolve());
          }),
  };
}
