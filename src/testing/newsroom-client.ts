import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE } from '../web/http/session-cookie.js';

/** Posts a form as a browser would (urlencoded), optionally with a session cookie and client address. */
export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  options: { cookie?: string; remoteAddress?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    remoteAddress: options.remoteAddress ?? '127.0.0.1',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
  });
}

export function signInOverHttp(
  app: FastifyInstance,
  email: string,
  password: string,
  options: { next?: string; remoteAddress?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return postForm(app, '/newsroom/sign-in', { email, password, next: options.next ?? '' }, options);
}

/** The `Cookie` header value for the session a response set, or undefined when it set none. */
export function sessionCookieFrom(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE && candidate.value !== '');
  return cookie ? `${SESSION_COOKIE}=${cookie.value}` : undefined;
}

/** The CSRF token a page embeds in its forms. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(match?.[1], 'the page carries a CSRF token');
  return match[1];
}
