import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rejectsWithCode as assertAppError } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { API_KEY_CACHE_TTL_MS, API_KEY_TOUCH_INTERVAL_MS, hashApiKey } from './api-key.service.js';

describe('API keys', () => {
  let t: TestApp;
  let adminId: string;
  before(async () => {
    t = await createTestApp();
    adminId = (await t.factories.staff({ role: 'admin' })).user.id;
  });
  after(() => t.close());

  it('makes a key, keeps only its hash and prefix, and audits it', async () => {
    const { key, apiKey } = await t.deps.apiKeys.create('  Wire partner  ', adminId);
    assert.match(key, /^dl_live_[A-Za-z0-9_-]{43}$/);
    assert.equal(apiKey.name, 'Wire partner');
    assert.equal(apiKey.prefix, key.slice(0, 12));
    const row = await t.deps.db.selectFrom('api_keys').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow();
    assert.equal(row.key_hash, hashApiKey(key));
    assert.ok(!Object.values(row).includes(key), 'the key itself is not stored');
    const audit = await t.deps.audit.list({ limit: 10, action: 'api_key.created' });
    assert.equal(audit[0]?.subjectId, apiKey.id);
    assert.ok(!JSON.stringify(audit).includes(key.slice(12)), 'the audit log holds no more than the prefix');
    const listed = await t.deps.apiKeys.list();
    assert.ok(listed.some((listedKey) => listedKey.id === apiKey.id && listedKey.revokedAt === null));
  });

  it('refuses names that are empty, too long or have control characters; nothing is stored', async () => {
    const before = (await t.deps.apiKeys.list()).length;
    for (const name of ['', '   ', 'x'.repeat(101)]) {
      await assertAppError(t.deps.apiKeys.create(name, adminId), 'ERR_API_KEY_NAME_INVALID');
    }
    // Characters follow the rule every text field does (src/shared/text.ts), under its own code.
    for (const name of ['tab\there', 'nul\u0000', 'csi\u009B', 'lone\uD800']) {
      await assertAppError(t.deps.apiKeys.create(name, adminId), 'ERR_TEXT_INVALID_CHARACTERS');
    }
    await t.deps.apiKeys.create('ü'.repeat(100), adminId);
    assert.equal((await t.deps.apiKeys.list()).length, before + 1);
  });

  it('verifies keys: missing, malformed, unknown and revoked are told apart', async () => {
    const { key, apiKey } = await t.deps.apiKeys.create('Verify', adminId);
    assert.equal((await t.deps.apiKeys.verify(key)).id, apiKey.id);
    await assertAppError(t.deps.apiKeys.verify(undefined), 'ERR_API_KEY_REQUIRED');
    await assertAppError(t.deps.apiKeys.verify('nonsense'), 'ERR_API_KEY_INVALID');
    await assertAppError(t.deps.apiKeys.verify(`dl_live_${'A'.repeat(43)}`), 'ERR_API_KEY_INVALID');
    await t.deps.apiKeys.revoke(apiKey.id, adminId);
    // Cached a moment ago, yet refused at once: revoking drops the cache entry.
    await assertAppError(t.deps.apiKeys.verify(key), 'ERR_API_KEY_REVOKED');
    await assertAppError(t.deps.apiKeys.revoke(apiKey.id, adminId), 'ERR_API_KEY_ALREADY_REVOKED');
    await assertAppError(t.deps.apiKeys.revoke('00000000-0000-0000-0000-000000000000', adminId), 'ERR_API_KEY_NOT_FOUND');
    const audit = await t.deps.audit.list({ limit: 10, action: 'api_key.revoked' });
    assert.equal(audit[0]?.subjectId, apiKey.id);
  });

  it('writes last_used_at at most once a minute per key', async () => {
    const { key, apiKey } = await t.deps.apiKeys.create('Touch', adminId);
    const lastUsed = async () => (await t.deps.apiKeys.list()).find((listed) => listed.id === apiKey.id)?.lastUsedAt?.toISOString();
    await t.deps.apiKeys.verify(key);
    const first = await lastUsed();
    assert.equal(first, t.clock.now().toISOString());
    t.clock.advance(API_KEY_TOUCH_INTERVAL_MS - 1000);
    await t.deps.apiKeys.verify(key);
    assert.equal(await lastUsed(), first, 'not written again within the minute');
    t.clock.advance(Math.max(1000, API_KEY_CACHE_TTL_MS));
    await t.deps.apiKeys.verify(key);
    assert.equal(await lastUsed(), t.clock.now().toISOString());
  });

  it('notices a revocation made elsewhere once its cache entry expires', async () => {
    const { key, apiKey } = await t.deps.apiKeys.create('Elsewhere', adminId);
    await t.deps.apiKeys.verify(key);
    // Another process revoking: a write this process's cache does not see.
    await t.deps.db.updateTable('api_keys').set({ revoked_at: t.clock.now().toISOString() }).where('id', '=', apiKey.id).execute();
    await t.deps.apiKeys.verify(key);
    t.clock.advance(API_KEY_CACHE_TTL_MS);
    await assertAppError(t.deps.apiKeys.verify(key), 'ERR_API_KEY_REVOKED');
  });
});
