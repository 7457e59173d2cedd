import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** The hidden form field every state-changing form carries. */
export const CSRF_FIELD = '_csrf';

/**
 * A synchronizer token derived from the session: an HMAC keyed with the session's own secret
 * token (which only the HttpOnly cookie and the server ever see). Nothing to store, it survives
 * restarts and works across machines without a shared secret to configure, it changes with every
 * sign-in, and a token seen in a page does not reveal the cookie it came from.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('dateline-csrf-v1').digest('base64url');
}

/** Whether a submitted form token belongs to this session; compared in constant time. */
export function isValidCsrfToken(sessionToken: string, submitted: unknown): boolean {
  if (typeof submitted !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(submitted);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Whether a request without a session (the sign-in form) was sent from another site: browsers say
 * so in `Sec-Fetch-Site` and `Origin`. Stops another site signing a visitor into an account of its
 * choosing (login CSRF). Requests without either header (curl, old browsers) are let through.
 */
export function isCrossSiteRequest(request: FastifyRequest, siteUrl: string): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  return originHost !== request.headers.host && originHost !== new URL(siteUrl).host;
}
