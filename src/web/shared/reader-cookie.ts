import { fastifyCookie } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';
import type { Reader, ReaderSessionService } from '../../modules/readers/index.js';
import { csrfTokenFor } from '../http/csrf.js';

/**
 * The reader's session cookie. Separate from the staff cookie, so a reader account never opens the
 * newsroom. Its presence also tells the page cache that a page is personal (never stored or shared).
 */
export const READER_COOKIE = 'dateline_reader';

function cookieOptions(siteUrl: string) {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: siteUrl.startsWith('https:') };
}

/** Public routes parse no cookies (it keeps the page cache shared), so this reads the header itself. */
export function readReaderToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header?.includes(READER_COOKIE)) return undefined;
  return fastifyCookie.parse(header)[READER_COOKIE];
}

/** Whether the request carries a reader cookie at all: such pages are rendered for that reader alone. */
export function hasReaderCookie(request: FastifyRequest): boolean {
  return request.headers.cookie?.includes(`${READER_COOKIE}=`) ?? false;
}

export function setReaderCookie(reply: FastifyReply, siteUrl: string, token: string, expiresAt: Date): FastifyReply {
  return reply.header('set-cookie', fastifyCookie.serialize(READER_COOKIE, token, { ...cookieOptions(siteUrl), expires: expiresAt }));
}

export function clearReaderCookie(reply: FastifyReply, siteUrl: string): FastifyReply {
  return reply.header('set-cookie', fastifyCookie.serialize(READER_COOKIE, '', { ...cookieOptions(siteUrl), expires: new Date(0) }));
}

/** The signed-in reader of a request, with the CSRF token their forms must carry. */
export interface SignedInReader {
  reader: Reader;
  sessionId: string;
  csrfToken: string;
}

/** What `currentReader` needs: the reader sessions and where the cookie is valid. */
export interface ReaderCookieDeps {
  readerSessions: Pick<ReaderSessionService, 'resolve'>;
  config: Pick<Config, 'siteUrl'>;
}

/**
 * The reader signed in on this request, or null. Renews the cookie when the session's expiry moved;
 * clears a cookie whose session is gone.
 */
export async function currentReader(request: FastifyRequest, reply: FastifyReply, deps: ReaderCookieDeps): Promise<SignedInReader | null> {
  const token = readReaderToken(request);
  if (!token) return null;
  const session = await deps.readerSessions.resolve(token);
  if (!session) {
    clearReaderCookie(reply, deps.config.siteUrl);
    return null;
  }
  if (session.renewed) setReaderCookie(reply, deps.config.siteUrl, token, session.expiresAt);
  return { reader: session.reader, sessionId: session.id, csrfToken: csrfTokenFor(token) };
}
