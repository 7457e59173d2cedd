import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inTransaction } from '../../db/database.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { importRedirects } from './redirect-import.service.js';

describe('importRedirects', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const rows = () => t.deps.db.selectFrom('redirects').selectAll().orderBy('path').execute();

  it('stores an archive’s old links in bulk inside the importer’s transaction; a second run changes nothing', async () => {
    const entries = [
      { path: '/2024/05/31/Harbour-Reopens/', target: '/article/harbour-reopens' },
      { path: 'https://old.example/?p=123', target: '/article/harbour-reopens' },
      { path: '/harbour-reopens', target: 'https://news.example/article/harbour-reopens' },
      { path: '/?cat=4', target: '/section/world' },
    ];
    const first = await inTransaction(t.deps.db, (trx) => importRedirects(trx, entries, { siteUrl: 'https://news.example' }));
    assert.deepEqual(first, { added: 4, alreadyPresent: 0, refused: [] });
    const stored = await rows();
    assert.deepEqual(
      stored.map((row) => [row.path, row.target, row.origin]),
      [
        ['/2024/05/31/harbour-reopens', '/article/harbour-reopens', 'import'],
        ['/?cat=4', '/section/world', 'import'],
        ['/?p=123', '/article/harbour-reopens', 'import'],
        ['/harbour-reopens', '/article/harbour-reopens', 'import'],
      ],
    );
    const second = await inTransaction(t.deps.db, (trx) => importRedirects(trx, entries, { siteUrl: 'https://news.example' }));
    assert.deepEqual(second, { added: 0, alreadyPresent: 4, refused: [] });
    assert.deepEqual(await rows(), stored, 'running an import twice changes nothing');
  });

  it('lets the first writer win: what is stored, then the first of the same path in the list', async () => {
    await t.deps.redirects.add('/kept-by-newsroom', '/article/newsroom-choice', (await t.factories.staffUser({ role: 'admin' })).id);
    const result = await importRedirects(t.deps.db, [
      { path: '/kept-by-newsroom', target: '/article/import-choice' },
      { path: '/twice', target: '/article/first' },
      { path: '/Twice/', target: '/article/second' },
    ]);
    assert.deepEqual(result, { added: 1, alreadyPresent: 2, refused: [] });
    assert.equal(await t.deps.redirects.resolve('/kept-by-newsroom'), '/article/newsroom-choice');
    assert.equal(await t.deps.redirects.resolve('/twice'), '/article/first');
  });

  it('refuses what the newsroom would refuse, loops of two included, and stores the rest', async () => {
    await importRedirects(t.deps.db, [{ path: '/stored-a', target: '/stored-b' }]);
    const result = await importRedirects(t.deps.db, [
      { path: 'no-slash', target: '/article/x' },
      { path: '/article/served', target: '/article/x' },
      { path: '/fine', target: 'javascript:alert(1)' },
      { path: '/self', target: '/Self/' },
      { path: '/stored-b', target: '/stored-a' },
      { path: '/list-a', target: '/list-b' },
      { path: '/list-b', target: '/list-a' },
      { path: '/good', target: '/article/good' },
    ]);
    assert.equal(result.added, 2);
    assert.deepEqual(
      result.refused.map((refusal) => [refusal.path, refusal.code]),
      [
        ['no-slash', 'ERR_REDIRECT_PATH_INVALID'],
        ['/article/served', 'ERR_REDIRECT_PATH_SERVED'],
        ['/fine', 'ERR_REDIRECT_TARGET_INVALID'],
        ['/self', 'ERR_REDIRECT_TO_ITSELF'],
        ['/stored-b', 'ERR_REDIRECT_LOOP'],
        ['/list-b', 'ERR_REDIRECT_LOOP'],
      ],
    );
    assert.equal(await t.deps.redirects.resolve('/list-a'), '/list-b');
    assert.equal(await t.deps.redirects.resolve('/good'), '/article/good');
  });

  it('writes nothing when the importer’s transaction rolls back', async () => {
    const before = await rows();
    await assert.rejects(
      inTransaction(t.deps.db, async (trx) => {
        await importRedirects(trx, [{ path: '/rolled-back', target: '/article/x' }]);
        throw new Error('the import failed later');
      }),
    );
    assert.deepEqual(await rows(), before);
  });

  it('handles more entries than one statement takes, in a fixed number of statements per chunk', async () => {
    const entries = Array.from({ length: 1200 }, (_, i) => ({ path: `/bulk/${i}`, target: `/article/bulk-${i}` }));
    const { result, statements } = await t.deps.database.statements.record(() => importRedirects(t.deps.db, entries));
    assert.deepEqual(result, { added: 1200, alreadyPresent: 0, refused: [] });
    // Per 500: one read of what is stored (paths and the addresses they lead to), one insert, one 404-log delete.
    assert.ok(statements.length <= 3 * 6, `${statements.length} statements`);
    assert.equal(await t.deps.redirects.resolve('/bulk/1199/'), '/article/bulk-1199');
  });
});
