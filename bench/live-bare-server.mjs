// The ceiling for bench/live.bench.sh: a bare node:http Server-Sent Events fan-out, no framework.
// A GET of a path with /events in it opens a stream (the same response headers and first bytes as Dateline's
// /live/<id>/events) and is kept in a Set; a POST makes one frame and writes that same Buffer to
// every open stream, then answers 204. The frame is Dateline's own update frame, captured by
// bench/live-setup.mjs, with its `id:` line replaced by this server's counter, so both send as
// many bytes a reader. No database, no rendering, no hooks: what a Node process spends just to
// hold the sockets and write to them.
//
// Usage: node bench/live-bare-server.mjs <port> <frame-file>
// Listens on 127.0.0.1 only; prints "listening <port>" once it does; exits on SIGTERM/SIGINT.
import http from 'node:http';
import fs from 'node:fs';

const [portArg, frameFile] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !frameFile) {
  console.error('usage: node bench/live-bare-server.mjs <port> <frame-file>');
  process.exit(2);
}

// The frame without its id line; each post puts `id: <n>` in front.
const frameRest = fs
  .readFileSync(frameFile, 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('id:'))
  .join('\n');
const headers = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  'x-accel-buffering': 'no',
};
const streams = new Set();
let sequence = 0;

const server = http.createServer((request, response) => {
  if (request.method === 'POST') {
    request.resume();
    request.on('end', () => {
      sequence++;
      const frame = Buffer.from(`id: ${sequence}\n${frameRest}`);
      for (const stream of streams) stream.write(frame);
      response.writeHead(204, { 'x-sequence': String(sequence) });
      response.end();
    });
    return;
  }
  if (!request.url?.includes('/events')) {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('ok'); // anything else: a health check
    return;
  }
  response.writeHead(200, headers);
  response.write('retry: 5000\n\n');
  streams.add(response);
  response.on('close', () => streams.delete(response));
});
// One timer for every connection, as the protocol asks.
const heartbeat = Buffer.from(':\n\n');
setInterval(() => {
  for (const stream of streams) stream.write(heartbeat);
}, 20_000).unref();

server.listen(port, '127.0.0.1', 1024, () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
});

const stop = () => {
  setTimeout(() => process.exit(0), 2000).unref();
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
