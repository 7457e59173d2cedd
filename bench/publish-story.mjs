// Publish latency for bench/archive.bench.sh: publishes one new story through the newsroom, as an
// editor does in a browser, and times how long until readers see it on the home page. With
// --event-loop, the server's event-loop delay over the publish is read from the BENCH_ROUTES-only
// endpoint (src/web/system/event-loop-delay.routes.ts): reset right before the publish, read after
// the headline appeared and the server had --settle-ms more to finish what the publish set off.
//
// Usage: node bench/publish-story.mjs <base URL> <email> <password> [--event-loop] [--settle-ms MS] [--timeout-ms MS]
// Prints one JSON object: { headline, slug?, draftMs, publishMs, visibleMs, eventLoop? } (times in ms):
//   publishMs   the publish request itself (POST …/publish until its 303)
//   visibleMs   from sending the publish request until GET / first contains the headline
//   eventLoop   { maxMs, p99Ms, p50Ms, samples, sinceMs } from the server, or absent
// Exits non-zero with a message when a step fails or the headline does not appear in time.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'event-loop': { type: 'boolean', default: false },
    'settle-ms': { type: 'string', default: '2000' },
    'timeout-ms': { type: 'string', default: '60000' },
  },
});
const [base, email, password] = positionals;
const settleMs = Number(values['settle-ms']);
const timeoutMs = Number(values['timeout-ms']);
if (!base || !email || !password || !(settleMs >= 0) || !(timeoutMs > 0)) {
  console.error('usage: node bench/publish-story.mjs <base URL> <email> <password> [--event-loop] [--settle-ms MS] [--timeout-ms MS]');
  process.exit(2);
}

const fail = (message) => {
  console.error(`publish-story: ${message}`);
  process.exit(1);
};
const origin = new URL(base).origin;
let cookie = '';

/** One request as the browser would make it: our session cookie, same-origin, redirects not followed. */
async function request(path, { form, method = form ? 'POST' : 'GET' } = {}) {
  const headers = { origin, ...(cookie ? { cookie } : {}) };
  let body;
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  }
  const response = await fetch(`${origin}${path}`, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  for (const line of response.headers.getSetCookie()) {
    const match = /^(dateline_session=[^;]*)/.exec(line);
    if (match?.[1]) cookie = match[1];
  }
  return response;
}

const expectRedirect = async (response, what) => {
  if (response.status !== 303) fail(`${what}: expected 303, got ${response.status} (${response.headers.get('x-error-code') ?? 'no error code'})`);
  await response.arrayBuffer();
  return response.headers.get('location') ?? '';
};

// 1. Sign in.
await expectRedirect(await request('/newsroom/sign-in', { form: { email, password, next: '/newsroom' } }), 'sign-in');
if (!cookie) fail('sign-in set no session cookie');

// 2. The new-story form: its CSRF token, a section and an author to file the story under.
const formPage = await request('/newsroom/stories/new');
const formHtml = await formPage.text();
if (formPage.status !== 200) fail(`GET /newsroom/stories/new answered ${formPage.status}`);
const csrf = /name="_csrf" value="([^"]+)"/.exec(formHtml)?.[1];
const selectOf = (name) => new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(formHtml)?.[1] ?? '';
const firstOption = (name) => /<option[^>]*value="([^"]+)"/.exec(selectOf(name))?.[1];
const sectionId = firstOption('sectionId');
const authorId = firstOption('authorIds');
if (!csrf || !sectionId || !authorId) fail('the new-story form has no CSRF token, section or author');

// 3. A draft. Plain ASCII headline, so it appears on the page exactly as written.
const headline = `Benchmark desk files story ${randomBytes(4).toString('hex')}`;
let started = performance.now();
const created = await expectRedirect(
  await request('/newsroom/stories/new', {
    form: {
      _csrf: csrf,
      headline,
      standfirst: 'A story published by the archive benchmark to time how soon readers see it.',
      body: 'The archive benchmark wrote this paragraph.\n\nIt times the way from the publish button to the home page.',
      sectionId,
      authorIds: authorId,
      typeLabel: 'News',
      commentsEnabledShown: '1',
      commentsEnabled: 'on',
    },
  }),
  'create draft',
);
const draftMs = performance.now() - started;
const id = /\/newsroom\/stories\/([^/?]+)\/edit/.exec(created)?.[1];
if (!id) fail(`no story id in the redirect after creating the draft (${created})`);

// 4. Publish, with the event-loop histogram reset right before.
if (values['event-loop']) {
  const reset = await request('/_bench/event-loop-delay/reset', { method: 'POST' });
  if (reset.status !== 204) fail(`POST /_bench/event-loop-delay/reset answered ${reset.status} (is BENCH_ROUTES=1 set?)`);
}
started = performance.now();
await expectRedirect(await request(`/newsroom/stories/${id}/publish`, { form: { _csrf: csrf } }), 'publish');
const publishMs = performance.now() - started;

// 5. Poll the home page as a reader (no cookie) until the headline is on it.
const savedCookie = cookie;
cookie = '';
let visibleMs;
while (visibleMs === undefined) {
  const home = await request('/');
  const html = await home.text();
  if (home.status === 200 && html.includes(headline)) visibleMs = performance.now() - started;
  else if (performance.now() - started > timeoutMs) fail(`the headline was not on the home page ${timeoutMs} ms after publishing`);
  else await new Promise((resolve) => setTimeout(resolve, 10));
}
cookie = savedCookie;

// 6. Let the server finish what the publish set off, then read the event loop's worst delay.
let eventLoop;
if (values['event-loop']) {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const figures = await request('/_bench/event-loop-delay');
  if (figures.status !== 200) fail(`GET /_bench/event-loop-delay answered ${figures.status}`);
  const { maxMs, p99Ms, p50Ms, samples, sinceMs } = await figures.json();
  eventLoop = { maxMs, p99Ms, p50Ms, samples, sinceMs };
}

const round = (ms) => Math.round(ms * 10) / 10;
console.log(
  JSON.stringify({
    headline,
    id,
    draftMs: round(draftMs),
    publishMs: round(publishMs),
    visibleMs: round(visibleMs),
    ...(eventLoop ? { eventLoop } : {}),
  }),
);
