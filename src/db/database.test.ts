import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { StartupError } from '../shared/errors.js';
import { createTestDatabase } from '../testing/test-database.js';
import { openDatabase } from './database.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-db-'));

describe('opening the database', () => {
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('migrates a fresh database, and opening it again changes nothing', async () => {
    const testDb = await createTestDatabase();
    const options = testDb.searchPath ? { searchPath: testDb.searchPath } : {};
    try {
      const first = await openDatabase(testDb.target, options);
      await first.db.insertInto('settings').values({ key: 'k', value: '1' }).execute();
      await first.close();
      const second = await openDatabase(testDb.target, options);
      const rows = await second.db.selectFrom('settings').selectAll().execute();
      assert.deepEqual(rows, [{ key: 'k', value: '1' }]);
      await second.close();
    } finally {
      await testDb.drop();
    }
  });

  it('refuses a DATA_DIR that is a file, creating nothing', async () => {
    const file = path.join(scratch, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    await assert.rejects(openDatabase({ engine: 'sqlite', filename: path.join(file, 'dateline.sqlite') }), StartupError);
    assert.equal(fs.readFileSync(file, 'utf8'), 'x');
  });

  it('refuses a DATA_DIR that cannot be written', async () => {
    // /proc refuses new entries even to root, unlike a chmod-ed folder.
    await assert.rejects(openDatabase({ engine: 'sqlite', filename: '/proc/dateline-test/dateline.sqlite' }), StartupError);
  });

  it('refuses a corrupt SQLite file with a clear message and leaves it untouched', async () => {
    const directory = fs.mkdtempSync(path.join(scratch, 'corrupt-'));
    const filename = path.join(directory, 'dateline.sqlite');
    const garbage = Buffer.from('this is not a database '.repeat(200));
    fs.writeFileSync(filename, garbage);
    await assert.rejects(openDatabase({ engine: 'sqlite', filename }), (error: unknown) => {
      assert.ok(error instanceof StartupError);
      assert.match(error.message, /cannot be opened as SQLite/);
      return true;
    });
    assert.deepEqual(fs.readFileSync(filename), garbage);
    assert.deepEqual(fs.readdirSync(directory), ['dateline.sqlite']);
  });

  it('reports an unreachable PostgreSQL server in one line, without the password', async () => {
    await assert.rejects(openDatabase({ engine: 'postgres', connectionString: 'postgres://news:hunter2@127.0.0.1:1/news' }), (error: unknown) => {
      assert.ok(error instanceof StartupError);
      assert.doesNotMatch(error.message, /hunter2|\n/);
      assert.match(error.message, /Cannot reach the database/);
      return true;
    });
  });
});
