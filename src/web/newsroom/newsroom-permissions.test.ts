import assert from 'node:assert/strict';
import Fastify, { type RouteOptions } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { PERMISSIONS, ROLES, roleHas, type Permission } from '../../modules/users/permissions.js';
import { csrfTokenIn, postForm } from '../../testing/newsroom-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { registerNewsroomRoutes } from './newsroom.routes.js';

/** The only newsroom pages reachable without a session: signing in, accepting an invitation, and a forgotten password. */
const SESSIONLESS_URLS: readonly string[] = [
  '/newsroom/sign-in',
  '/newsroom/invitations/:token',
  '/newsroom/forgot-password',
  '/newsroom/reset/:token',
];

/** Every route the newsroom registers, as Fastify's onRoute hook reports them. */
async function collectNewsroomRoutes(t: TestApp): Promise<RouteOptions[]> {
  const routes: RouteOptions[] = [];
  const probe = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
  probe.addHook('onRoute', (route) => {
    if (route.url.startsWith('/newsroom')) routes.push(route);
  });
  await registerNewsroomRoutes(probe, t.deps);
  await probe.ready();
  await probe.close();
  return routes;
}

describe('newsroom permissions', () => {
  let t: TestApp;
  let routes: RouteOptions[];
  before(async () => {
    t = await createTestApp();
    routes = await collectNewsroomRoutes(t);
  });
  after(() => t.close());

  it('every newsroom route but sign-in declares a known permission', () => {
    assert.ok(routes.length >= 6, `found ${routes.length} routes`);
    for (const route of routes) {
      const declared = route.config?.newsroom;
      const name = `${String(route.method)} ${route.url}`;
      assert.ok(declared, `${name} was not registered through newsroomRoute()`);
      if ('signIn' in declared) {
        assert.ok(SESSIONLESS_URLS.includes(route.url), `${name} is marked as reachable without a session`);
      } else {
        assert.ok((PERMISSIONS as readonly string[]).includes(declared.permission), `${name} declares ${declared.permission}`);
      }
    }
  });

  it('answers every role on every page by permissions.ts: 200 with the permission, 403 without', async () => {
    const pages = routes.flatMap((route) => {
      const declared = route.config?.newsroom;
      // Pages of one record (`:id`) cannot be requested without one; their tests check their permission.
      return route.method === 'GET' && declared && 'permission' in declared && !route.url.includes(':')
        ? [{ url: route.url, permission: declared.permission }]
        : [];
    });
    const covered = new Set<Permission>(pages.map((page) => page.permission));
    assert.ok(covered.has('newsroom.enter') && covered.has('audit.view'), 'the matrix covers the home and an admin-only page');
    for (const role of ROLES) {
      const { user } = await t.factories.staff({ role });
      const cookie = await t.factories.sessionCookie(user.id);
      for (const page of pages) {
        const response = await t.app.inject({ url: page.url, headers: { cookie } });
        const expected = roleHas(role, page.permission) ? 200 : 403;
        assert.equal(response.statusCode, expected, `${role} on ${page.url} (${page.permission})`);
        assert.equal(response.headers['cache-control'], 'no-store');
        if (expected === 403) assert.equal(response.headers['x-error-code'], 'ERR_FORBIDDEN');
      }
    }
  });

  it('shows the audit log to admins, with who did what', async () => {
    const { user } = await t.factories.staff({ role: 'admin', displayName: 'Audit Reader' });
    const cookie = await t.factories.sessionCookie(user.id);
    await t.deps.audit.record({ actorUserId: user.id, action: 'staff.invited', details: { email: 'new@news.example' } });
    const response = await t.app.inject({ url: '/newsroom/audit', headers: { cookie } });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<code>staff\.invited<\/code><\/td><td>Audit Reader<\/td><td class="audit-details">email: new@news\.example/);
    assert.match(response.body, /<a href="\/newsroom\/audit" aria-current="page">Audit log<\/a>/);
  });

  it('lists the latest stories in every status on the newsroom home', async () => {
    const { user } = await t.factories.staff({ role: 'contributor' });
    const cookie = await t.factories.sessionCookie(user.id);
    await t.factories.article({ headline: 'A draft about <ferries>', status: 'draft' });
    await t.factories.article({ headline: 'A published story', status: 'published' });
    const response = await t.app.inject({ url: '/newsroom', headers: { cookie } });
    assert.match(response.body, /A draft about &lt;ferries>/);
    assert.match(response.body, /story-status-draft">Draft</);
    assert.match(response.body, /story-status-published">Published</);
    assert.doesNotMatch(response.body, /href="\/newsroom\/audit"/, 'no audit link for a contributor');
  });

  it('applies a role change on the very next request, and a deactivation too', async () => {
    const { user } = await t.factories.staff({ role: 'editor' });
    const cookie = await t.factories.sessionCookie(user.id);
    assert.equal((await t.app.inject({ url: '/newsroom/audit', headers: { cookie } })).statusCode, 403);
    await t.deps.users.changeRole(user.id, 'admin', null);
    assert.equal((await t.app.inject({ url: '/newsroom/audit', headers: { cookie } })).statusCode, 200);
    await t.deps.users.changeRole(user.id, 'contributor', null);
    assert.equal((await t.app.inject({ url: '/newsroom/audit', headers: { cookie } })).statusCode, 403);
    const home = await t.app.inject({ url: '/newsroom', headers: { cookie } });
    assert.match(home.body, /\(Contributor\)/);
    await t.deps.users.deactivate(user.id, null);
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie } })).statusCode, 303);
  });

  it('lets every role sign out', async () => {
    for (const role of ROLES) {
      const { user } = await t.factories.staff({ role });
      const cookie = await t.factories.sessionCookie(user.id);
      const _csrf = csrfTokenIn((await t.app.inject({ url: '/newsroom', headers: { cookie } })).body);
      const response = await postForm(t.app, '/newsroom/sign-out', { _csrf }, { cookie });
      assert.equal(response.statusCode, 303, role);
    }
  });
});
