import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { REDIRECTS_PAGE_SIZE } from './redirect.service.js';

describe('RedirectService', () => {
  let t: TestApp;
  let adminId: string;
  before(async () => {
    t = await createTestApp();
    adminId = (await t.factories.staffUser({ role: 'admin' })).id;
  });
  after(() => t.close());

  const rows = () => t.deps.db.selectFrom('redirects').selectAll().orderBy('path').execute();

  it('adds a redirect under its normalised path, audited in the same change, and resolves every spelling', async () => {
    const redirect = await t.deps.redirects.add('  /2024/05/31/Harbour-Reopens/  ', '/article/harbour-reopens', adminId);
    assert.deepEqual(
      { path: redirect.path, target: redirect.target, origin: redirect.origin },
      { path: '/2024/05/31/harbour-reopens', target: '/article/harbour-reopens', origin: 'newsroom' },
    );
    for (const spelling of ['/2024/05/31/harbour-reopens', '/2024/05/31/Harbour-Reopens/', '/2024/05/31/harbour-reopens?utm_source=x']) {
      assert.equal(await t.deps.redirects.resolve(spelling), '/article/harbour-reopens', spelling);
    }
    assert.equal(await t.deps.redirects.resolve('/2024/05/31/other'), null);
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'redirect.added' });
    assert.equal(entry?.actorUserId, adminId);
    assert.deepEqual(entry?.details, { path: '/2024/05/31/harbour-reopens', target: '/article/harbour-reopens' });
  });

  it('keeps a full address elsewhere as it is, and one on this site as its path', async () => {
    await t.deps.redirects.add('/old-partner', 'https://partner.example/story?id=4', adminId);
    assert.equal(await t.deps.redirects.resolve('/old-partner/'), 'https://partner.example/story?id=4');
    const own = await t.deps.redirects.add('/old-own', 'https://news.example/section/world', adminId);
    assert.equal(own.target, '/section/world');
  });

  it('resolves WordPress links on the home page, and on another path falls back to the path alone, in one statement', async () => {
    await t.deps.redirects.add('/?p=123', '/article/p-123', adminId);
    await t.deps.redirects.add('/old/page', '/article/old-page', adminId);
    assert.equal(await t.deps.redirects.resolve('/?p=123&utm_source=x'), '/article/p-123');
    assert.equal(await t.deps.redirects.resolve('/index.php?p=0123'), '/article/p-123');
    assert.equal(await t.deps.redirects.resolve('/?p=124'), null);
    const { result, statements } = await t.deps.database.statements.record(() => t.deps.redirects.resolve('/old/page/?p=9'));
    assert.equal(result, '/article/old-page');
    assert.equal(statements.length, 1);
    const served = await t.deps.database.statements.record(() => t.deps.redirects.resolve('/article/anything'));
    assert.equal(served.result, null);
    assert.equal(served.statements.length, 0, 'nothing is read for a path Dateline serves');
  });

  it('refuses bad paths and addresses with a coded 4xx, writing nothing', async () => {
    const before = await rows();
    const refusals: Array<[string, string, Parameters<typeof rejectsWithCode>[1]]> = [
      ['', '/article/x', 'ERR_REDIRECT_PATH_INVALID'],
      ['old-story', '/article/x', 'ERR_REDIRECT_PATH_INVALID'],
      ['//evil.example/x', '/article/x', 'ERR_REDIRECT_PATH_INVALID'],
      [`/${'x'.repeat(600)}`, '/article/x', 'ERR_REDIRECT_PATH_INVALID'],
      ['/', '/article/x', 'ERR_REDIRECT_PATH_SERVED'],
      ['/?utm_source=x', '/article/x', 'ERR_REDIRECT_PATH_SERVED'],
      ['/article/old', '/article/new', 'ERR_REDIRECT_PATH_SERVED'],
      ['/newsroom/x', '/article/new', 'ERR_REDIRECT_PATH_SERVED'],
      ['/api/v1/articles', '/article/new', 'ERR_REDIRECT_PATH_SERVED'],
      ['/about', '/article/new', 'ERR_REDIRECT_PATH_SERVED'],
      ['/gone', '', 'ERR_REDIRECT_TARGET_INVALID'],
      ['/gone', 'article/x', 'ERR_REDIRECT_TARGET_INVALID'],
      ['/gone', '//evil.example/', 'ERR_REDIRECT_TARGET_INVALID'],
      ['/gone', 'javascript:alert(1)', 'ERR_REDIRECT_TARGET_INVALID'],
      ['/gone', 'mailto:desk@news.example', 'ERR_REDIRECT_TARGET_INVALID'],
      ['/gone', '/Gone/', 'ERR_REDIRECT_TO_ITSELF'],
      ['/gone', 'https://news.example/gone', 'ERR_REDIRECT_TO_ITSELF'],
      ['/go\nne', '/article/x', 'ERR_TEXT_INVALID_CHARACTERS'],
      ['/gone\u0000', '/article/x', 'ERR_TEXT_INVALID_CHARACTERS'],
      ['/gone', '/article/x\u0085', 'ERR_TEXT_INVALID_CHARACTERS'],
    ];
    for (const [path, target, code] of refusals) {
      await rejectsWithCode(t.deps.redirects.add(path, target, adminId), code).catch((error: unknown) => {
        throw new Error(`${JSON.stringify(path)} → ${JSON.stringify(target)}: ${String(error)}`);
      });
    }
    assert.deepEqual(await rows(), before);
  });

  it('refuses a second redirect for a path and a loop of two; nothing is written or audited', async () => {
    await t.deps.redirects.add('/loop-a', '/loop-b', adminId);
    const audited = (await t.deps.audit.list({ limit: 100, action: 'redirect.added' })).length;
    await rejectsWithCode(t.deps.redirects.add('/Loop-A/', '/elsewhere', adminId), 'ERR_REDIRECT_EXISTS');
    await rejectsWithCode(t.deps.redirects.add('/loop-b', '/LOOP-A/', adminId), 'ERR_REDIRECT_LOOP');
    await rejectsWithCode(t.deps.redirects.add('/loop-b', 'https://news.example/loop-a?utm=x', adminId), 'ERR_REDIRECT_LOOP');
    assert.equal(await t.deps.redirects.resolve('/loop-b'), null);
    assert.equal((await t.deps.audit.list({ limit: 100, action: 'redirect.added' })).length, audited);
    // A chain is fine: /loop-c → /loop-a → /loop-b.
    await t.deps.redirects.add('/loop-c', '/loop-a', adminId);
  });

  it('removes a redirect by any spelling of its path, audited; an unknown one is a 404', async () => {
    await t.deps.redirects.add('/to-remove', '/article/x', adminId);
    const removed = await t.deps.redirects.remove('/To-Remove/', adminId);
    assert.equal(removed.target, '/article/x');
    assert.equal(await t.deps.redirects.resolve('/to-remove'), null);
    const [entry] = await t.deps.audit.list({ limit: 1, action: 'redirect.removed' });
    assert.deepEqual(entry?.details, { path: '/to-remove', target: '/article/x' });
    await rejectsWithCode(t.deps.redirects.remove('/to-remove', adminId), 'ERR_REDIRECT_NOT_FOUND');
  });

  it('lists 50 a page, newest first, and searches by old path (wildcards are literal)', async () => {
    for (let i = 0; i < 55; i++) {
      t.clock.advance(1000);
      await t.deps.redirects.add(`/listing/${String(i).padStart(2, '0')}`, '/article/x', adminId);
    }
    await t.deps.redirects.add('/100%_off', '/article/sale', adminId);
    const first = await t.deps.redirects.list({ search: 'listing', page: 1 });
    assert.equal(first.redirects.length, REDIRECTS_PAGE_SIZE);
    assert.equal(first.pagination.totalItems, 55);
    assert.equal(first.pagination.totalPages, 2);
    assert.equal(first.redirects[0]?.path, '/listing/54');
    const second = await t.deps.redirects.list({ search: 'LISTING/0', page: 2 });
    assert.equal(second.pagination.totalItems, 10);
    assert.equal(second.redirects.length, 0);
    assert.deepEqual(
      (await t.deps.redirects.list({ search: '%_', page: 1 })).redirects.map((redirect) => redirect.path),
      ['/100%_off'],
    );
    assert.equal((await t.deps.redirects.list({ search: '', page: 1 })).redirects.length, REDIRECTS_PAGE_SIZE);
  });
});
