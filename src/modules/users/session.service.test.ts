import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY_MS } from '../../shared/clock.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { listSessionTokenHashes } from './session.repository.js';
import { SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS, hashSessionToken } from './session.service.js';

describe('SessionService', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('stores only the SHA-256 of a random 32-byte token', async () => {
    const { user } = await t.factories.staff();
    const { token } = await t.deps.sessions.create(user.id);
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    const stored = await listSessionTokenHashes(t.deps.db, user.id);
    assert.deepEqual(stored, [hashSessionToken(token)]);
    assert.match(stored[0] ?? '', /^[0-9a-f]{64}$/);
    const rows = await t.deps.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is nowhere in the table');
  });

  it('resolves a token to the user, reading their current role each time', async () => {
    const { user } = await t.factories.staff({ role: 'reporter' });
    const { token } = await t.deps.sessions.create(user.id);
    assert.equal((await t.deps.sessions.resolve(token))?.user.role, 'reporter');
    await t.deps.users.changeRole(user.id, 'editor', null);
    assert.equal((await t.deps.sessions.resolve(token))?.user.role, 'editor');
  });

  it('refuses unknown and malformed tokens', async () => {
    assert.equal(await t.deps.sessions.resolve(undefined), null);
    assert.equal(await t.deps.sessions.resolve(''), null);
    assert.equal(await t.deps.sessions.resolve('not a token'), null);
    assert.equal(await t.deps.sessions.resolve('A'.repeat(43)), null);
  });

  it('expires 14 days after last use, sliding forward when used, writing at most every few minutes', async () => {
    const { user } = await t.factories.staff();
    const { token } = await t.deps.sessions.create(user.id);
    t.clock.advance(SESSION_TOUCH_INTERVAL_MS / 2);
    assert.equal((await t.deps.sessions.resolve(token))?.renewed, false, 'not written again so soon');
    t.clock.advance(10 * DAY_MS);
    assert.equal((await t.deps.sessions.resolve(token))?.renewed, true, 'used: the expiry moves forward');
    t.clock.advance(10 * DAY_MS);
    assert.ok(await t.deps.sessions.resolve(token), 'still valid 20 days after sign-in, 10 after last use');
    t.clock.advance(SESSION_IDLE_MS + 1);
    assert.equal(await t.deps.sessions.resolve(token), null, 'expired after 14 idle days');
    assert.deepEqual(await listSessionTokenHashes(t.deps.db, user.id), [], 'the expired row is removed');
  });

  it('gives every sign-in a fresh token and revokes one session alone', async () => {
    const { user } = await t.factories.staff();
    const first = await t.deps.sessions.create(user.id);
    const second = await t.deps.sessions.create(user.id);
    assert.notEqual(first.token, second.token);
    await t.deps.sessions.revoke(first.id);
    assert.equal(await t.deps.sessions.resolve(first.token), null);
    assert.ok(await t.deps.sessions.resolve(second.token));
  });

  it('revokes every session of a user on password change and on deactivation', async () => {
    const { user, password } = await t.factories.staff();
    const sessions = [await t.deps.sessions.create(user.id), await t.deps.sessions.create(user.id)];
    const other = await t.factories.staff();
    const otherSession = await t.deps.sessions.create(other.user.id);
    await t.deps.users.changePassword(user.id, password, 'a brand new password');
    for (const session of sessions) assert.equal(await t.deps.sessions.resolve(session.token), null);
    assert.ok(await t.deps.sessions.resolve(otherSession.token), 'other users stay signed in');

    const again = await t.deps.sessions.create(user.id);
    await t.deps.users.deactivate(user.id, null);
    assert.equal(await t.deps.sessions.resolve(again.token), null);
    assert.deepEqual(await listSessionTokenHashes(t.deps.db, user.id), []);
  });
});
