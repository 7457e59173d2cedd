// One row of bench/live.bench.sh: opens the readers (bench/live-readers.mjs, one or more
// processes), measures the servers' memory before and after, then posts updates one at a time and
// times each from the moment its POST is sent until the LAST reader has its frame.
//
// Usage: node bench/live-driver.mjs --target dateline|bare --post-base http://127.0.0.1:PORT
//          --reader-ports P[,P…] --stream-path /live/<id>/events --readers N
//          [--article-id ID --article-path /article/slug --email E --password W]   (dateline)
//          [--server-pids PID[,PID…] --memory-files F[,F…]] [--reader-procs 1] [--posts 30]
//          [--warmup-posts 3] [--gap-ms 250] [--settle-ms 3000] [--timeout-ms 30000] [--clk-tck 100]
// Prints one JSON object (see bench/README.md, "Live benchmark"). Exits non-zero when no reader
// could connect or a post is refused.
//
// Memory: each server preloads bench/live-memory-probe.mjs; SIGUSR2 makes it collect garbage and
// write process.memoryUsage() to its file. Per connection = (after the readers are open and have
// settled − before they connect) ÷ open connections, summed over the servers.
// Delay: "first" and "last" are when the first and the last reader (over every reader process)
// parsed the frame, minus when the POST was sent; times are epoch ms from performance.timeOrigin +
// performance.now() in each process, so they compare across processes on this machine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BenchError, newsroomSession, updateText } from './live-newsroom.mjs';

const { values } = parseArgs({
  options: {
    target: { type: 'string' },
    'post-base': { type: 'string' },
    'reader-ports': { type: 'string' },
    'stream-path': { type: 'string' },
    readers: { type: 'string', default: '1000' },
    'article-id': { type: 'string' },
    'article-path': { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    'server-pids': { type: 'string', default: '' },
    'memory-files': { type: 'string', default: '' },
    'reader-procs': { type: 'string', default: '1' },
    posts: { type: 'string', default: '30' },
    'warmup-posts': { type: 'string', default: '3' },
    'gap-ms': { type: 'string', default: '250' },
    'settle-ms': { type: 'string', default: '3000' },
    'timeout-ms': { type: 'string', default: '30000' },
    'clk-tck': { type: 'string', default: '100' },
  },
});
const target = values.target;
const postBase = values['post-base'];
const readerPorts = (values['reader-ports'] ?? '').split(',').filter(Boolean);
const streamPath = values['stream-path'];
const readerCount = Number(values.readers);
const readerProcs = Number(values['reader-procs']);
const posts = Number(values.posts);
const warmupPosts = Number(values['warmup-posts']);
const gapMs = Number(values['gap-ms']);
const settleMs = Number(values['settle-ms']);
const timeoutMs = Number(values['timeout-ms']);
const clkTck = Number(values['clk-tck']);
const serverPids = values['server-pids'].split(',').filter(Boolean).map(Number);
const memoryFiles = values['memory-files'].split(',').filter(Boolean);
if (
  !['dateline', 'bare'].includes(target ?? '') ||
  !postBase ||
  readerPorts.length === 0 ||
  !streamPath ||
  !(readerCount > 0) ||
  !(readerProcs > 0) ||
  !(posts > 0) ||
  memoryFiles.length !== serverPids.length ||
  (target === 'dateline' && (!values['article-id'] || !values.email || !values.password))
) {
  console.error('live-driver: bad arguments; see the usage at the top of bench/live-driver.mjs');
  process.exit(2);
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message) => process.stderr.write(`[live-driver ${target}] ${message}\n`);

// ---------------------------------------------------------------------------------------------
// The servers: memory through the probe, CPU time from /proc.
async function memoryOf(pid, file) {
  const read = () => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      return null;
    }
  };
  const before = read()?.sample ?? 0;
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 20_000;
  for (;;) {
    const sample = read();
    if (sample && sample.sample > before) return sample;
    if (Date.now() > deadline) throw new BenchError(`pid ${pid} wrote no memory sample to ${file} (is bench/live-memory-probe.mjs preloaded?)`);
    await sleep(20);
  }
}
const memoryOfAll = () => Promise.all(serverPids.map((pid, i) => memoryOf(pid, memoryFiles[i])));
const cpuTicks = (pid) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15 of stat)
};

// ---------------------------------------------------------------------------------------------
// The reader processes and their control channel.
const readersScript = fileURLToPath(new URL('./live-readers.mjs', import.meta.url));
function startReaders(path, connections) {
  const child = spawn(
    process.execPath,
    [readersScript, '--ports', readerPorts.join(','), '--path', path, '--connections', String(connections), '--connect-timeout-ms', '300000'],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const proc = { child, messages: [], wake: null, exited: false };
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      proc.messages.push(JSON.parse(line));
    } catch {
      log(`reader process said: ${line}`);
    }
    proc.wake?.();
  });
  child.on('exit', () => {
    proc.exited = true;
    proc.wake?.();
  });
  return proc;
}
/** The first message matching `test` (removed from the queue), or null after `ms`. */
async function nextMessage(proc, test, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const index = proc.messages.findIndex(test);
    if (index !== -1) return proc.messages.splice(index, 1)[0];
    if (proc.exited || Date.now() >= deadline) return null;
    await new Promise((resolve) => {
      proc.wake = resolve;
      setTimeout(resolve, Math.min(100, Math.max(0, deadline - Date.now())));
    });
    proc.wake = null;
  }
}
async function reportOf(proc) {
  proc.child.stdin.write('report\n');
  return nextMessage(proc, (message) => message.type === 'report', 10_000);
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);
const summary = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const round = (value) => (value === null ? null : Math.round(value * 10) / 10);
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? null) };
};

// ---------------------------------------------------------------------------------------------
const procs = [];
try {
  // How a post is made, and where the stream starts (the page's data-live-sequence, as a browser).
  let post;
  let path = streamPath;
  if (target === 'dateline') {
    const session = await newsroomSession(postBase, values.email, values.password);
    let n = 0;
    post = () => session.postUpdate(values['article-id'], updateText(`b${++n}`));
    if (values['article-path']) {
      const page = await fetch(`http://127.0.0.1:${readerPorts[0]}${values['article-path']}`, { signal: AbortSignal.timeout(30_000) });
      const since = /data-live-sequence="(\d+)"/.exec(await page.text())?.[1];
      if (since) path = `${streamPath}${streamPath.includes('?') ? '&' : '?'}since=${since}`;
    }
  } else {
    post = async () => {
      const response = await fetch(`${postBase}/post`, { method: 'POST', signal: AbortSignal.timeout(timeoutMs) });
      await response.arrayBuffer();
      if (response.status !== 204) throw new BenchError(`the bare server answered ${response.status} to a post`);
      return response.status;
    };
  }

  const memoryBefore = await memoryOfAll();
  log(`opening ${readerCount} connections (${readerProcs} reader process(es), ports ${readerPorts.join(', ')}, ${path})…`);
  for (let i = 0; i < readerProcs; i++) {
    const share = Math.floor(readerCount / readerProcs) + (i < readerCount % readerProcs ? 1 : 0);
    procs.push(startReaders(path, share));
  }
  const readies = await Promise.all(procs.map((proc) => nextMessage(proc, (message) => message.type === 'ready', 330_000)));
  if (readies.some((ready) => !ready)) throw new BenchError('a reader process did not report ready within 330 s');
  const connections = { asked: readerCount, open: 0, failed: 0, statuses: {}, connectMs: 0, perPort: {} };
  for (const ready of readies) {
    connections.open += ready.open;
    connections.failed += ready.failed;
    connections.connectMs = Math.max(connections.connectMs, ready.ms);
    for (const [status, count] of Object.entries(ready.statuses)) connections.statuses[status] = (connections.statuses[status] ?? 0) + count;
    for (const [port, count] of Object.entries(ready.perPort)) connections.perPort[port] = (connections.perPort[port] ?? 0) + count;
  }
  log(`${connections.open} open, ${connections.failed} failed ${JSON.stringify(connections.statuses)} in ${connections.connectMs} ms`);
  if (connections.open === 0) throw new BenchError(`no reader could connect to ${path} (${JSON.stringify(connections.statuses)})`);

  await sleep(settleMs);
  const memoryAfter = await memoryOfAll();
  const delta = (key) => memoryAfter.reduce((sum, sample, i) => sum + sample[key] - memoryBefore[i][key], 0);
  const perConnection = (key) => Math.round((delta(key) / connections.open / 1024) * 100) / 100;
  const memory = {
    rssKB: perConnection('rss'),
    heapUsedKB: perConnection('heapUsed'),
    externalKB: perConnection('external'),
    gc: memoryAfter.every((sample) => sample.gc),
    servers: serverPids.map((pid, i) => ({
      pid,
      rssBeforeMB: Math.round(memoryBefore[i].rss / 1048576),
      rssAfterMB: Math.round(memoryAfter[i].rss / 1048576),
      heapBeforeMB: Math.round(memoryBefore[i].heapUsed / 1048576),
      heapAfterMB: Math.round(memoryAfter[i].heapUsed / 1048576),
    })),
  };

  // Posts, one at a time: the next one only when every reader has the last (or it timed out).
  // Anything the readers got before the first post (a replay or a reset on connecting) is no post's.
  const lastSeen = procs.map((proc) => {
    const before = proc.messages.filter((message) => message.type === 'all').map((message) => Number(message.id));
    proc.messages = proc.messages.filter((message) => message.type !== 'all');
    if (before.length) log(`events before the first post: ${before.join(', ')}`);
    return Math.max(-Infinity, ...before.filter(Number.isFinite));
  });
  const delays = { first: [], last: [], post: [], perPort: {} };
  let missing = 0;
  let ticks0 = null;
  let readerCpu0 = null;
  let phaseStart = null;
  for (let k = 1; k <= warmupPosts + posts; k++) {
    const measured = k > warmupPosts;
    if (k === warmupPosts + 1) {
      readerCpu0 = await Promise.all(procs.map(reportOf));
      ticks0 = serverPids.map(cpuTicks);
      phaseStart = now();
    }
    const sentAt = now();
    await post();
    const answeredAt = now();
    const arrivals = await Promise.all(
      procs.map((proc, i) =>
        nextMessage(
          proc,
          (message) => message.type === 'all' && (Number.isFinite(Number(message.id)) ? Number(message.id) > lastSeen[i] : true),
          timeoutMs,
        ),
      ),
    );
    if (arrivals.some((arrival) => !arrival)) {
      missing += measured ? 1 : 0;
      log(`post ${k}: not every reader had it within ${timeoutMs} ms`);
    } else {
      arrivals.forEach((arrival, i) => (lastSeen[i] = Number(arrival.id)));
      if (measured) {
        delays.first.push(Math.min(...arrivals.map((arrival) => arrival.first)) - sentAt);
        delays.last.push(Math.max(...arrivals.map((arrival) => arrival.last)) - sentAt);
        delays.post.push(answeredAt - sentAt);
        const lastPerPort = {};
        for (const arrival of arrivals)
          for (const [port, at] of Object.entries(arrival.perPort)) lastPerPort[port] = Math.max(lastPerPort[port] ?? -Infinity, at);
        for (const [port, at] of Object.entries(lastPerPort)) (delays.perPort[port] ??= []).push(at - sentAt);
      }
    }
    await sleep(gapMs);
  }
  const phaseMs = now() - phaseStart;
  const ticks1 = serverPids.map(cpuTicks);
  const readerCpu1 = await Promise.all(procs.map(reportOf));
  const serverCpuMs = ticks1.map((ticks, i) => ((ticks - ticks0[i]) * 1000) / clkTck);
  const readerCpuMs = readerCpu1.reduce((sum, report, i) => sum + (report?.cpuMs ?? 0) - (readerCpu0[i]?.cpuMs ?? 0), 0);
  const stillOpen = readerCpu1.reduce((sum, report) => sum + (report?.open ?? 0), 0);
  const closedDuring = readerCpu1.reduce((sum, report) => sum + (report?.closed ?? 0), 0);

  const result = {
    target,
    path,
    connections,
    memory,
    posts: { asked: posts, warmup: warmupPosts, received: delays.last.length, missing, gapMs },
    delayMs: {
      last: summary(delays.last),
      first: summary(delays.first),
      spread: summary(delays.last.map((last, i) => last - delays.first[i])),
      postAnswer: summary(delays.post),
      perPort: Object.fromEntries(Object.entries(delays.perPort).map(([port, list]) => [port, summary(list)])),
    },
    cpu: {
      serverMsPerPost: Math.round((serverCpuMs.reduce((a, b) => a + b, 0) / posts) * 10) / 10,
      serverMsPerPostEach: serverCpuMs.map((ms) => Math.round((ms / posts) * 10) / 10),
      serverShare: Math.round((serverCpuMs.reduce((a, b) => a + b, 0) / phaseMs) * 1000) / 10,
      readerMsPerPost: Math.round((readerCpuMs / posts) * 10) / 10,
      phaseMs: Math.round(phaseMs),
    },
    readersAfter: { open: stillOpen, closed: closedDuring, pending: readerCpu1.flatMap((report) => report?.pending ?? []).slice(0, 10) },
  };
  console.log(JSON.stringify(result));
} catch (error) {
  console.error(`live-driver: ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
  process.exitCode = 1;
} finally {
  for (const proc of procs) if (!proc.exited) proc.child.stdin.end('close\n');
  await Promise.all(procs.map((proc) => (proc.exited ? null : new Promise((resolve) => proc.child.once('exit', resolve)))));
}
