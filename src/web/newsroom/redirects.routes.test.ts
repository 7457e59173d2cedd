import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../app.js';
import { importRedirects, isServedPath, normaliseRedirectPath, NOT_FOUND_LOG_FLUSH_JOB } from '../../modules/redirects/index.js';
import { createNewsroomTestApp, postForm, signInStaff } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

describe('Redirects in the newsroom', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  before(async () => {
    ({ t, cookie, csrf } = await createNewsroomTestApp('admin', '/newsroom/redirects'));
    await importRedirects(t.deps.db, [{ path: '/2024/05/31/imported-story/', target: '/article/imported-story' }], { now: t.clock.now() });
  });
  after(() => t.close());

  const rows = () => t.deps.db.selectFrom('redirects').selectAll().orderBy('path').execute();
  const page = (url = '/newsroom/redirects') => t.app.inject({ url, headers: { cookie } });
  const add = (fields: Record<string, string>) => postForm(t.app, '/newsroom/redirects', { _csrf: csrf, ...fields }, { cookie });

  it('shows admins the list, the form and the 404 log, linked from the navigation', async () => {
    const response = await page();
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(response.body, /<a href="\/newsroom\/redirects" aria-current="page">Redirects<\/a>/);
    assert.match(response.body, /<h1>Redirects<\/h1>/);
    assert.match(response.body, /<caption[^>]*>Redirects, newest first<\/caption>/);
    assert.match(response.body, /<th scope="row"><code>\/2024\/05\/31\/imported-story<\/code><\/th><td><a href="\/article\/imported-story">/);
    assert.match(response.body, /<td>Import<\/td>/);
    assert.match(response.body, /<label for="old-path">Old path<\/label>/);
    assert.match(response.body, /<label for="new-address">New address<\/label>/);
    assert.match(response.body, /<label for="redirect-search">Search by old path<\/label>/);
    assert.match(response.body, /No address has been asked for/);
    const forms = response.body.match(/<form method="post"/g)?.length ?? 0;
    const tokens = response.body.match(/name="_csrf" value="[^"]+"/g)?.length ?? 0;
    assert.equal(tokens, forms, 'every form carries the CSRF token');
  });

  it('lets an admin add a redirect, which answers at once, and shows it newest first', async () => {
    t.clock.advance(1000);
    const response = await add({ 'old-path': '/Old-Section/Story/', 'new-address': '/article/imported-story' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/newsroom/redirects?done=added');
    const old = await t.app.inject('/old-section/story');
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, 'https://news.example/article/imported-story');
    const list = await page('/newsroom/redirects?done=added');
    assert.match(list.body, /role="status">The redirect was added/);
    assert.match(list.body, /<tbody><tr><th scope="row"><code>\/old-section\/story<\/code>/);
    assert.match(list.body, /<td>Newsroom<\/td>/);
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'redirect.added' });
    assert.equal(entry?.subjectId, '/old-section/story');
  });

  it('lets an admin remove a redirect; a path without one is a 404', async () => {
    await t.deps.redirects.add('/to-remove', '/article/x', (await t.factories.staffUser({ role: 'admin' })).id);
    const form = await page('/newsroom/redirects?q=to-remove');
    assert.match(
      form.body,
      /<input type="hidden" name="path" value="\/to-remove"\/><button type="submit">Remove<span class="visually-hidden"> the redirect from \/to-remove<\/span>/,
    );
    const removed = await postForm(t.app, '/newsroom/redirects/remove', { _csrf: csrf, path: '/to-remove' }, { cookie });
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, '/newsroom/redirects?done=removed');
    assert.equal((await t.app.inject('/to-remove')).statusCode, 404);
    assert.match((await page('/newsroom/redirects?done=removed')).body, /role="status">The redirect was removed\./);
    const again = await postForm(t.app, '/newsroom/redirects/remove', { _csrf: csrf, path: '/to-remove' }, { cookie });
    assert.equal(again.statusCode, 404);
    assert.equal(again.headers['x-error-code'], 'ERR_REDIRECT_NOT_FOUND');
  });

  it('refuses bad paths and addresses with the form, its message and a 4xx; nothing is written', async () => {
    const before = await rows();
    const cases: Array<[Record<string, string>, number, string, string]> = [
      [{ 'old-path': '', 'new-address': '/article/x' }, 400, 'ERR_REDIRECT_PATH_INVALID', 'old-path'],
      [{ 'old-path': 'no-slash', 'new-address': '/article/x' }, 400, 'ERR_REDIRECT_PATH_INVALID', 'old-path'],
      [{ 'old-path': '/', 'new-address': '/article/x' }, 400, 'ERR_REDIRECT_PATH_SERVED', 'old-path'],
      [{ 'old-path': '/article/served', 'new-address': '/article/x' }, 400, 'ERR_REDIRECT_PATH_SERVED', 'old-path'],
      [{ 'old-path': '/newsroom', 'new-address': '/article/x' }, 400, 'ERR_REDIRECT_PATH_SERVED', 'old-path'],
      [{ 'old-path': '/api/v1/articles', 'new-address': '/article/x' }, 400, 'ERR_REDIRECT_PATH_SERVED', 'old-path'],
      [{ 'old-path': '/2024/05/31/imported-story', 'new-address': '/article/x' }, 409, 'ERR_REDIRECT_EXISTS', 'old-path'],
      [{ 'old-path': '/gone', 'new-address': 'javascript:alert(1)' }, 400, 'ERR_REDIRECT_TARGET_INVALID', 'new-address'],
      [{ 'old-path': '/gone', 'new-address': '//evil.example/' }, 400, 'ERR_REDIRECT_TARGET_INVALID', 'new-address'],
      [{ 'old-path': '/gone', 'new-address': '/GONE/' }, 400, 'ERR_REDIRECT_TO_ITSELF', 'new-address'],
      [{ 'old-path': '/article/imported-story-old', 'new-address': '/x' }, 400, 'ERR_REDIRECT_PATH_SERVED', 'old-path'],
      [{ 'old-path': '/go\u0000ne', 'new-address': '/article/x' }, 400, 'ERR_TEXT_INVALID_CHARACTERS', 'old-path'],
    ];
    for (const [fields, status, code, field] of cases) {
      const response = await add(fields);
      const name = JSON.stringify(fields);
      assert.equal(response.statusCode, status, name);
      assert.equal(response.headers['x-error-code'], code, name);
      assert.match(response.body, new RegExp(`<a href="#${field}">`), name);
      assert.match(response.body, /<title>Error: Redirects/, name);
      assert.match(response.body, new RegExp(`id="${field}" name="${field}"[^>]*aria-invalid="true"`), name);
    }
    const loopBack = await t.deps.redirects.add('/loop-a', '/loop-b', (await t.factories.staffUser({ role: 'admin' })).id);
    const loop = await add({ 'old-path': '/loop-b', 'new-address': '/loop-a' });
    assert.equal(loop.statusCode, 409);
    assert.equal(loop.headers['x-error-code'], 'ERR_REDIRECT_LOOP');
    assert.match(loop.body, /value="\/loop-b"/, 'what was typed is shown again');
    await t.deps.redirects.remove(loopBack.path, (await t.factories.staffUser({ role: 'admin' })).id);
    assert.deepEqual(await rows(), before);
  });

  it('lists the most asked-for missing paths, each with a link that fills the form in', async () => {
    for (let i = 0; i < 3; i++) await t.app.inject('/2020/01/01/Lost-Story/');
    await t.app.inject('/?p=42');
    await t.deps.jobs.run(NOT_FOUND_LOG_FLUSH_JOB);
    const response = await page();
    assert.match(response.body, /<caption[^>]*>Most asked-for addresses that matched nothing<\/caption>/);
    assert.match(response.body, /<th scope="row"><code>\/2020\/01\/01\/lost-story<\/code><\/th><td class="numeric">3<\/td>/);
    const link = /<a href="([^"]+)">Add a redirect<span class="visually-hidden"> for \/2020\/01\/01\/lost-story<\/span>/.exec(response.body)?.[1];
    assert.equal(link, '/newsroom/redirects?path=%2F2020%2F01%2F01%2Flost-story#add-redirect');
    const prefilled = await page(link.replace(/&amp;/g, '&'));
    assert.match(prefilled.body, /<input id="old-path" name="old-path" type="text" autocomplete="off" value="\/2020\/01\/01\/lost-story"/);
    assert.match(response.body, /<code>\/\?p=42<\/code>/);

    await add({ 'old-path': '/2020/01/01/lost-story', 'new-address': '/article/imported-story' });
    assert.doesNotMatch((await page()).body, /<code>\/2020\/01\/01\/lost-story<\/code><\/th><td class="numeric">/, 'off the log once redirected');
  });

  it('searches by old path and pages 50 at a time', async () => {
    await importRedirects(
      t.deps.db,
      Array.from({ length: 60 }, (_, i) => ({ path: `/paged/${String(i).padStart(2, '0')}`, target: '/article/x' })),
      { now: t.clock.now() },
    );
    const first = await page('/newsroom/redirects?q=PAGED');
    assert.match(first.body, /60 redirects matching “PAGED”/);
    assert.equal(first.body.match(/<th scope="row"><code>\/paged\//g)?.length, 50);
    assert.match(first.body, /<a href="\/newsroom\/redirects\?q=PAGED&amp;page=2" rel="next">/);
    const second = await page('/newsroom/redirects?q=PAGED&page=2');
    assert.equal(second.body.match(/<th scope="row"><code>\/paged\//g)?.length, 10);
    assert.equal((await page('/newsroom/redirects?page=0')).statusCode, 400);
  });

  it('requires the CSRF token, and the admin role: editors and reporters get 403 and no link', async () => {
    const before = await rows();
    const noToken = await postForm(t.app, '/newsroom/redirects', { 'old-path': '/sneaky', 'new-address': '/article/x' }, { cookie });
    assert.equal(noToken.statusCode, 403);
    assert.equal(noToken.headers['x-error-code'], 'ERR_CSRF_TOKEN_INVALID');
    const noTokenRemove = await postForm(t.app, '/newsroom/redirects/remove', { path: '/2024/05/31/imported-story' }, { cookie });
    assert.equal(noTokenRemove.statusCode, 403);
    for (const role of ['editor', 'reporter'] as const) {
      const staff = await signInStaff(t, role);
      const list = await t.app.inject({ url: '/newsroom/redirects', headers: { cookie: staff.cookie } });
      assert.equal(list.statusCode, 403, role);
      assert.equal(list.headers['x-error-code'], 'ERR_FORBIDDEN');
      const create = await postForm(
        t.app,
        '/newsroom/redirects',
        { _csrf: staff.csrf, 'old-path': '/mine', 'new-address': '/article/x' },
        { cookie: staff.cookie },
      );
      assert.equal(create.statusCode, 403, role);
      const remove = await postForm(
        t.app,
        '/newsroom/redirects/remove',
        { _csrf: staff.csrf, path: '/2024/05/31/imported-story' },
        { cookie: staff.cookie },
      );
      assert.equal(remove.statusCode, 403, role);
      const home = await t.app.inject({ url: '/newsroom', headers: { cookie: staff.cookie } });
      assert.doesNotMatch(home.body, /href="\/newsroom\/redirects"/, `no Redirects link for a ${role}`);
    }
    assert.deepEqual(await rows(), before);
  });

  it('knows every path the app serves: no route’s path could take a redirect', async () => {
    const routes = await registeredRoutes(() => createApp(t.deps));
    const paths = routes
      .filter((route) => [route.method].flat().includes('GET'))
      .map((route) => route.url.replace(/:[^/]+/g, 'x').replace(/\*/g, 'x.jpg'));
    assert.ok(paths.includes('/article/x') && paths.includes('/newsroom/redirects') && paths.includes('/media/x.jpg'), paths.join(' '));
    // A listing's unknown slug looks a redirect up (an imported site's old tag or author), so those may have one.
    const listings = /^\/(section|author|tag)\/x(\/|$)/;
    for (const path of paths.filter((path) => !listings.test(path))) {
      assert.ok(isServedPath(normaliseRedirectPath(path)), `${path} is served but not in redirect-path.ts`);
    }
  });
});

/** Every route an app registers, as Fastify's onRoute hook reports them (hooked as the instance is made). */
async function registeredRoutes(build: () => Promise<FastifyInstance>): Promise<RouteOptions[]> {
  const routes: RouteOptions[] = [];
  const onCreated = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route) => void routes.push(route));
  };
  diagnostics.subscribe('fastify.initialization', onCreated);
  try {
    const app = await build();
    await app.ready();
    await app.close();
  } finally {
    diagnostics.unsubscribe('fastify.initialization', onCreated);
  }
  return routes;
}
