import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';
import { roleHas, type ActiveSession, type Permission, type SessionService } from '../../modules/users/index.js';
import { AppError } from '../../shared/errors.js';
import { CSRF_FIELD, csrfTokenFor, isValidCsrfToken } from '../http/csrf.js';
import { clearSessionCookie, readSessionToken, setSessionCookie } from '../http/session-cookie.js';
import type { NewsroomViewer } from './components/newsroom-layout.js';
import { newsroomPaths } from './newsroom-paths.js';
import { formField, type FormBody, type Query } from '../shared/form-body.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on every newsroom route: the permission it requires, or `signIn` for the sign-in page. */
    newsroom?: { permission: Permission } | { signIn: true };
  }
}

/** Who is asking, handed to every newsroom handler after the checks passed. */
export interface StaffContext {
  session: ActiveSession;
  /** For the hidden field of every form on the page. */
  csrfToken: string;
}

/** What `newsroomRoute` needs: staff sessions and where their cookie is valid. */
export interface NewsroomRouteDeps {
  sessions: Pick<SessionService, 'resolve'>;
  config: Pick<Config, 'siteUrl'>;
}

export interface NewsroomRouteOptions {
  method: 'GET' | 'POST';
  url: string;
  /** Required: a route without one does not compile, and a test checks every registered route. */
  permission: Permission;
  handler: (request: FastifyRequest<{ Querystring: Query; Body: FormBody }>, reply: FastifyReply, staff: StaffContext) => Promise<FastifyReply>;
}

/**
 * The only way to add a newsroom route. Before the handler runs, in this order: a valid session
 * (else sign-in redirect for GET, 401 otherwise), a valid CSRF token on anything but GET (403,
 * nothing changed), the permission for the user's current role (403).
 */
export function newsroomRoute(app: FastifyInstance, deps: NewsroomRouteDeps, options: NewsroomRouteOptions): void {
  app.route<{ Querystring: Query; Body: FormBody }>({
    method: options.method,
    url: options.url,
    config: { newsroom: { permission: options.permission } },
    handler: async (request, reply) => {
      const token = readSessionToken(request);
      const session = await deps.sessions.resolve(token);
      if (!session || token === undefined) {
        if (token !== undefined) clearSessionCookie(reply, deps.config.siteUrl);
        if (options.method === 'GET') return reply.redirect(newsroomPaths.signIn(request.url), 303);
        throw new AppError('ERR_NOT_SIGNED_IN');
      }
      if (session.renewed) setSessionCookie(reply, deps.config.siteUrl, token, session.expiresAt);
      if (options.method !== 'GET' && !isValidCsrfToken(token, formField(request.body, CSRF_FIELD))) {
        throw new AppError('ERR_CSRF_TOKEN_INVALID');
      }
      if (!roleHas(session.user.role, options.permission)) throw new AppError('ERR_FORBIDDEN');
      return options.handler(request, reply, { session, csrfToken: csrfTokenFor(token) });
    },
  });
}

/** The sign-in page: the one newsroom route reachable without a session, marked so the route test knows. */
export function signInRoute(
  app: FastifyInstance,
  options: {
    method: 'GET' | 'POST';
    url: string;
    handler: (request: FastifyRequest<{ Querystring: Query; Body: FormBody }>, reply: FastifyReply) => Promise<FastifyReply>;
  },
): void {
  app.route<{ Querystring: Query; Body: FormBody }>({
    method: options.method,
    url: options.url,
    config: { newsroom: { signIn: true } },
    handler: options.handler,
  });
}

/** What the newsroom layout shows of the signed-in user, and the token its forms carry. */
export function viewerOf(staff: StaffContext): NewsroomViewer {
  return { displayName: staff.session.user.displayName, role: staff.session.user.role, csrfToken: staff.csrfToken };
}
