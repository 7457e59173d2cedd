import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import type { ReaderPasswordResetService } from './reader-password-reset.service.js';

describe('ReaderPasswordResetService', () => {
  let t: TestApp;
  let resets: ReaderPasswordResetService;
  let adminId: string;
  before(async () => {
    t = await createTestApp();
    resets = t.deps.readerResets;
    adminId = (await t.factories.staff({ role: 'admin' })).user.id;
  });
  after(() => t.close());

  it('spends a link once, even when two uses race', async () => {
    const { reader } = await t.factories.reader();
    const { token } = await resets.create(reader.id, adminId);
    const results = await Promise.allSettled([resets.complete(token, 'first new passphrase'), resets.complete(token, 'second new passphrase')]);
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
    await rejectsWithCode(resets.open(token), 'ERR_READER_RESET_GONE');
  });

  it('leaves the link usable when the new password is refused', async () => {
    const { reader } = await t.factories.reader();
    const { token } = await resets.create(reader.id, adminId);
    await rejectsWithCode(resets.complete(token, 'short'), 'ERR_PASSWORD_TOO_SHORT');
    assert.equal((await resets.open(token)).readerId, reader.id);
  });

  it('makes no link for a deleted reader, and a deleted reader’s open link stops working', async () => {
    const { reader, password } = await t.factories.reader();
    const { token } = await resets.create(reader.id, adminId);
    await t.deps.readers.deleteAccount(reader.id, password, '192.0.2.1');
    await rejectsWithCode(resets.create(reader.id, adminId), 'ERR_READER_NOT_FOUND');
    await rejectsWithCode(resets.complete(token, 'a new passphrase here'), 'ERR_READER_RESET_GONE');
  });
});
