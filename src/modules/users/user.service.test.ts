import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { countUsers } from './user.repository.js';

async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.equal((error as { code?: string }).code, code);
    return true;
  });
}

describe('UserService', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const auditCount = async () => (await t.deps.audit.list({ limit: 1000 })).length;

  it('creates a staff user with a lower-cased e-mail and an argon2id hash, and audits it', async () => {
    const user = await t.deps.users.createUser({
      email: '  Min-Ji.Park@News.Example ',
      displayName: ' Min-ji Park ',
      role: 'editor',
      password: 'a long enough passphrase',
    });
    assert.equal(user.email, 'min-ji.park@news.example');
    assert.equal(user.displayName, 'Min-ji Park');
    assert.equal(user.role, 'editor');
    assert.equal(user.active, true);
    const row = await t.deps.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
    assert.ok(!row.password_hash.includes('a long enough passphrase'));
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'staff.created' });
    assert.equal(entry?.subjectId, user.id);
    assert.ok(!JSON.stringify(entry?.details).includes('passphrase'), 'no password in the audit log');
  });

  it('refuses bad input with a code and writes nothing', async () => {
    await t.factories.staff({ email: 'taken@news.example' });
    const usersBefore = await countUsers(t.deps.db);
    const auditBefore = await auditCount();
    const valid = { email: 'new@news.example', displayName: 'New Person', role: 'reporter', password: 'twelve chars' };
    await rejectsWithCode(t.deps.users.createUser({ ...valid, password: 'eleven char' }), 'ERR_PASSWORD_TOO_SHORT');
    await rejectsWithCode(t.deps.users.createUser({ ...valid, password: 'x'.repeat(257) }), 'ERR_PASSWORD_TOO_LONG');
    await rejectsWithCode(t.deps.users.createUser({ ...valid, email: 'TAKEN@news.example' }), 'ERR_EMAIL_TAKEN');
    await rejectsWithCode(t.deps.users.createUser({ ...valid, email: 'not-an-address' }), 'ERR_EMAIL_INVALID');
    await rejectsWithCode(t.deps.users.createUser({ ...valid, email: 'a@b@c.example' }), 'ERR_EMAIL_INVALID');
    await rejectsWithCode(t.deps.users.createUser({ ...valid, displayName: '   ' }), 'ERR_DISPLAY_NAME_INVALID');
    await rejectsWithCode(t.deps.users.createUser({ ...valid, role: 'owner' }), 'ERR_ROLE_UNKNOWN');
    assert.equal(await countUsers(t.deps.db), usersBefore);
    assert.equal(await auditCount(), auditBefore);
  });

  it('verifies credentials: right password yes; wrong password, unknown e-mail and deactivated account no', async () => {
    const { user, password } = await t.factories.staff({ email: 'verify@news.example' });
    assert.equal((await t.deps.users.verifyCredentials('Verify@News.example', password))?.id, user.id);
    assert.equal(await t.deps.users.verifyCredentials('verify@news.example', `${password}x`), null);
    assert.equal(await t.deps.users.verifyCredentials('nobody@news.example', password), null);
    assert.equal(await t.deps.users.verifyCredentials('verify@news.example', ''), null);
    await t.deps.users.deactivate(user.id, null);
    assert.equal(await t.deps.users.verifyCredentials('verify@news.example', password), null);
  });

  it('changes a password only with the current one, and refuses a short new one', async () => {
    const { user, password } = await t.factories.staff();
    await rejectsWithCode(t.deps.users.changePassword(user.id, 'wrong password!', 'another long password'), 'ERR_PASSWORD_INCORRECT');
    await rejectsWithCode(t.deps.users.changePassword(user.id, password, 'short'), 'ERR_PASSWORD_TOO_SHORT');
    assert.ok(await t.deps.users.verifyCredentials(user.email, password), 'unchanged after the refusals');
    await t.deps.users.changePassword(user.id, password, 'another long password');
    assert.equal(await t.deps.users.verifyCredentials(user.email, password), null);
    assert.ok(await t.deps.users.verifyCredentials(user.email, 'another long password'));
  });

  it('changes roles only to known ones, and audits the change', async () => {
    const { user } = await t.factories.staff({ role: 'contributor' });
    await rejectsWithCode(t.deps.users.changeRole(user.id, 'superuser', null), 'ERR_ROLE_UNKNOWN');
    await rejectsWithCode(t.deps.users.changeRole('no-such-user', 'editor', null), 'ERR_USER_NOT_FOUND');
    assert.equal((await t.deps.users.changeRole(user.id, 'editor', null)).role, 'editor');
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'staff.role_changed' });
    assert.deepEqual(entry?.details, { from: 'contributor', to: 'editor' });
  });

  it('creates the first admin only while there are no staff accounts', async () => {
    const fresh = await createTestApp();
    try {
      const created = await fresh.deps.users.createFirstAdminIfNone('admin@dateline.local');
      assert.ok(created);
      assert.equal(created.user.role, 'admin');
      assert.equal(created.password.length, 20);
      assert.ok(await fresh.deps.users.verifyCredentials('admin@dateline.local', created.password));
      assert.equal(await fresh.deps.users.createFirstAdminIfNone('admin@dateline.local'), null);
      assert.equal(await countUsers(fresh.deps.db), 1);
    } finally {
      await fresh.close();
    }
  });
});
