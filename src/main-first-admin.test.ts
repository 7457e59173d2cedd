import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// Runs the real process, like main.test.ts, on a SQLite file of its own whatever the suite's engine.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-first-admin-'));

/** Starts the server, waits until it serves, returns what it printed, and stops it. */
async function startAndStop(env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number | null; port: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', DEMO: '0', DATA_DIR: scratch, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Generous: on a loaded 2-core CI machine, compiling and starting can take a while.
  const deadline = Date.now() + 60_000;
  let port = '';
  while (Date.now() < deadline && child.exitCode === null) {
    const match = /is serving .* at http:\/\/\S+:(\d+)/.exec(stdout);
    // Wait for the line after the URL, which comes with the same write when there is one.
    if (match?.[1]) {
      port = match[1];
      await new Promise((resolve) => setTimeout(resolve, 200));
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (port) {
    const form = new URLSearchParams({ email: env['ADMIN_EMAIL'] ?? '', password: /Password:\s+(\S+)/.exec(stdout)?.[1] ?? 'none' });
    const response = await fetch(`http://127.0.0.1:${port}/newsroom/sign-in`, { method: 'POST', body: form, redirect: 'manual' });
    stdout += `\nSIGN-IN STATUS ${response.status}\n`;
    child.kill('SIGTERM');
  } else {
    // Never serving: stop it, so the test fails on its assertions instead of waiting forever.
    child.kill('SIGKILL');
  }
  return { stdout, stderr, code: await exited, port };
}

describe('the first administrator', () => {
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('is created on first start and its password printed once; it can sign in with it', async () => {
    const first = await startAndStop({ ADMIN_EMAIL: 'Chief@News.Example' });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`Sign-in page: http://localhost:${first.port}/newsroom/sign-in`));
    assert.match(first.stdout, /E-mail:\s+chief@news\.example/);
    assert.match(first.stdout, /Password:\s+[A-Za-z0-9]{20}\n/);
    assert.match(first.stdout, /change this password/);
    assert.match(first.stdout, /SIGN-IN STATUS 303/);

    const second = await startAndStop({ ADMIN_EMAIL: 'chief@news.example' });
    assert.equal(second.code, 0, second.stderr);
    assert.doesNotMatch(second.stdout, /Password:/, 'never printed again');
  });

  it('refuses to start with an unusable ADMIN_EMAIL, saying why', async () => {
    const run = await startAndStop({ ADMIN_EMAIL: 'not an address', DATA_DIR: path.join(scratch, 'bad') });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^dateline: Invalid configuration:[\s\S]*ADMIN_EMAIL/);
    assert.equal(fs.existsSync(path.join(scratch, 'bad')), false, 'nothing created');
  });
});
