import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`: the timestamp is signed, so a replay
 * can be refused. One scheme for everything Dateline sends out (webhooks, CDN purges), so a receiver
 * verifies both the same way (docs/webhooks.md).
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/**
 * A signature of `body` alone, without a time (links that never expire, such as a newsletter's
 * preferences link): base64url HMAC-SHA256, short enough for a URL.
 */
export function signValue(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** Whether `signature` is signValue(secret, body), compared in constant time. */
export function isValidValueSignature(secret: string, body: string, signature: unknown): boolean {
  if (typeof signature !== 'string') return false;
  const expected = Buffer.from(signValue(secret, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
