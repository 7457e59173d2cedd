// The ceiling for bench/pages.bench.sh: a bare node:http server, no framework, that answers every
// request with the same bytes (the article page fetched from Dateline) and only the headers a
// browser needs: content-type and content-length. Anything Dateline does per request costs
// throughput against this.
//
// Usage: node bench/bare-server.mjs <port> <body-file> [content-type] [content-encoding]
// With a content-encoding (br, gzip), the body file holds the already-compressed bytes as Dateline
// sends them, and every answer carries that header too (bench/archive.bench.sh): the ceiling then
// sends exactly what a browser gets from the page cache, whatever it asks for.
// Listens on 127.0.0.1 only; prints "listening <port>" once it does; exits on SIGTERM/SIGINT.
import http from 'node:http';
import fs from 'node:fs';

const [portArg, bodyFile, contentType = 'text/html; charset=utf-8', contentEncoding = ''] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !bodyFile) {
  console.error('usage: node bench/bare-server.mjs <port> <body-file> [content-type] [content-encoding]');
  process.exit(2);
}

const body = fs.readFileSync(bodyFile); // read once; every response sends this Buffer
const headers = { 'content-type': contentType, 'content-length': String(body.length) };
if (contentEncoding) headers['content-encoding'] = contentEncoding;

const server = http.createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});

server.listen(port, '127.0.0.1', () => {
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
