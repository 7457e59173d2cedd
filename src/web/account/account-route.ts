import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';
import { AppError } from '../../shared/errors.js';
import { CSRF_FIELD, isCrossSiteRequest, isValidCsrfToken } from '../http/csrf.js';
import { formField, type FormBody, type Query } from '../shared/form-body.js';
import { paths } from '../shared/paths.js';
import { currentReader, readReaderToken, type ReaderCookieDeps, type SignedInReader } from '../shared/reader-cookie.js';

export { formField, type FormBody, type Query };

type AccountRequest = FastifyRequest<{ Querystring: Query; Body: FormBody; Params: Record<string, string> }>;

export interface AccountRouteOptions {
  method: 'GET' | 'POST';
  url: string;
  handler: (request: AccountRequest, reply: FastifyReply, reader: SignedInReader) => Promise<FastifyReply>;
}

/**
 * A page of a signed-in reader's account. Before the handler runs, in this order: a valid reader
 * session (else, for GET, the sign-in page with `next` back here; 401 otherwise), then on anything
 * but GET a valid CSRF token (403, nothing changed).
 */
export function accountRoute(app: FastifyInstance, deps: ReaderCookieDeps, options: AccountRouteOptions): void {
  app.route<{ Querystring: Query; Body: FormBody; Params: Record<string, string> }>({
    method: options.method,
    url: options.url,
    handler: async (request, reply) => {
      const signedIn = await currentReader(request, reply, deps);
      const token = readReaderToken(request);
      if (!signedIn || token === undefined) {
        // originalUrl: the address as asked, with its edition's prefix (`/ko/account/comments`).
        if (options.method === 'GET') return reply.redirect(paths.account.signIn(request.originalUrl), 303);
        throw new AppError('ERR_READER_NOT_SIGNED_IN');
      }
      if (options.method !== 'GET' && !isValidCsrfToken(token, formField(request.body, CSRF_FIELD))) throw new AppError('ERR_CSRF_TOKEN_INVALID');
      return options.handler(request, reply, signedIn);
    },
  });
}

export interface GuestRouteOptions {
  method: 'GET' | 'POST';
  url: string;
  handler: (request: AccountRequest, reply: FastifyReply) => Promise<FastifyReply>;
}

/**
 * A page reachable without a session: signing up, signing in, a reset link. There is no session
 * to derive a CSRF token from, so posts sent by another site are refused instead (login CSRF:
 * another site must not sign a visitor into an account of its choosing).
 */
export function guestRoute(app: FastifyInstance, deps: { config: Pick<Config, 'siteUrl'> }, options: GuestRouteOptions): void {
  app.route<{ Querystring: Query; Body: FormBody; Params: Record<string, string> }>({
    method: options.method,
    url: options.url,
    handler: async (request, reply) => {
      if (options.method !== 'GET' && isCrossSiteRequest(request, deps.config.siteUrl)) throw new AppError('ERR_CSRF_TOKEN_INVALID');
      return options.handler(request, reply);
    },
  });
}
