// Setup for bench/live.bench.sh: creates and publishes a live story through the newsroom, finds
// its page and its event stream, and captures one real update frame (for the bare ceiling to send
// the same number of bytes): one SSE connection is opened, one update posted, and the first
// `event: update` frame that arrives is written to <frame-file> as received.
//
// Usage: node bench/live-setup.mjs <base URL> <email> <password> <frame-file>
// Prints one JSON object: { articleId, articlePath, streamPath, sequence, frameBytes, postStatus }
//   streamPath  the page's data-live-stream (else /live/<articleId>/events, the protocol's path)
//   sequence    the page's data-live-sequence after the captured update, if the page carries it
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { BenchError, newsroomSession, updateText } from './live-newsroom.mjs';

const [base, email, password, frameFile] = process.argv.slice(2);
if (!base || !email || !password || !frameFile) {
  console.error('usage: node bench/live-setup.mjs <base URL> <email> <password> <frame-file>');
  process.exit(2);
}
const origin = new URL(base).origin;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET as a reader (no cookie): status and text. */
async function readerGet(path) {
  const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(30_000) });
  return { status: response.status, text: await response.text() };
}

/** Reads the stream until one whole event whose `event:` is `update` has arrived; returns its bytes. */
async function firstUpdateFrame(response, timeoutMs) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const next = await Promise.race([reader.read(), sleep(deadline - Date.now()).then(() => ({ timeout: true }))]);
      if (next.timeout || next.done) break;
      text += decoder.decode(next.value, { stream: true });
      let end;
      while ((end = text.indexOf('\n\n')) !== -1) {
        const frame = text.slice(0, end + 2);
        text = text.slice(end + 2);
        if (/^event: ?update$/m.test(frame)) return frame;
      }
    }
    return null;
  } finally {
    await reader.cancel().catch(() => {});
  }
}

try {
  const session = await newsroomSession(base, email, password);
  const tag = randomBytes(4).toString('hex');
  const articleId = await session.createLiveStory(`Benchmark live coverage ${tag}`);

  // Its page: the newest story leads the home page; its link carries the headline's random tag.
  let articlePath;
  const deadline = Date.now() + 60_000;
  while (!articlePath) {
    const home = await readerGet('/');
    articlePath = new RegExp(`href="(/article/[^"?#]*${tag}[^"?#]*)"`).exec(home.text)?.[1];
    if (!articlePath) {
      if (Date.now() > deadline) throw new BenchError('the live story did not appear on the home page within 60 s');
      await sleep(200);
    }
  }
  const page = await readerGet(articlePath);
  if (page.status !== 200) throw new BenchError(`GET ${articlePath} answered ${page.status}`);
  const streamPath = /data-live-stream="([^"]+)"/.exec(page.text)?.[1]?.replaceAll('&amp;', '&') ?? `/live/${articleId}/events`;

  // One reader, one update, the frame it gets.
  const stream = await fetch(`${origin}${streamPath}`, { headers: { accept: 'text/event-stream' }, signal: AbortSignal.timeout(60_000) });
  if (stream.status !== 200)
    throw new BenchError(`GET ${streamPath} answered ${stream.status} (${stream.headers.get('x-error-code') ?? 'no error code'})`);
  const contentType = stream.headers.get('content-type') ?? '';
  if (!contentType.startsWith('text/event-stream')) throw new BenchError(`GET ${streamPath} answered with content-type ${contentType}`);
  const framePromise = firstUpdateFrame(stream, 20_000);
  await sleep(300); // let the server register the connection before the post
  const postStatus = await session.postUpdate(articleId, updateText(0));
  const frame = await framePromise;
  if (!frame) throw new BenchError(`no "event: update" frame arrived on ${streamPath} within 20 s of posting an update`);
  fs.writeFileSync(frameFile, frame);

  await sleep(500); // the page cache refreshes after the post
  const after = await readerGet(articlePath);
  const sequence = /data-live-sequence="(\d+)"/.exec(after.text)?.[1];
  console.log(JSON.stringify({ articleId, articlePath, streamPath, sequence: sequence ?? null, frameBytes: Buffer.byteLength(frame), postStatus }));
} catch (error) {
  console.error(`live-setup: ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
  process.exit(1);
}
