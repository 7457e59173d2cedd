import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';

// These tests run the real process (start-up errors, signals and exit codes), so they use a SQLite
// file of their own whatever database the suite runs on; engines are covered by the other tests.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-main-'));

const started: ChildProcess[] = [];

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/**
 * A guard against a start that never comes, not a measure of its speed (bench/ measures): generous,
 * because a clean clone's first start also compiles the sources, on a machine CI may be loading.
 */
async function waitFor(check: () => RegExpExecArray | null, timeoutMs = 180_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = check();
    if (match) return match;
    if (Date.now() > deadline) throw new Error('timed out waiting for the server');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The lines a person would read, without Node's own warnings. */
const errorLines = (stderr: string) => stderr.split('\n').filter((line) => line.trim() && !/ExperimentalWarning|--trace-warnings/.test(line));

describe('the dateline process', () => {
  after(() => {
    // A test that failed before stopping its server must not leave it running (and the file hanging).
    for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('exits non-zero with one clear line when the database cannot be reached', async () => {
    const run = start({ DATABASE_URL: 'postgres://news:secret@127.0.0.1:1/news', DATA_DIR: scratch });
    assert.equal(await run.exited, 1);
    const lines = errorLines(run.output().stderr);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0] ?? '', /^dateline: Cannot reach the database/);
    assert.doesNotMatch(lines[0] ?? '', /secret/);
  });

  it('exits non-zero when DATA_DIR is a file, creating nothing', async () => {
    const file = path.join(scratch, 'a-file');
    fs.writeFileSync(file, '');
    const run = start({ DATA_DIR: file });
    assert.equal(await run.exited, 1);
    assert.match(errorLines(run.output().stderr)[0] ?? '', /^dateline: DATA_DIR .* is not a directory/);
    assert.equal(fs.readFileSync(file, 'utf8'), '');
  });

  it('exits non-zero listing every bad setting', async () => {
    const run = start({ PORT: 'http', SITE_URL: 'not a url', DATA_DIR: scratch });
    assert.equal(await run.exited, 1);
    const { stderr } = run.output();
    assert.match(stderr, /PORT/);
    assert.match(stderr, /SITE_URL/);
  });

  it('serves, prints its URL, and shuts down cleanly on SIGTERM', async () => {
    const run = start({ DATA_DIR: path.join(scratch, 'serving') });
    const [, url] = await waitFor(() => /at (http:\/\/\S+)/.exec(run.output().stdout));
    const port = new URL(url ?? '').port;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);
    const home = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Nothing has been published yet/);
    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 0);
  });

  it('writes the views it has gathered before it exits on SIGTERM', async () => {
    const dataDir = path.join(scratch, 'views');
    const run = start({ DATA_DIR: dataDir, DEMO: '1' });
    const [, url] = await waitFor(() => /at (http:\/\/\S+)/.exec(run.output().stdout));
    const origin = `http://127.0.0.1:${new URL(url ?? '').port}`;
    const home = await (await fetch(`${origin}/`)).text();
    const slug = /href="\/article\/([^"?]+)/.exec(home)?.[1] ?? '';
    const page = await (await fetch(`${origin}/article/${slug}`)).text();
    const articleId = /data-article="([^"]+)"/.exec(page)?.[1] ?? '';
    const before = Number(/Views ([\d,]+)/.exec(page)?.[1]?.replace(/,/g, ''));
    for (const reader of ['one', 'two', 'three']) {
      const response = await fetch(`${origin}/views`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0 reader-${reader}` },
        body: JSON.stringify({ article: articleId }),
      });
      assert.equal(response.headers.get('x-view'), 'counted');
    }
    // At once, well inside the one-second batch interval: only the shutdown can have written them.
    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 0);
    const db = new Database(path.join(dataDir, 'dateline.sqlite'), { readonly: true });
    const row = db.prepare('select view_count from articles where id = ?').get(articleId) as { view_count: number };
    db.close();
    assert.equal(row.view_count, before + 3);
  });
});
