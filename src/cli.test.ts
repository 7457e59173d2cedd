import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './db/database.js';
import { ApiKeyService } from './modules/api-keys/api-key.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { UserService } from './modules/users/user.service.js';
import { systemClock } from './shared/clock.js';

// Runs the real command on a SQLite DATA_DIR of its own, as an operator would.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cli-'));

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: scratch, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

async function withUsers<T>(work: (users: UserService) => Promise<T>): Promise<T> {
  const database = await openDatabase({ engine: 'sqlite', filename: path.join(scratch, 'dateline.sqlite') });
  try {
    return await work(new UserService(database.db, systemClock, new AuditService(database.db, systemClock)));
  } finally {
    await database.close();
  }
}

describe('dateline user create', () => {
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('creates a user with the given password', async () => {
    const run = await cli(
      'user',
      'create',
      '--role',
      'editor',
      '--email',
      'Ed@News.Example',
      '--name',
      'Ed Itor',
      '--password',
      'a good long password',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Created editor Ed Itor <ed@news\.example>/);
    assert.doesNotMatch(run.stdout, /a good long password/);
    const user = await withUsers((users) => users.verifyCredentials('ed@news.example', 'a good long password'));
    assert.equal(user?.role, 'editor');
  });

  it('generates and prints a password when none is given', async () => {
    const run = await cli('user', 'create', '--role', 'reporter', '--email', 'rep@news.example', '--name', 'Re Porter');
    assert.equal(run.code, 0, run.stderr);
    const password = /Password: (\S+)/.exec(run.stdout)?.[1];
    assert.equal(password?.length, 20);
    assert.ok(await withUsers((users) => users.verifyCredentials('rep@news.example', password ?? '')));
  });

  it('exits non-zero with the usage on bad input, creating nothing', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [[], 0, /^Usage:\n {2}dateline user create/],
      [['user', 'create', '--email', 'x@news.example', '--name', 'X'], 2, /missing --role/],
      [['user', 'create', '--role', 'editor', '--email', 'x@news.example', '--name', 'X', '--admin'], 2, /Unknown option '--admin'/],
      [['user', 'delete'], 2, /unknown command: user delete/],
      [['user', 'create', '--role', 'owner', '--email', 'x@news.example', '--name', 'X'], 1, /ERR_ROLE_UNKNOWN/],
      [['user', 'create', '--role', 'editor', '--email', 'not-an-email', '--name', 'X'], 1, /ERR_EMAIL_INVALID/],
      [['user', 'create', '--role', 'editor', '--email', 'x@news.example', '--name', 'X', '--password', 'short'], 1, /ERR_PASSWORD_TOO_SHORT/],
      [
        ['user', 'create', '--role', 'editor', '--email', 'ED@news.example', '--name', 'Again', '--password', 'a good long password'],
        1,
        /ERR_EMAIL_TAKEN/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const run = await cli(...args);
      assert.equal(run.code, code, `${args.join(' ')}: ${run.stderr}`);
      assert.match(code === 0 ? run.stdout : run.stderr, message, args.join(' '));
    }
    const found = await withUsers((users) => users.verifyCredentials('x@news.example', 'a good long password'));
    assert.equal(found, null);
  });

  it('refuses an import option that is not one before opening anything', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['import', 'wordpress', 'export.xml', '--time-zone', 'Mars/Olympus_Mons'], /--time-zone is an IANA time zone/],
      [['import', 'ghost', 'export.json', '--site-url', 'javascript:alert(1)'], /--site-url is the old site's http\(s\) address/],
      [['import', 'ghost', 'export.json', '--time-zone', 'Asia/Seoul'], /--time-zone is an option of import wordpress only/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
    }
  });

  it('makes a Content API key that the API accepts, and refuses a bad name', async () => {
    const run = await cli('api-key', 'create', '--name', 'Wire partner');
    assert.equal(run.code, 0, run.stderr);
    const key = /Key: (dl_live_\S+)/.exec(run.stdout)?.[1];
    assert.ok(key, run.stdout);
    const database = await openDatabase({ engine: 'sqlite', filename: path.join(scratch, 'dateline.sqlite') });
    try {
      const apiKeys = new ApiKeyService(database.db, systemClock, new AuditService(database.db, systemClock));
      const listed = await apiKeys.list();
      assert.deepEqual(
        listed.map((apiKey) => [apiKey.name, apiKey.createdByUserId]),
        [['Wire partner', null]],
      );
      assert.equal((await apiKeys.verify(key ?? '')).name, 'Wire partner');
    } finally {
      await database.close();
    }
    const bad = await cli('api-key', 'create', '--name', '   ');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /ERR_API_KEY_NAME_INVALID/);
    const missing = await cli('api-key', 'create');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing --name/);
  });

  it('prints the usage for --help, wherever it is asked, and exits 0', async () => {
    for (const args of [['--help'], ['-h'], ['help'], ['user', 'create', '--help'], ['api-key', 'create', '-h']]) {
      const run = await cli(...args);
      assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stdout, /dateline user create/, args.join(' '));
      assert.equal(run.stderr, '', args.join(' '));
    }
  });
});
