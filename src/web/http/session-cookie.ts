import type { FastifyReply, FastifyRequest } from 'fastify';

/** The one cookie Dateline sets; public pages never read it, so the page cache stays shared. */
export const SESSION_COOKIE = 'dateline_session';

function cookieOptions(siteUrl: string) {
  return {
    httpOnly: true,
    // Lax: sent on top-level navigation from a link (so a link into the newsroom works), never on
    // another site's POST; the CSRF token covers what Lax does not.
    sameSite: 'lax' as const,
    path: '/',
    secure: siteUrl.startsWith('https:'),
  };
}

export function readSessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}

export function setSessionCookie(reply: FastifyReply, siteUrl: string, token: string, expiresAt: Date): FastifyReply {
  return reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(siteUrl), expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, siteUrl: string): FastifyReply {
  return reply.clearCookie(SESSION_COOKIE, cookieOptions(siteUrl));
}
