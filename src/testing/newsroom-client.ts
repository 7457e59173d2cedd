import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role, User } from '../modules/users/index.js';
import { SESSION_COOKIE } from '../web/http/session-cookie.js';
import { createTestApp, type TestApp } from './test-app.js';

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

/** A signed-in staff member as a route test uses one: the session cookie and the CSRF token to post with. */
export interface StaffSession {
  user: User;
  cookie: string;
  csrf: string;
}

/**
 * Creates a staff member with `role`, signs them in, and reads the CSRF token off `page` the way
 * a browser gets it, so the page itself must let that role in.
 */
export async function signInStaff(t: TestApp, role: Role, page = '/newsroom', overrides: { displayName?: string } = {}): Promise<StaffSession> {
  const { user } = await t.factories.staff({ ...overrides, role });
  const cookie = await t.factories.sessionCookie(user.id);
  const csrf = csrfTokenIn((await t.app.inject({ url: page, headers: { cookie } })).body);
  return { user, cookie, csrf };
}

/** A fresh test app with one staff member of `role` already signed in: how most newsroom route tests begin. */
export async function createNewsroomTestApp(
  role: Role,
  page?: string,
  overrides: { displayName?: string } = {},
): Promise<StaffSession & { t: TestApp }> {
  const t = await createTestApp();
  return { t, ...(await signInStaff(t, role, page, overrides)) };
}

/**
 * createNewsroomTestApp for the `describe` block it is called in: made before its tests, closed
 * after them. Read `t` and `staff` inside the tests, not when the block is built.
 */
export function newsroomTestAppForSuite(role: Role, page?: string): { readonly t: TestApp; readonly staff: StaffSession } {
  let t: TestApp | undefined;
  let staff: StaffSession | undefined;
  before(async () => {
    ({ t, ...staff } = await createNewsroomTestApp(role, page));
  });
  after(() => t?.close());
  const made = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the newsroom test app is made before the block’s tests');
    return value;
  };
  return {
    get t() {
      return made(t);
    },
    get staff() {
      return made(staff);
    },
  };
}
