import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '../../shared/errors.js';
import { CACHE_CONTROL } from './cache-control.js';
import { SECURITY_HEADERS } from './security-headers.js';

/**
 * Answers a request Node's HTTP parser gave up on before Fastify saw it: a body cut short by the
 * client, broken chunked encoding, bytes after the declared Content-Length, headers too large, a
 * request too slow to arrive. Fastify's default answer is an uncoded JSON 400; this one carries the
 * `x-error-code` every other refusal has. It is written straight to the socket (there is no request
 * to render a page for), and the connection is closed, since what follows on it cannot be trusted.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError = new AppError(
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? 'ERR_REQUEST_TIMEOUT'
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? 'ERR_REQUEST_HEADERS_TOO_LARGE'
        : 'ERR_BAD_REQUEST',
  );
  // Half a response already sent on this socket (the app answered before the client broke off)
  // must not get a second status line in its middle.
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const body = JSON.stringify({ errors: [{ code: appError.code, message: appError.publicMessage }] });
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': CACHE_CONTROL.noStore,
      'x-error-code': appError.code,
      'x-content-type-options': SECURITY_HEADERS['x-content-type-options'] ?? 'nosniff',
      connection: 'close',
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status] ?? ''}\r\n${head}\r\n${body}`);
  }
  socket.destroy(error);
}
