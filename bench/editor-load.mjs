// The newsroom desk for bench/editor.bench.sh: how fast an editor's pages answer and how soon the
// story editor can be typed in, each beside a ceiling measured in the same run.
//
// Usage: node bench/editor-load.mjs <base URL> <email> <password> [--requests N] [--loads N] [--word W]
// Prints one JSON object (bench/editor.bench.sh turns it into the table):
//   desk[]   { name, path, bytes, medianMs, p95Ms, ceilingMedianMs, ceilingP95Ms } — N sequential GETs
//            of each newsroom page or JSON, signed in, then the same N from a bare node:http server
//            sending the very bytes Dateline sent (same headers that matter: type, length).
//   editor   { cold, warm, ceilingCold, ceilingWarm } — time to interactive in Chromium, from
//            navigation start until the editor's contenteditable is ready (median and p95 of
//            --loads page loads); cold: a fresh browser context each load (nothing cached), warm: one
//            context, the bundle cached as a returning editor has it. The ceiling serves the same
//            edit page's HTML and every asset it names from memory on a bare node:http server, so
//            the ratio shows what Dateline's own work (session, database, rendering) adds.
//   bundle   { rawBytes, gzipBytes, brotliBytes }
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/* global window, document, MutationObserver -- READY_PROBE and the page.evaluate callbacks run in the browser */

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { requests: { type: 'string', default: '40' }, loads: { type: 'string', default: '12' }, word: { type: 'string', default: '' } },
});
const [base, email, password] = positionals;
const REQUESTS = Number(values.requests);
const LOADS = Number(values.loads);
if (!base || !email || !password || !(REQUESTS > 0) || !(LOADS > 0)) {
  console.error('usage: node bench/editor-load.mjs <base URL> <email> <password> [--requests N] [--loads N] [--word W]');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const origin = new URL(base).origin;
const fail = (message) => {
  console.error(`editor-load: ${message}`);
  process.exit(1);
};
let cookie = '';

async function request(urlPath, { form } = {}) {
  const headers = { origin, ...(cookie ? { cookie } : {}) };
  let body;
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  }
  const response = await fetch(`${origin}${urlPath}`, { method: form ? 'POST' : 'GET', headers, body, redirect: 'manual' });
  for (const line of response.headers.getSetCookie()) {
    const match = /^(dateline_session=[^;]*)/.exec(line);
    if (match?.[1]) cookie = match[1];
  }
  return response;
}

const median = (sorted) => sorted[Math.floor((sorted.length - 1) / 2)];
const p95 = (sorted) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
const round = (ms) => Math.round(ms * 10) / 10;
const summary = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: round(median(sorted)), p95Ms: round(p95(sorted)) };
};

/** A bare node:http server answering each path with bytes given up front; nothing else. */
async function bareServer(documents) {
  const server = http.createServer((req, res) => {
    const document = documents.get(new URL(req.url, 'http://x').pathname) ?? documents.get(req.url);
    if (!document) {
      res.writeHead(404, { 'content-length': '0' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': document.type, 'content-length': String(document.body.length), ...(document.headers ?? {}) });
    res.end(document.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** N sequential GETs of a URL, each read to the end; the times in ms. */
async function timeGets(url, headers) {
  const times = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers, redirect: 'manual' });
    await response.arrayBuffer();
    if (response.status !== 200) fail(`GET ${url} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

// 1. Sign in; find a story to edit and a word to search for.
const signIn = await request('/newsroom/sign-in', { form: { email, password, next: '/newsroom' } });
await signIn.arrayBuffer();
if (signIn.status !== 303 || !cookie) fail(`sign-in answered ${signIn.status} and set ${cookie ? 'a' : 'no'} session cookie`);
const listHtml = await (await request('/newsroom/stories')).text();
const storyId = /\/newsroom\/stories\/([0-9a-f-]{36})\/edit/.exec(listHtml)?.[1];
if (!storyId) fail('the story list links no story to edit');
const sectionSlug = /<option value="([a-z0-9-]+)"[^>]*>[^<]+<\/option>/.exec(
  /<select[^>]*name="section"[^>]*>([\s\S]*?)<\/select>/.exec(listHtml)?.[1] ?? '',
)?.[1];
const editHtmlForWord = await (await request(`/newsroom/stories/${storyId}/edit`)).text();
const headlineWord =
  values.word ||
  (/<input[^>]*name="headline"[^>]*value="([^"]+)"/.exec(editHtmlForWord)?.[1] ?? '').split(/\s+/).find((word) => /^[A-Za-z]{5,}$/.test(word)) ||
  'harbour';

// 2. The desk's pages and JSON, beside the same bytes from a bare server.
const DESK = [
  ['story list, first page', '/newsroom/stories'],
  ['story list, page 100', '/newsroom/stories?page=100'],
  ['story list, search', `/newsroom/stories?q=${encodeURIComponent(headlineWord)}`],
  ['story list, filtered', `/newsroom/stories?status=published${sectionSlug ? `&section=${sectionSlug}` : ''}&sort=published`],
  ['story editor page', `/newsroom/stories/${storyId}/edit`],
  ['curation finder', `/newsroom/curation?find=${encodeURIComponent(headlineWord)}`],
  ['media picker, first page', '/newsroom/media.json'],
  ['media picker, search', `/newsroom/media.json?q=${encodeURIComponent('photo')}`],
];
const desk = [];
const signedIn = { cookie, 'accept-encoding': 'identity' };
for (const [name, urlPath] of DESK) {
  const probe = await fetch(`${origin}${urlPath}`, { headers: signedIn, redirect: 'manual' });
  const body = Buffer.from(await probe.arrayBuffer());
  if (probe.status !== 200) {
    // A refused filter (e.g. a page past the archive's end) is reported, not measured.
    desk.push({ name, path: urlPath, status: probe.status, code: probe.headers.get('x-error-code') });
    continue;
  }
  const dateline = summary(await timeGets(`${origin}${urlPath}`, signedIn));
  const bare = await bareServer(new Map([[new URL(urlPath, origin).pathname, { type: probe.headers.get('content-type') ?? 'text/html', body }]]));
  const ceiling = summary(await timeGets(`${bare.origin}${urlPath}`, {}));
  bare.server.close();
  desk.push({ name, path: urlPath, bytes: body.length, ...dateline, ceilingMedianMs: ceiling.medianMs, ceilingP95Ms: ceiling.p95Ms });
}

// 3. The editor's time to interactive in Chromium, beside the same page from a bare server.
const editPath = `/newsroom/stories/${storyId}/edit`;
const editHtml = Buffer.from(await (await request(editPath)).arrayBuffer());
const documents = new Map([[editPath, { type: 'text/html; charset=utf-8', body: editHtml }]]);
for (const [, assetUrl] of editHtml.toString('utf8').matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) {
  const url = assetUrl.replaceAll('&amp;', '&');
  const response = await fetch(`${origin}${url}`, { headers: { 'accept-encoding': 'identity' } });
  documents.set(url, {
    type: response.headers.get('content-type') ?? 'application/octet-stream',
    body: Buffer.from(await response.arrayBuffer()),
    headers: { 'cache-control': response.headers.get('cache-control') ?? 'no-cache' },
  });
}
const ceilingServer = await bareServer(documents);

const READY_PROBE = () => {
  const mark = () => {
    if (!window.__editorReadyAt && document.querySelector('.editor[data-ready] [contenteditable="true"]')) {
      window.__editorReadyAt = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true });
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
async function timeToInteractive(siteOrigin, { warm }) {
  const times = [];
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'dateline_session', value: cookie.split('=').slice(1).join('='), url: siteOrigin }]);
    await context.addInitScript(READY_PROBE);
    return context;
  };
  let context = warm ? await newContext() : null;
  if (warm) await (await context.newPage()).goto(`${siteOrigin}${editPath}`, { waitUntil: 'load' }); // fills the cache
  for (let i = 0; i < LOADS; i += 1) {
    if (!warm) context = await newContext();
    const page = await context.newPage();
    await page.goto(`${siteOrigin}${editPath}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__editorReadyAt !== undefined, null, { timeout: 20_000 });
    times.push(await page.evaluate(() => window.__editorReadyAt));
    await page.close();
    if (!warm) await context.close();
  }
  if (warm) await context.close();
  return summary(times);
}
const editor = {
  cold: await timeToInteractive(origin, { warm: false }),
  ceilingCold: await timeToInteractive(ceilingServer.origin, { warm: false }),
  warm: await timeToInteractive(origin, { warm: true }),
  ceilingWarm: await timeToInteractive(ceilingServer.origin, { warm: true }),
};
await browser.close();
ceilingServer.server.close();

// 4. The bundle as built.
const bundle = fs.readFileSync(path.join(root, 'public', 'assets', 'newsroom-editor.js'));
console.log(
  JSON.stringify({
    word: headlineWord,
    desk,
    editor,
    bundle: {
      rawBytes: bundle.length,
      gzipBytes: gzipSync(bundle, { level: 9 }).length,
      brotliBytes: brotliCompressSync(bundle, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    },
  }),
);
