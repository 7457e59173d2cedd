import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('defaults to a SQLite file under ./data, port 3000 and the demo on', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, path.resolve('data'));
    assert.deepEqual(config.database, { engine: 'sqlite', filename: path.resolve('data', 'dateline.sqlite') });
    assert.equal(config.siteUrl, 'http://localhost:3000');
    assert.equal(config.demo, true);
    assert.ok(Object.isFrozen(config));
  });

  it('reads PostgreSQL URLs, DEMO=0, SITE_URL without its trailing slash, and ignores empty values', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://user:secret@db.internal:5432/news',
      DEMO: '0',
      SITE_URL: 'https://news.example/',
      PORT: '',
    });
    assert.deepEqual(config.database, { engine: 'postgres', connectionString: 'postgres://user:secret@db.internal:5432/news' });
    assert.equal(config.demo, false);
    assert.equal(config.siteUrl, 'https://news.example');
    assert.equal(config.port, 3000);
  });

  it('lists every problem at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', SITE_URL: 'ftp://x', DEMO: 'maybe', DATABASE_URL: 'mysql://x' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems.map((problem) => problem.split(':')[0]).sort(), ['DATABASE_URL', 'DEMO', 'PORT', 'SITE_URL']);
        return true;
      },
    );
  });
});
