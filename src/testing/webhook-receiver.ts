import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  url: string;
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) that records every request and answers with the next
 * status from `statuses` (the last one repeats; default 200), as a partner's receiver would.
 */
export async function startWebhookReceiver(statuses: number[] = [200]) {
  const received: ReceivedDelivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), url: request.url ?? '' });
      const status = statuses.length > 1 ? (statuses.shift() ?? 200) : (statuses[0] ?? 200);
      if (status >= 300 && status < 400) response.setHeader('location', '/elsewhere');
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/dateline`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Checks `x-dateline-signature` exactly as docs/webhooks.md tells receivers to: HMAC-SHA256 of
 * "<t>.<raw body>" with the secret, compared in constant time, and the timestamp no older than
 * `toleranceSeconds`. Returns the payload when the signature holds, otherwise undefined.
 */
export function verifyDatelineSignature(
  rawBody: string,
  header: string | undefined,
  secret: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): unknown {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts['t']);
  const v1 = parts['v1'] ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return undefined;
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return undefined;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(v1, 'hex'))) return undefined;
  return JSON.parse(rawBody);
}
