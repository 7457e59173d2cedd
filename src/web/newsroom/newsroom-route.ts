import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';
import { roleHas, type ActiveSession, type Permission, type SessionService } from '../../modules/users/index.js';
import { AppError } from '../../shared/errors.js';
import { CSRF_FIELD, csrfTokenFor, isCrossSiteRequest, isValidCsrfToken } from '../http/csrf.js';
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

/** The session `newsroomRoute` resolved for a request, for its error handlers (they run after the handler threw). */
const resolvedSessions = new WeakMap<FastifyRequest, ActiveSession>();

/**
 * The newsroom language of whoever made the request, for an error page or a JSON refusal: the
 * session the route already resolved, else (a request that matched no route) the cookie's, read
 * once; null (the publication's) when nobody is signed in or the look-up itself fails, which must
 * not hide the error being shown.
 */
export async function requestStaffLanguage(request: FastifyRequest, sessions: Pick<SessionService, 'resolve'>): Promise<string | null> {
  const known = resolvedSessions.get(request);
  if (known) return known.user.language;
  try {
    return (await sessions.resolve(readSessionToken(request)))?.user.language ?? null;
  } catch {
    return null;
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
  /**
   * A route the editor's script calls with fetch: every refusal, the session's and CSRF checks'
   * included, is JSON `{ errors: [{ code, message }] }` with its status (a GET without a session is
   * 401, not the sign-in redirect), so the script can tell "signed out" from anything else.
   */
  json?: boolean;
  /**
   * A form whose text must not be lost when the session ended or changed (ERR_NOT_SIGNED_IN,
   * ERR_CSRF_TOKEN_INVALID): called instead of the error page, for same-site requests only, with
   * the session if one is valid now (signed in again in another tab). It must change nothing.
   */
  onSessionLost?: (
    request: FastifyRequest<{ Querystring: Query; Body: FormBody }>,
    reply: FastifyReply,
    lost: { code: 'ERR_NOT_SIGNED_IN' | 'ERR_CSRF_TOKEN_INVALID'; staff?: StaffContext },
  ) => Promise<FastifyReply>;
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
      try {
        return await checkedHandler(request, reply);
      } catch (error) {
        if (!options.json || !(error instanceof AppError)) throw error;
        const body = { errors: [{ code: error.code, message: error.publicMessage }] };
        return reply.code(error.status).header('x-error-code', error.code).send(body);
      }
    },
  });

  async function checkedHandler(request: FastifyRequest<{ Querystring: Query; Body: FormBody }>, reply: FastifyReply): Promise<FastifyReply> {
    const token = readSessionToken(request);
    const session = await deps.sessions.resolve(token);
    const rescue = options.onSessionLost && !isCrossSiteRequest(request, deps.config.siteUrl) ? options.onSessionLost : undefined;
    if (!session || token === undefined) {
      if (token !== undefined) clearSessionCookie(reply, deps.config.siteUrl);
      if (options.method === 'GET' && !options.json) return reply.redirect(newsroomPaths.signIn(request.url), 303);
      if (rescue) return rescue(request, reply.code(401).header('x-error-code', 'ERR_NOT_SIGNED_IN'), { code: 'ERR_NOT_SIGNED_IN' });
      throw new AppError('ERR_NOT_SIGNED_IN');
    }
    resolvedSessions.set(request, session);
    if (session.renewed) setSessionCookie(reply, deps.config.siteUrl, token, session.expiresAt);
    const staff = { session, csrfToken: csrfTokenFor(token) };
    if (options.method !== 'GET' && !isValidCsrfToken(token, formField(request.body, CSRF_FIELD))) {
      if (rescue && roleHas(session.user.role, options.permission)) {
        return rescue(request, reply.code(403).header('x-error-code', 'ERR_CSRF_TOKEN_INVALID'), { code: 'ERR_CSRF_TOKEN_INVALID', staff });
      }
      throw new AppError('ERR_CSRF_TOKEN_INVALID');
    }
    if (!roleHas(session.user.role, options.permission)) throw new AppError('ERR_FORBIDDEN');
    return options.handler(request, reply, staff);
  }
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
  return {
    displayName: staff.session.user.displayName,
    role: staff.session.user.role,
    csrfToken: staff.csrfToken,
    language: staff.session.user.language,
  };
}
