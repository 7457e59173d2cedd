// The readers for bench/live.bench.sh: holds N Server-Sent Events connections open, as many live
// pages would, on raw `net` sockets (no EventSource, no http.Agent: a few hundred bytes of state a
// connection, so 10,000 fit in one small process), and reports when each event id has reached
// every reader. It parses only what it must: the status line, `Transfer-Encoding: chunked`, chunk
// sizes, and in the stream only `id:` lines and the blank lines that end an event; data lines are
// skipped unread.
//
// Usage: node bench/live-readers.mjs --ports 4001[,4002…] --path '/live/<id>/events?since=12'
//          --connections 10000 [--concurrency 200] [--connect-timeout-ms 120000]
// Connections go to the ports in turn (connection i to port i mod n), from 127.0.0.1.
//
// Control channel, one JSON object a line on stdout (times are epoch ms with a fraction,
// performance.timeOrigin + performance.now(), comparable between processes on this machine):
//   {"type":"ready","asked","open","failed","statuses":{"503":k,"ECONNRESET":k},"ms","perPort":{port:open}}
//       once every connection is open or has failed (the response's status line and headers came back)
//   {"type":"all","id":"42","readers":n,"first":t,"last":t,"perPort":{port:lastT}}
//       when every open reader has received the event with that id (first and last arrival)
//   {"type":"report","open","closed","failed","statuses","bytes","pending":[{"id","count"}],"cpuMs"}
//       in answer to the line "report" on stdin
// "close" on stdin (or the end of stdin) closes every connection, prints a report and exits.
import net from 'node:net';
import readline from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    ports: { type: 'string' },
    path: { type: 'string' },
    connections: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '200' },
    'connect-timeout-ms': { type: 'string', default: '120000' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const ports = (values.ports ?? '').split(',').filter(Boolean).map(Number);
const path = values.path ?? '';
const asked = Number(values.connections);
const concurrency = Number(values.concurrency);
const connectTimeoutMs = Number(values['connect-timeout-ms']);
const host = values.host;
if (ports.length === 0 || ports.some((port) => !Number.isInteger(port) || port <= 0) || !path.startsWith('/') || !(asked > 0) || !(concurrency > 0)) {
  console.error('usage: node bench/live-readers.mjs --ports P[,P…] --path /live/<id>/events[?since=n] --connections N [--concurrency C]');
  process.exit(2);
}

const now = () => performance.timeOrigin + performance.now();
const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

// A browser's user agent, in case the route treats bots differently.
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const requestBytes = new Map(
  ports.map((port) => [
    port,
    Buffer.from(
      `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\nUser-Agent: ${userAgent}\r\n\r\n`,
      'latin1',
    ),
  ]),
);

let open = 0;
let closed = 0; // open connections that ended afterwards (by the server, or an error)
let failed = 0; // never got a 200
let bytes = 0;
const statuses = {};
const openPerPort = Object.fromEntries(ports.map((port) => [port, 0]));
const fail = (reason) => {
  failed++;
  statuses[reason] = (statuses[reason] ?? 0) + 1;
};

// Per event id: how many readers have it, and when the first and the last did (per port too).
const arrivals = new Map();
const done = new Set();
function received(reader, id) {
  if (done.has(id)) return;
  const at = now();
  let entry = arrivals.get(id);
  if (!entry) {
    entry = { count: 0, first: at, last: at, perPort: {} };
    arrivals.set(id, entry);
  }
  entry.count++;
  entry.last = at;
  entry.perPort[reader.port] = at;
  if (entry.count >= open) complete(id, entry);
}
function complete(id, entry) {
  arrivals.delete(id);
  done.add(id);
  send({ type: 'all', id, readers: entry.count, first: entry.first, last: entry.last, perPort: entry.perPort });
}

// The stream: only `id:` lines and blank lines matter. A line starting with "i" is kept (it may be
// the id line, split across packets); every other line is skipped with indexOf.
const NL = 10;
const CR = 13;
function feedStream(reader, buffer, start, end) {
  let i = start;
  while (i < end) {
    if (reader.lineStart) {
      const byte = buffer[i];
      if (byte === NL || (byte === CR && reader.sawCr)) {
        // A blank line: the event ends; it counts if it carried an id.
        if (reader.eventId !== null) received(reader, reader.eventId);
        reader.eventId = null;
        reader.sawCr = false;
        i++;
        continue;
      }
      if (byte === CR) {
        reader.sawCr = true;
        i++;
        continue;
      }
      reader.lineStart = false;
      reader.line = byte === 0x69 ? '' : null; // "i": perhaps "id:"
    }
    const newline = buffer.indexOf(NL, i);
    const stop = newline === -1 || newline >= end ? end : newline;
    if (reader.line !== null) reader.line += buffer.toString('latin1', i, stop);
    if (stop === end) return;
    if (reader.line !== null && reader.line.startsWith('id:')) reader.eventId = reader.line.slice(3).trim();
    reader.line = null;
    reader.lineStart = true;
    reader.sawCr = false;
    i = newline + 1;
  }
}

// The body: chunked (Node's default for a streamed HTTP/1.1 response) or not.
function feedBody(reader, buffer, start) {
  let i = start;
  if (!reader.chunked) return feedStream(reader, buffer, i, buffer.length);
  while (i < buffer.length) {
    if (reader.chunkLeft > 0) {
      const end = Math.min(buffer.length, i + reader.chunkLeft);
      feedStream(reader, buffer, i, end);
      reader.chunkLeft -= end - i;
      i = end;
      if (reader.chunkLeft === 0) reader.crlfLeft = 2;
    } else if (reader.crlfLeft > 0) {
      reader.crlfLeft--;
      i++;
    } else {
      const newline = buffer.indexOf(NL, i);
      if (newline === -1) {
        reader.sizeLine += buffer.toString('latin1', i);
        return;
      }
      const size = parseInt(reader.sizeLine + buffer.toString('latin1', i, newline), 16);
      reader.sizeLine = '';
      i = newline + 1;
      if (size === 0) return; // the last chunk: the server ends the stream
      if (!(size > 0)) {
        reader.socket.destroy();
        return;
      }
      reader.chunkLeft = size;
    }
  }
}

function onData(reader, buffer) {
  bytes += buffer.length;
  if (reader.state === 'body') return feedBody(reader, buffer, 0);
  // Headers: collected until the blank line (they come in the first packet in practice).
  // A copy: `buffer` is the shared read buffer, reused by the next read.
  reader.head = reader.head ? Buffer.concat([reader.head, buffer]) : Buffer.from(buffer);
  const end = reader.head.indexOf('\r\n\r\n');
  if (end === -1) {
    if (reader.head.length > 16384) reader.socket.destroy();
    return;
  }
  const head = reader.head.toString('latin1', 0, end);
  const rest = reader.head;
  reader.head = null;
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 'bad-response';
  if (status !== '200') {
    reader.settled = true;
    fail(status);
    reader.socket.destroy();
    return settleOne();
  }
  reader.chunked = /\r\ntransfer-encoding:[^\r]*chunked/i.test(head);
  reader.state = 'body';
  reader.settled = true;
  reader.isOpen = true;
  open++;
  openPerPort[reader.port]++;
  settleOne();
  feedBody(reader, rest, end + 4);
}

const readers = [];
const readBuffer = Buffer.alloc(256 * 1024);
let started = 0;
let settled = 0;
let connecting = 0;
let readyAt = null;
const startedAt = now();

function connectNext() {
  while (connecting < concurrency && started < asked) {
    const port = ports[started % ports.length];
    started++;
    connecting++;
    // `onread`: the kernel's bytes land in one shared buffer and are handled at once, with no
    // Buffer and no stream 'data' event per read (most of a reader's CPU time otherwise).
    const socket = net.connect({ port, host, onread: { buffer: readBuffer, callback: (length) => onData(reader, readBuffer.subarray(0, length)) } });
    const reader = {
      socket,
      port,
      state: 'head',
      head: null,
      chunked: false,
      chunkLeft: 0,
      crlfLeft: 0,
      sizeLine: '',
      lineStart: true,
      sawCr: false,
      line: null,
      eventId: null,
      settled: false,
      isOpen: false,
    };
    readers.push(reader);
    socket.on('connect', () => socket.write(requestBytes.get(port)));
    socket.on('error', (error) => {
      if (!reader.settled) {
        reader.settled = true;
        fail(error.code ?? 'error');
        settleOne();
      }
    });
    socket.on('close', () => {
      if (!reader.settled) {
        reader.settled = true;
        fail('closed-before-headers');
        settleOne();
      } else if (reader.isOpen) {
        reader.isOpen = false;
        open--;
        closed++;
        openPerPort[reader.port]--;
        // Events some closed reader never got may now have reached every reader still open.
        for (const [id, entry] of arrivals) if (entry.count >= open && open > 0) complete(id, entry);
      }
    });
  }
}
function settleOne() {
  connecting--;
  settled++;
  if (settled === asked && readyAt === null) {
    readyAt = now();
    clearTimeout(connectTimer);
    send({ type: 'ready', asked, open, failed, statuses, ms: Math.round(readyAt - startedAt), perPort: openPerPort });
  } else connectNext();
}
const connectTimer = setTimeout(() => {
  if (readyAt !== null) return;
  readyAt = now();
  send({ type: 'ready', asked, open, failed, statuses, ms: Math.round(readyAt - startedAt), perPort: openPerPort, timedOut: asked - settled });
}, connectTimeoutMs);
connectNext();

function report() {
  const usage = process.cpuUsage();
  send({
    type: 'report',
    open,
    closed,
    failed,
    statuses,
    bytes,
    pending: [...arrivals].map(([id, entry]) => ({ id, count: entry.count })),
    cpuMs: Math.round((usage.user + usage.system) / 1000),
  });
}
let closing = false;
function closeAll() {
  if (closing) return;
  closing = true;
  report();
  for (const reader of readers) reader.socket.destroy();
  setTimeout(() => process.exit(0), 100);
}
const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line.trim() === 'report') report();
  else if (line.trim() === 'close') closeAll();
});
input.on('close', closeAll);
