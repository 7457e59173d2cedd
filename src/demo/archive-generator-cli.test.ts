import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app.js';
import { loadConfig } from '../config/config.js';
import { createDeps } from '../deps.js';
import { seedDemoIfEmpty } from './demo-seeder.js';

// Runs the real command on a SQLite DATA_DIR of its own, as an operator would (as src/cli.test.ts does).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-generate-'));
const env = { DATA_DIR: scratch, DATABASE_URL: '', LOG_LEVEL: 'silent' };

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

// The command always writes SQLite here, so the PostgreSQL pass of the suite need not run it again.
describe('dateline generate', { skip: process.env['TEST_DATABASE_URL'] ? 'SQLite only' : false }, () => {
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('writes an archive that the app then serves, and refuses to write a second', async () => {
    const run = await cli('generate', '--stories', '40', '--seed', '3');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Generated 40 stories in \d+ sections by \d+ authors/);
    // Not a terminal: progress as plain lines on stderr, ending at 100%.
    assert.match(run.stderr, /100% +40 \/ 40 stories/);

    // What `npm start` does with this DATA_DIR: no demo (the database has sections), the archive served.
    const deps = await createDeps(loadConfig(env));
    try {
      assert.equal(await seedDemoIfEmpty(deps), undefined);
      const app = await createApp(deps);
      const story = await deps.db
        .selectFrom('articles')
        .select('slug')
        .where('status', '=', 'published')
        .orderBy('published_at', 'desc')
        .executeTakeFirstOrThrow();
      for (const url of ['/', `/article/${story.slug}`, `/section/${deps.sections.all[0]?.slug ?? ''}`]) {
        assert.equal((await app.inject(url)).statusCode, 200, url);
      }
      await app.close();
    } finally {
      await deps.close();
    }

    const again = await cli('generate', '--stories', '40');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /ERR_ARCHIVE_NOT_EMPTY/);
  });

  it('answers a mistaken call with the usage and exit code 2', async () => {
    const run = await cli('generate', '--stories', 'many');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--stories must be a whole number/);
  });
});
