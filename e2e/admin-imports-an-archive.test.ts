import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { generateWordPressExport } from '../src/demo/wordpress-export-generator.js';
import { createDeps } from '../src/deps.js';
import { WORDPRESS_FIXTURES } from '../src/testing/import-upload-client.js';
import { createTestDatabase } from '../src/testing/test-database.js';
import { browserSuite, launchBrowser, openPage, visit } from './support/browser.js';

const ADMIN = { email: 'admin@news.example', displayName: 'Ji-ho Admin', password: 'lighthouse keeper at dawn' };
/** Enough stories for the run to last a few seconds, so the bar is seen moving. */
const GENERATED_STORIES = 300;
const RUN_TIMEOUT_MS = 120_000;

async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button, exact: true }).first().click()]);
}

async function signIn(page: Page): Promise<void> {
  await visit(page, '/newsroom/sign-in');
  await page.getByLabel('E-mail address', { exact: true }).fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await submit(page, 'Sign in');
}

/** Chooses the file and the options on the Import page and sends it; pictures are not fetched (no network here). */
async function uploadExport(page: Page, file: string): Promise<void> {
  assert.equal(await visit(page, '/newsroom/import'), 200);
  await page.getByLabel('Export file').setInputFiles(file);
  await page.getByLabel('Fetch pictures from the old site').uncheck();
  await submit(page, 'Import');
  assert.match(page.url(), /\/newsroom\/import\?run=[0-9a-f-]{36}$/);
}

/** The progress bar and its text as the page shows them now. */
function progressNow(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector<HTMLProgressElement>('#import-progress');
    return {
      /** Whether this is the page of a run still going, which the script keeps up to date. */
      live: document.querySelector('[data-import-run-url]') !== null,
      status: document.querySelector('#import-status')?.textContent ?? '',
      value: bar && bar.hasAttribute('value') ? bar.value : null,
      max: bar?.max ?? null,
      text: document.querySelector('#import-progress-text')?.textContent ?? '',
    };
  });
}

browserSuite('an admin imports an archive on the Import page', () => {
  let browser: Browser;
  let baseUrl: string;
  let scratch: string;
  let generated: string;
  let close: () => Promise<void>;

  before(async () => {
    // SITE_URL must be the address the browser uses, so an old link's redirect leads back here.
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const database = await createTestDatabase();
    const config = { ...loadConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', SITE_URL: baseUrl, DEMO: '0' }), database: database.target };
    const deps = await createDeps(config, { postgres: database.searchPath ? { searchPath: database.searchPath } : {} });
    const app = await createApp(deps);
    await deps.users.createUser({ ...ADMIN, role: 'admin' });
    await app.listen({ port, host: '127.0.0.1' });
    close = async () => {
      await app.close();
      await deps.close();
      await database.drop();
    };
    scratch = await mkdtemp(path.join(tmpdir(), 'dateline-e2e-import-'));
    generated = path.join(scratch, 'generated-gazette.WordPress.xml');
    await generateWordPressExport({ stories: GENERATED_STORIES, seed: 11, file: generated, now: new Date() });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await close?.();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('watches the bar of a running import reach 100 %, then reads the report, without reloading by hand', async () => {
    const page = await openPage(browser, baseUrl);
    try {
      await signIn(page);
      await uploadExport(page, generated);
      const first = await progressNow(page);
      assert.notEqual(first.status, 'Finished', 'the page opened while the import was still going');
      const seen = [first];
      const deadline = Date.now() + RUN_TIMEOUT_MS;
      // Only the page's script changes what it shows from here: the test never navigates.
      while (Date.now() < deadline) {
        await page.waitForTimeout(200);
        const now = await progressNow(page).catch(() => undefined); // (undefined while the page reloads)
        if (!now) continue;
        seen.push(now);
        if (!now.live) break;
      }
      // The live page showed the bar full before the script loaded the report.
      assert.ok(
        seen.some((state) => state.live && state.status === 'Finished' && state.max !== null && state.value === state.max),
        `the bar was seen reaching 100 %: ${JSON.stringify(seen.slice(-4))}`,
      );
      const last = seen.at(-1);
      assert.equal(last?.status, 'Finished', JSON.stringify(seen.slice(-3)));
      assert.ok(last.max && last.value === last.max, `the bar is full: ${last.value} of ${last.max}`);
      assert.match(last.text, /^[\d,]+ of [\d,]+ items \(100 %\)\.$/);
      const values = seen.flatMap((state) => (state.value === null ? [] : [state.value]));
      assert.deepEqual(
        values,
        [...values].sort((a, b) => a - b),
        'the bar never goes back',
      );
      assert.ok(await page.getByRole('heading', { name: 'Report' }).isVisible());
      assert.ok(await page.getByRole('table', { name: 'What the import did, per kind of item' }).isVisible());
      assert.ok(await page.getByRole('link', { name: 'Download the whole report (JSON)' }).isVisible());
      assert.ok(await page.getByRole('heading', { name: 'Start an import' }).isVisible(), 'the form is back');
    } finally {
      await page.context().close();
    }
  });

  it('without JavaScript, follows an import with the Refresh link, then opens an imported story and one of its old links', async () => {
    const page = await openPage(browser, baseUrl, { javaScriptEnabled: false });
    try {
      await signIn(page);
      await uploadExport(page, path.join(WORDPRESS_FIXTURES, 'block-editor.wxr.xml'));
      const deadline = Date.now() + RUN_TIMEOUT_MS;
      while ((await progressNow(page)).status !== 'Finished' && Date.now() < deadline) {
        await page.waitForTimeout(250);
        await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: 'Refresh' }).click()]);
      }
      const done = await progressNow(page);
      assert.equal(done.status, 'Finished');
      assert.match(done.text, /\(100 %\)\.$/);
      const posts = page.getByRole('row', { name: /^Posts/ });
      assert.equal((await posts.getByRole('cell').first().innerText()).trim(), '3', 'three posts imported');

      assert.equal(await visit(page, '/article/ferry-terminal-approved'), 200);
      assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Council approves a new ferry terminal/);
      // The story's WordPress address, as readers' bookmarks and other sites still have it.
      assert.equal(await visit(page, '/?p=101'), 200);
      assert.equal(new URL(page.url()).pathname, '/article/ferry-terminal-approved');
      assert.equal(await visit(page, '/2024/05/31/ferry-terminal-approved/'), 200);
      assert.equal(new URL(page.url()).pathname, '/article/ferry-terminal-approved');
    } finally {
      await page.context().close();
    }
  });
});

/** A port free now, for the app to listen on (its SITE_URL must name it before it starts). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}
