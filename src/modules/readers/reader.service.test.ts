import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, recordingSleep, type TestApp } from '../../testing/test-app.js';
import { PASSWORD_CHECK_LIMITS } from '../users/index.js';
import { ReaderService, SIGN_UP_LIMIT, memoryReaderLimiters, validDisplayName } from './reader.service.js';

describe('ReaderService', () => {
  let t: TestApp;
  let readers: ReaderService;
  before(async () => {
    t = await createTestApp();
    readers = new ReaderService(
      t.deps.db,
      t.deps.clock,
      t.deps.readerSessions,
      memoryReaderLimiters(t.deps.clock),
      recordingSleep().sleep,
      t.deps.readerConfirmations,
      { signUpAttempt: async () => {} },
    );
  });
  after(() => t.close());

  it('stores the address lower-cased, the name trimmed and an argon2id hash, never the password', async () => {
    await readers.signUp({ displayName: ' Seo-yeon ', email: ' Seo@Mail.Example ', password: 'a long enough passphrase', ip: '10.0.0.1' });
    const row = await t.deps.db.selectFrom('readers').selectAll().where('email', '=', 'seo@mail.example').executeTakeFirstOrThrow();
    assert.equal(row.display_name, 'Seo-yeon');
    assert.equal(row.confirmed_at, null);
    assert.match(row.password_hash, /^\$argon2id\$/);
  });

  it('limits sign-ups per client address and hour', async () => {
    for (let i = 0; i < SIGN_UP_LIMIT.perIp; i++) {
      await readers.signUp({ displayName: `Flood ${i}`, email: `flood${i}@mail.example`, password: 'a long enough passphrase', ip: '10.0.0.9' });
    }
    await rejectsWithCode(
      readers.signUp({ displayName: 'One more', email: 'flood-more@mail.example', password: 'a long enough passphrase', ip: '10.0.0.9' }),
      'ERR_TOO_MANY_SIGN_UPS',
    );
    t.clock.advance(SIGN_UP_LIMIT.windowMs);
    await readers.signUp({ displayName: 'Later', email: 'flood-later@mail.example', password: 'a long enough passphrase', ip: '10.0.0.9' });
  });

  it('limits wrong current passwords on the account, from any address, so a borrowed session cannot guess it', async () => {
    const { reader, password } = await t.factories.reader();
    for (let i = 0; i < PASSWORD_CHECK_LIMITS.perAccount; i++)
      await rejectsWithCode(readers.deleteAccount(reader.id, 'wrong password!', `10.0.1.${i}`), 'ERR_PASSWORD_INCORRECT');
    await rejectsWithCode(readers.deleteAccount(reader.id, password, '10.0.2.1'), 'ERR_TOO_MANY_PASSWORD_ATTEMPTS');
    await rejectsWithCode(readers.changePassword(reader.id, password, 'another passphrase', '10.0.2.1'), 'ERR_TOO_MANY_PASSWORD_ATTEMPTS');
    assert.equal((await readers.find(reader.id))?.deleted, false);
  });

  it('lets a banned reader sign in', async () => {
    const { reader, password } = await t.factories.reader();
    await t.deps.db.updateTable('readers').set({ banned_at: t.clock.now().toISOString() }).where('id', '=', reader.id).execute();
    const result = await readers.signIn({ email: reader.email, password, ip: '10.0.0.3' });
    assert.equal(result.reader.banned, true);
  });

  it('accepts display names of 1 to 50 characters without control characters', () => {
    assert.equal(validDisplayName('  Jo  '), 'Jo');
    assert.equal(validDisplayName('😀'.repeat(50)).length, 100);
    for (const bad of ['', '  ', 'a'.repeat(51), 'tab\there', 'nul\u0000'])
      assert.throws(() => validDisplayName(bad), { code: 'ERR_READER_NAME_INVALID' });
  });
});
