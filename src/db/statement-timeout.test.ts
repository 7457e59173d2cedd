import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createApp } from '../app.js';
import { loadConfig } from '../config/config.js';
import { createDeps, type Deps } from '../deps.js';
import { createFactories } from '../testing/factories.js';
import { freePort } from '../testing/node-process.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { TcpProxy } from '../testing/throwaway-servers.js';

// PostgreSQL only: SQLite runs in this process and cannot hang on a network.
const databaseUrl = process.env['TEST_DATABASE_URL'];
const skip = databaseUrl ? false : 'needs TEST_DATABASE_URL (a PostgreSQL server to put a proxy in front of)';

/** DATABASE_STATEMENT_TIMEOUT_MS for this file: short, so the test is quick. */
const TIMEOUT_MS = 1_000;
/** The client's grace after it (postgres.dialect.ts), and slack for a busy test machine. */
const BOUND_MS = TIMEOUT_MS + 500 + 1_500;

describe('a PostgreSQL server that hangs', { skip }, () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let deps: Deps;
  let app: FastifyInstance;
  let base: string;
  let storyPath: string;

  before(async () => {
    database = await createTestDatabase();
    const direct = new URL(databaseUrl ?? '');
    proxy = new TcpProxy(await freePort(), { host: direct.hostname, port: Number(direct.port || 5432) });
    await proxy.open();
    const throughProxy = new URL(direct);
    throughProxy.host = `127.0.0.1:${proxy.port}`;
    const config = {
      ...loadConfig({
        DATA_DIR: database.dataDir,
        LOG_LEVEL: 'silent',
        SITE_URL: 'https://news.example',
        PAGE_CACHE: '0',
        DATABASE_URL: throughProxy.toString(),
        DATABASE_STATEMENT_TIMEOUT_MS: String(TIMEOUT_MS),
      }),
    };
    deps = await createDeps(config, { postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
    const story = await createFactories(deps).article({ slug: 'bridge-closed', headline: 'Storm closes the bridge' });
    storyPath = `/article/${story.slug}`;
    app = await createApp(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    // The proxy first: closing the pool waits for its connections' goodbyes, which a frozen proxy never passes.
    await proxy?.close();
    await app?.close();
    await deps?.close();
    await database?.drop();
  });

  /** A GET over real HTTP; the client gives up after 15 s, so a request that would wait forever fails the test. */
  async function timedGet(path: string) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(15_000) });
    await response.arrayBuffer();
    return { response, ms: performance.now() - started };
  }

  it('cancels a statement that runs past DATABASE_STATEMENT_TIMEOUT_MS, as an outage (not a bug)', async () => {
    const started = performance.now();
    const error = await sql`select pg_sleep(30)`.execute(deps.database.db).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    assert.ok(error, 'the statement fails');
    assert.equal((error as { code?: string }).code, '57014', 'canceled by the server’s statement_timeout');
    assert.ok(performance.now() - started < BOUND_MS, `within ${BOUND_MS} ms`);
    assert.equal(deps.database.isUnavailableError(error), true);
    // The server canceled it cleanly: the same pool goes on answering.
    assert.equal((await timedGet(storyPath)).response.status, 200);
  });

  it('answers 503 ERR_DATABASE_UNAVAILABLE with Retry-After within the bound when the server stops answering mid-connection', async () => {
    assert.equal((await timedGet(storyPath)).response.status, 200, 'the page answers while the database does');
    proxy.freeze();
    // Several at once: some wait on pooled connections that no longer answer, some for new ones.
    const answers = await Promise.all([timedGet(storyPath), timedGet(storyPath), timedGet(storyPath)]);
    for (const { response, ms } of answers) {
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('x-error-code'), 'ERR_DATABASE_UNAVAILABLE');
      assert.equal(response.headers.get('retry-after'), '5');
      assert.ok(ms < BOUND_MS, `answered after ${Math.round(ms)} ms, bound ${BOUND_MS} ms`);
    }
    // Again, now that the pool holds no connection that answered: each waits one bound at most.
    const again = await timedGet(storyPath);
    assert.equal(again.response.status, 503);
    assert.ok(again.ms < BOUND_MS, `answered after ${Math.round(again.ms)} ms`);
  });

  it('recovers once the server answers again: connections that timed out are never reused', async () => {
    proxy.resume();
    let status = 0;
    // Pooled connections frozen before they were used may fail once each; then only fresh ones remain.
    for (let attempt = 0; attempt < 12 && status !== 200; attempt++) status = (await timedGet(storyPath)).response.status;
    assert.equal(status, 200);
    for (let request = 0; request < 5; request++) assert.equal((await timedGet(storyPath)).response.status, 200);
  });
});
