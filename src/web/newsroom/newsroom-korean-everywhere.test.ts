import assert from 'node:assert/strict';
import Fastify, { type RouteOptions } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { signInStaff, type StaffSession } from '../../testing/newsroom-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { untranslatedText } from '../../testing/untranslated-text.js';
import { registerNewsroomRoutes } from './newsroom.routes.js';

const HANGUL = /[\uac00-\ud7a3]/;
const ADDRESS = /^https?:\/\/\S+$/;
/** An audit entry's details are its record as stored (`email: …, role: …`), shown as they are. */
const AUDIT_DETAILS = /^(\w+: [^,]+)(, \w+: [^,]+)*$/;

/**
 * Text a fresh publication shows that is English whatever the reader's language: the time zone's
 * name, the newsletters' names (the publication's own, written in its language; docs/newsletters.md),
 * the jobs' names on the System page and the webhook events' names (codes), and addresses.
 */
const ENGLISH_BY_NATURE = ['The Morning Briefing', 'Breaking news', 'UTC', '.eml', 'story.published', 'story.updated', 'story.unpublished'];

/**
 * Every newsroom page with a fixed address, as an admin who chose Korean sees it on a fresh
 * publication: no English left in it (docs/i18n.md). The areas' own Korean tests fill the pages
 * with content; this one makes sure no page was left out, a page added later included.
 */
describe('every newsroom page in Korean', () => {
  let t: TestApp;
  let admin: StaffSession;
  let paths: string[];
  /** Reached before anyone is known (sign-in, a forgotten password): in the publication's language. */
  const beforeSignIn = new Set(['/newsroom/sign-in', '/newsroom/forgot-password']);

  before(async () => {
    t = await createTestApp();
    admin = await signInStaff(t, 'admin', '/newsroom', { displayName: '서지호' });
    await t.deps.users.setLanguage(admin.user.id, 'ko');
    const routes: RouteOptions[] = [];
    const probe = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
    probe.addHook('onRoute', (route) => {
      if (route.url.startsWith('/newsroom') && route.method === 'GET' && !route.url.includes(':') && !route.url.includes('*')) routes.push(route);
    });
    await registerNewsroomRoutes(probe, t.deps);
    await probe.ready();
    await probe.close();
    paths = [...new Set(routes.map((route) => route.url))];
  });
  after(() => t.close());

  it('shows each page in Korean, with no English text or label', async () => {
    assert.ok(paths.length >= 25, `found ${paths.length} pages`);
    const leaks: string[] = [];
    for (const path of paths.filter((candidate) => !beforeSignIn.has(candidate))) {
      const response = await t.app.inject({ url: path, headers: { cookie: admin.cookie } });
      if (!String(response.headers['content-type']).includes('text/html')) continue;
      if (response.statusCode === 303) continue;
      assert.equal(response.statusCode, 200, `${path}: ${response.body.slice(0, 200)}`);
      assert.match(response.body, /<html lang="ko"/, path);
      // A Korean sentence may name a code or an example (UTC, world-news, Ctrl): only text with no
      // Hangul at all is a leak. What remains English by nature is allowed by name.
      const left = untranslatedText(response.body, [...ENGLISH_BY_NATURE, admin.user.email, t.deps.settings.publication.name]).filter(
        (text) => !HANGUL.test(text) && !ADDRESS.test(text) && !AUDIT_DETAILS.test(text),
      );
      if (left.length > 0) leaks.push(`${path}: ${left.join(' | ')}`);
    }
    assert.deepEqual(leaks, []);
  });

  it('shows the pages before sign-in in the publication’s language', async () => {
    assert.ok([...beforeSignIn].every((path) => paths.includes(path)));
    await t.deps.settings.updatePublication({ language: 'ko' });
    for (const path of beforeSignIn) {
      const response = await t.app.inject({ url: path });
      assert.equal(response.statusCode, 200, path);
      assert.match(response.body, /<html lang="ko"/, path);
      assert.deepEqual(untranslatedText(response.body, [t.deps.settings.publication.name]), [], path);
    }
  });
});
