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
    assert.deepEqual(config.database, {
      engine: 'postgres',
      connectionString: 'postgres://user:secret@db.internal:5432/news',
      statementTimeoutMs: 10_000,
    });
    assert.equal(config.demo, false);
    assert.equal(config.siteUrl, 'https://news.example');
    assert.equal(config.port, 3000);
  });

  it('bounds PostgreSQL statements by DATABASE_STATEMENT_TIMEOUT_MS: 10 s unless set, 100 ms to 10 minutes, whole milliseconds', () => {
    const postgres = { DATABASE_URL: 'postgres://db.internal/news' };
    const timeoutOf = (env: Record<string, string>) => {
      const { database } = loadConfig({ ...postgres, ...env });
      return database.engine === 'postgres' ? database.statementTimeoutMs : undefined;
    };
    assert.equal(timeoutOf({}), 10_000);
    assert.equal(timeoutOf({ DATABASE_STATEMENT_TIMEOUT_MS: '2500' }), 2500);
    assert.equal(timeoutOf({ DATABASE_STATEMENT_TIMEOUT_MS: '100' }), 100);
    assert.equal(timeoutOf({ DATABASE_STATEMENT_TIMEOUT_MS: '600000' }), 600_000);
    for (const value of ['0', '99', '600001', '-5', '1.5', 'ten', '1e9']) {
      assert.throws(
        () => loadConfig({ ...postgres, DATABASE_STATEMENT_TIMEOUT_MS: value }),
        (error: unknown) => error instanceof ConfigError && error.problems.some((problem) => problem.startsWith('DATABASE_STATEMENT_TIMEOUT_MS:')),
        value,
      );
    }
  });

  it('holds at most LIVE_MAX_CONNECTIONS live-update streams per node: 20,000 unless set, 1 to 1,000,000', () => {
    assert.equal(loadConfig({}).liveMaxConnections, 20_000);
    assert.equal(loadConfig({ LIVE_MAX_CONNECTIONS: '50000' }).liveMaxConnections, 50_000);
    for (const value of ['0', '-1', '1.5', 'many', '1000001']) {
      assert.throws(
        () => loadConfig({ LIVE_MAX_CONNECTIONS: value }),
        (error: unknown) => error instanceof ConfigError && error.problems.some((problem) => problem.startsWith('LIVE_MAX_CONNECTIONS:')),
        value,
      );
    }
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

  it('reads the mail settings: no SMTP_URL writes to DATA_DIR/outbox, MAIL_FROM by default no-reply@ the site’s host', () => {
    const plain = loadConfig({ SITE_URL: 'https://news.example/', DATA_DIR: '/srv/dateline' });
    assert.deepEqual(plain.mail, {
      smtpUrl: undefined,
      fromAddress: 'no-reply@news.example',
      fromName: undefined,
      dkim: undefined,
      ratePerMinute: 600,
      outboxDir: path.resolve('/srv/dateline', 'outbox'),
    });
    const set = loadConfig({
      SMTP_URL: 'smtps://user:pw@mail.example:465',
      MAIL_FROM: '"The Desk" <desk@mail.news.example>',
      MAIL_DKIM_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
      MAIL_DKIM_SELECTOR: 'dl2026',
      MAIL_RATE_PER_MINUTE: '120',
    });
    assert.equal(set.mail.smtpUrl, 'smtps://user:pw@mail.example:465');
    assert.equal(set.mail.fromName, 'The Desk');
    assert.equal(set.mail.fromAddress, 'desk@mail.news.example');
    assert.deepEqual(set.mail.dkim, {
      domainName: 'mail.news.example',
      keySelector: 'dl2026',
      privateKey: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
    });
    assert.equal(set.mail.ratePerMinute, 120);
    assert.equal(loadConfig({ MAIL_FROM: 'desk@news.example' }).mail.fromName, undefined);
  });

  it('refuses a malformed MAIL_FROM, SMTP_URL, or half a DKIM setting', () => {
    for (const env of [
      { MAIL_FROM: 'Desk <desk@news.example>\r\nBcc: x@example.com' },
      { MAIL_FROM: 'not an address' },
      { SMTP_URL: 'http://mail.example' },
      { MAIL_DKIM_SELECTOR: 'dl2026' },
      { MAIL_RATE_PER_MINUTE: '0' },
    ]) {
      assert.throws(() => loadConfig(env), ConfigError, JSON.stringify(env));
    }
  });
});
