import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY_MS } from '../../shared/clock.js';
import { createNewsroomTestApp, csrfTokenIn, postForm, sessionCookieFrom, signInOverHttp, signInStaff } from '../../testing/newsroom-client.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

const INVITATION_LINK = /\/newsroom\/invitations\/([A-Za-z0-9_-]{43})/;

describe('staff management and invitations', () => {
  let t: TestApp;
  let adminCookie: string;
  let csrf: string;
  before(async () => {
    ({ t, cookie: adminCookie, csrf } = await createNewsroomTestApp('admin', '/newsroom/staff', { displayName: 'Head Admin' }));
  });
  after(() => t.close());

  async function invite(email: string, role: string): Promise<string> {
    const response = await postForm(t.app, '/newsroom/staff/invitations', { _csrf: csrf, 'invite-email': email, role }, { cookie: adminCookie });
    assert.equal(response.statusCode, 200);
    const token = INVITATION_LINK.exec(response.body)?.[1];
    assert.ok(token, 'the page shows the invitation link once');
    return token;
  }

  const invitationCount = async () => (await t.deps.db.selectFrom('invitations').select('id').execute()).length;

  it('lists staff with name, e-mail, role and state, never cached', async () => {
    await t.factories.staff({ role: 'reporter', displayName: 'Listed <Reporter>', email: 'listed@news.example' });
    const response = await t.app.inject({ url: '/newsroom/staff', headers: { cookie: adminCookie } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(response.body, /<th scope="row">Listed &lt;Reporter><\/th><td>listed@news\.example<\/td><td>Reporter<\/td><td>Active<\/td>/);
    assert.match(response.body, /<a href="\/newsroom\/staff" aria-current="page">Staff<\/a>/);
  });

  it('invites by a one-time link: only the SHA-256 is stored, the invitee joins with the invited role and can sign in', async () => {
    const token = await invite('New.Reporter@news.example', 'reporter');
    const rows = await t.deps.db.selectFrom('invitations').selectAll().where('email', '=', 'new.reporter@news.example').execute();
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is not stored');
    assert.match(rows[0]?.token_hash ?? '', /^[0-9a-f]{64}$/);
    assert.equal(new Date(rows[0]?.expires_at ?? '').getTime() - t.clock.now().getTime(), 7 * DAY_MS);
    assert.ok((await t.app.inject({ url: '/newsroom/staff', headers: { cookie: adminCookie } })).body.search(token) === -1, 'not shown again');

    const form = await t.app.inject(`/newsroom/invitations/${token}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<label for="display-name">/);
    assert.match(form.body, /new\.reporter@news\.example/);

    const accepted = await postForm(t.app, `/newsroom/invitations/${token}`, {
      'display-name': 'Nadia Reporter',
      'new-password': 'a perfectly fine passphrase',
      'confirm-password': 'a perfectly fine passphrase',
      role: 'admin',
    });
    assert.equal(accepted.statusCode, 303, accepted.body);
    assert.ok(sessionCookieFrom(accepted), 'signed in straight away');
    const signIn = await signInOverHttp(t.app, 'new.reporter@news.example', 'a perfectly fine passphrase', { remoteAddress: '10.9.0.1' });
    assert.equal(signIn.statusCode, 303);
    const home = await t.app.inject({ url: '/newsroom', headers: { cookie: sessionCookieFrom(signIn) ?? '' } });
    assert.match(
      home.body,
      /Signed in as <strong>Nadia Reporter<\/strong> <span class="newsroom-role">\(Reporter\)<\/span>/,
      'the forged role field was ignored',
    );
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'staff.invited' });
    assert.deepEqual(entry?.details, { email: 'new.reporter@news.example', role: 'reporter' });
  });

  it('answers a used invitation with 410, and an unknown one with 404', async () => {
    const token = await invite('once@news.example', 'contributor');
    const fields = { 'display-name': 'Once Only', 'new-password': 'twelve chars ok', 'confirm-password': 'twelve chars ok' };
    assert.equal((await postForm(t.app, `/newsroom/invitations/${token}`, fields)).statusCode, 303);
    const again = await postForm(t.app, `/newsroom/invitations/${token}`, { ...fields, 'display-name': 'Second Try' });
    assert.equal(again.statusCode, 410);
    assert.equal(again.headers['x-error-code'], 'ERR_INVITATION_GONE');
    assert.equal((await t.app.inject(`/newsroom/invitations/${token}`)).statusCode, 410);
    const unknown = await t.app.inject(`/newsroom/invitations/${'A'.repeat(43)}`);
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.headers['x-error-code'], 'ERR_INVITATION_NOT_FOUND');
  });

  it('answers an expired invitation with 410 and creates nobody', async () => {
    const token = await invite('late@news.example', 'editor');
    t.clock.advance(7 * DAY_MS + 1);
    const response = await postForm(t.app, `/newsroom/invitations/${token}`, {
      'display-name': 'Too Late',
      'new-password': 'twelve chars ok',
      'confirm-password': 'twelve chars ok',
    });
    assert.equal(response.statusCode, 410);
    assert.equal(response.headers['x-error-code'], 'ERR_INVITATION_GONE');
    assert.equal(await t.deps.users.verifyCredentials('late@news.example', 'twelve chars ok'), null);
  });

  it('keeps the link usable after a refused form, with the error linked to its field', async () => {
    const token = await invite('typo@news.example', 'reporter');
    const response = await postForm(t.app, `/newsroom/invitations/${token}`, {
      'display-name': 'Typo',
      'new-password': 'short',
      'confirm-password': 'short',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['x-error-code'], 'ERR_PASSWORD_TOO_SHORT');
    assert.match(response.body, /<a href="#new-password">/);
    assert.equal((await t.app.inject(`/newsroom/invitations/${token}`)).statusCode, 200);
  });

  it('refuses a bad or taken e-mail on invitation and writes nothing', async () => {
    await t.factories.staff({ email: 'already@news.example' });
    const before = await invitationCount();
    for (const [email, code] of [
      ['not-an-address', 'ERR_EMAIL_INVALID'],
      ['Already@news.example', 'ERR_EMAIL_TAKEN'],
    ] as const) {
      const response = await postForm(
        t.app,
        '/newsroom/staff/invitations',
        { _csrf: csrf, 'invite-email': email, role: 'reporter' },
        { cookie: adminCookie },
      );
      assert.equal(response.headers['x-error-code'], code);
      assert.match(response.body, /<a href="#invite-email">/);
    }
    const badRole = await postForm(
      t.app,
      '/newsroom/staff/invitations',
      { _csrf: csrf, 'invite-email': 'ok@news.example', role: 'owner' },
      { cookie: adminCookie },
    );
    assert.equal(badRole.headers['x-error-code'], 'ERR_ROLE_UNKNOWN');
    assert.equal(await invitationCount(), before);
  });

  it('changes a role with effect on the very next request, and audits it', async () => {
    const { user } = await t.factories.staff({ role: 'reporter' });
    const cookie = await t.factories.sessionCookie(user.id);
    assert.equal((await t.app.inject({ url: '/newsroom/staff', headers: { cookie } })).statusCode, 403);
    const response = await postForm(t.app, `/newsroom/staff/${user.id}/role`, { _csrf: csrf, role: 'admin' }, { cookie: adminCookie });
    assert.equal(response.statusCode, 303);
    assert.equal((await t.app.inject({ url: '/newsroom/staff', headers: { cookie } })).statusCode, 200);
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'staff.role_changed' });
    assert.equal(entry?.subjectId, user.id);
    // Demoted: the same session loses the admin's permissions on its very next request.
    const userCsrf = csrfTokenIn((await t.app.inject({ url: '/newsroom/staff', headers: { cookie } })).body);
    await postForm(t.app, `/newsroom/staff/${user.id}/role`, { _csrf: csrf, role: 'reporter' }, { cookie: adminCookie });
    assert.equal((await t.app.inject({ url: '/newsroom/staff', headers: { cookie } })).statusCode, 403);
    const invite = await postForm(
      t.app,
      '/newsroom/staff/invitations',
      { _csrf: userCsrf, 'invite-email': 'x@news.example', role: 'admin' },
      { cookie },
    );
    assert.equal(invite.statusCode, 403);
    assert.equal(invite.headers['x-error-code'], 'ERR_FORBIDDEN');
  });

  it('deactivates an account, signing it out everywhere, and audits it', async () => {
    const { user } = await t.factories.staff({ role: 'editor' });
    const cookie = await t.factories.sessionCookie(user.id);
    const response = await postForm(t.app, `/newsroom/staff/${user.id}/deactivate`, { _csrf: csrf }, { cookie: adminCookie });
    assert.equal(response.statusCode, 303);
    assert.equal((await t.app.inject({ url: '/newsroom', headers: { cookie } })).statusCode, 303, 'sent to sign in');
    const post = await postForm(t.app, '/newsroom/sign-out', { _csrf: csrf }, { cookie });
    assert.equal(post.statusCode, 401, 'a form posted with the old session is refused');
    assert.equal(post.headers['x-error-code'], 'ERR_NOT_SIGNED_IN');
    const sessions = await t.deps.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    assert.equal(sessions.length, 0, 'its sessions are gone, not only refused');
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'staff.deactivated' });
    assert.equal(entry?.subjectId, user.id);
  });

  it('never leaves the newsroom without an active admin (409, nothing changed)', async () => {
    const fresh = await createTestApp();
    try {
      const { user, cookie, csrf: token } = await signInStaff(fresh, 'admin', '/newsroom/staff');
      const demote = await postForm(fresh.app, `/newsroom/staff/${user.id}/role`, { _csrf: token, role: 'editor' }, { cookie });
      assert.equal(demote.statusCode, 409);
      assert.equal(demote.headers['x-error-code'], 'ERR_LAST_ADMIN');
      assert.match(demote.body, new RegExp(`<a href="#role-${user.id}">`));
      const deactivate = await postForm(fresh.app, `/newsroom/staff/${user.id}/deactivate`, { _csrf: token }, { cookie });
      assert.equal(deactivate.statusCode, 409);
      assert.equal(deactivate.headers['x-error-code'], 'ERR_LAST_ADMIN');
      const stored = await fresh.deps.users.find(user.id);
      assert.equal(stored?.role, 'admin');
      assert.equal(stored?.active, true);
      // With a second admin, the first may step down.
      await fresh.factories.staff({ role: 'admin' });
      assert.equal((await postForm(fresh.app, `/newsroom/staff/${user.id}/role`, { _csrf: token, role: 'editor' }, { cookie })).statusCode, 303);
    } finally {
      await fresh.close();
    }
  });

  it('refuses every staff route to non-admins with 403 and changes nothing', async () => {
    const { user: target } = await t.factories.staff({ role: 'contributor' });
    for (const role of ['contributor', 'reporter', 'editor'] as const) {
      const { user, cookie, csrf: _csrf } = await signInStaff(t, role);
      const invitationsBefore = await invitationCount();
      const get = await t.app.inject({ url: '/newsroom/staff', headers: { cookie } });
      assert.equal(get.statusCode, 403, role);
      for (const [url, fields] of [
        ['/newsroom/staff/invitations', { 'invite-email': 'sneaky@news.example', role: 'admin' }],
        [`/newsroom/staff/${target.id}/role`, { role: 'admin' }],
        [`/newsroom/staff/${target.id}/deactivate`, {}],
        [`/newsroom/staff/${user.id}/role`, { role: 'admin' }],
      ] as const) {
        const response = await postForm(t.app, url, { _csrf, ...fields }, { cookie });
        assert.equal(response.statusCode, 403, `${role} ${url}`);
        assert.equal(response.headers['x-error-code'], 'ERR_FORBIDDEN');
      }
      assert.equal(await invitationCount(), invitationsBefore);
      assert.equal((await t.deps.users.find(user.id))?.role, role);
    }
    const stored = await t.deps.users.find(target.id);
    assert.equal(stored?.role, 'contributor');
    assert.equal(stored?.active, true);
  });
});
