import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { NOT_FOUND_LOG_FLUSH_JOB } from './not-found-log.job.js';
import { NOT_FOUND_LOG_MAX_PATHS, NOT_FOUND_STALE_AFTER_MS } from './not-found-log.service.js';

describe('the 404 log', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());
  beforeEach(async () => {
    await t.deps.jobs.run(NOT_FOUND_LOG_FLUSH_JOB);
    await t.deps.db.deleteFrom('not_found_paths').execute();
  });

  const flush = () => t.deps.jobs.run(NOT_FOUND_LOG_FLUSH_JOB);
  const count = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('not_found_paths')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );

  it('counts in memory, without touching the database, and writes on the flush, by normalised path', async () => {
    const { statements } = await t.deps.database.statements.record(async () => {
      for (const path of ['/Old-Story/', '/old-story', '/old-story?utm_source=x', '/?p=9', '/?p=9&x=1']) t.deps.notFoundLog.record(path);
    });
    assert.equal(statements.length, 0);
    assert.equal(await count(), 0);
    await flush();
    const logged = await t.deps.notFoundLog.mostHit(10);
    assert.deepEqual(
      logged.map((entry) => [entry.path, entry.hits]),
      [
        ['/old-story', 3],
        ['/?p=9', 2],
      ],
    );
    t.clock.advance(60_000);
    t.deps.notFoundLog.record('/old-story');
    await flush();
    const [again] = await t.deps.notFoundLog.mostHit(1);
    assert.equal(again?.hits, 4);
    assert.ok(again && again.lastSeenAt > again.firstSeenAt, 'the last time moves, the first stays');
  });

  it('ignores paths over 500 characters, and those Dateline serves', async () => {
    t.deps.notFoundLog.record(`/${'x'.repeat(500)}`);
    t.deps.notFoundLog.record('/article/gone');
    t.deps.notFoundLog.record('/newsroom/nothing');
    t.deps.notFoundLog.record(`/${'y'.repeat(499)}`);
    await flush();
    assert.deepEqual(
      (await t.deps.notFoundLog.mostHit(10)).map((entry) => entry.path.length),
      [500],
    );
  });

  it('stays bounded: 1,000 paths at most; when full only the paths it holds are counted', async () => {
    // A flood of made-up paths between two flushes: only the first 1,000 are even kept in memory.
    for (let i = 0; i < NOT_FOUND_LOG_MAX_PATHS + 500; i++) t.deps.notFoundLog.record(`/probe/${i}`);
    const { statements } = await t.deps.database.statements.record(flush);
    assert.ok(statements.length <= 12, `${statements.length} statements for a full batch`);
    assert.equal(await count(), NOT_FOUND_LOG_MAX_PATHS);

    t.deps.notFoundLog.record('/probe/5');
    t.deps.notFoundLog.record('/brand-new');
    await flush();
    assert.equal(await count(), NOT_FOUND_LOG_MAX_PATHS);
    const [top] = await t.deps.notFoundLog.mostHit(1);
    assert.deepEqual([top?.path, top?.hits], ['/probe/5', 2]);
    assert.equal(
      (await t.deps.notFoundLog.mostHit(NOT_FOUND_LOG_MAX_PATHS)).find((entry) => entry.path === '/brand-new'),
      undefined,
    );
  });

  it('makes room when full by forgetting paths unseen for 30 days', async () => {
    for (let i = 0; i < NOT_FOUND_LOG_MAX_PATHS; i++) t.deps.notFoundLog.record(`/stale/${i}`);
    await flush();
    t.clock.advance(NOT_FOUND_STALE_AFTER_MS + 1000);
    t.deps.notFoundLog.record('/stale/1');
    t.deps.notFoundLog.record('/fresh-link');
    await flush();
    assert.deepEqual((await t.deps.notFoundLog.mostHit(10)).map((entry) => entry.path).sort(), ['/fresh-link', '/stale/1']);
  });

  it('trims back to its bound when several nodes filled the last places at once', async () => {
    const now = t.clock.now().toISOString();
    const rows = Array.from({ length: NOT_FOUND_LOG_MAX_PATHS + 3 }, (_, i) => ({
      path: `/race/${i}`,
      hits: i + 1,
      first_seen_at: now,
      last_seen_at: now,
    }));
    for (let start = 0; start < rows.length; start += 250) {
      await t.deps.db
        .insertInto('not_found_paths')
        .values(rows.slice(start, start + 250))
        .execute();
    }
    t.deps.notFoundLog.record('/another');
    await flush();
    assert.equal(await count(), NOT_FOUND_LOG_MAX_PATHS);
    const paths = new Set((await t.deps.notFoundLog.mostHit(NOT_FOUND_LOG_MAX_PATHS)).map((entry) => entry.path));
    assert.ok(!paths.has('/race/0') && !paths.has('/race/2') && paths.has('/race/3'), 'the least asked-for went');
  });

  it('takes a path off the log once a redirect answers it', async () => {
    t.deps.notFoundLog.record('/now-redirected');
    t.deps.notFoundLog.record('/still-missing');
    await flush();
    const admin = await t.factories.staffUser({ role: 'admin' });
    await t.deps.redirects.add('/now-redirected/', '/article/x', admin.id);
    assert.deepEqual(
      (await t.deps.notFoundLog.mostHit(10)).map((entry) => entry.path),
      ['/still-missing'],
    );
  });
});
