import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../config/config.js';

export interface TestDatabase {
  target: DatabaseTarget;
  /** For PostgreSQL: the schema this test owns; every table lives there. */
  searchPath?: string;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test: a SQLite file in a temporary DATA_DIR, or, when
 * TEST_DATABASE_URL is set, a schema of its own in that PostgreSQL database so test files can run
 * in parallel. Tests never look at which engine they got.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-test-'));
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) {
    return { target: { engine: 'sqlite', filename: path.join(dataDir, 'dateline.sqlite') }, dataDir, drop: async () => removeDataDir() };
  }
  // scripts/run-tests.mjs gives each run a prefix of its own and drops only those schemas after it.
  const schema = `${process.env['TEST_SCHEMA_PREFIX'] ?? 'test_'}${randomBytes(6).toString('hex')}`;
  await withClient(url, (client) => client.query(`create schema ${schema}`));
  return {
    target: { engine: 'postgres', connectionString: url },
    searchPath: schema,
    dataDir,
    // The schema is left for scripts/run-tests.mjs to drop after the whole pass: dropping it now
    // races Kysely's migrator in other test files, which lists the tables of every schema and
    // fails when one vanishes mid-query.
    drop: async () => removeDataDir(),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
