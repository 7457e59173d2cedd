import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { JobRunner } from '../../shared/jobs/job-runner.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { SESSION_IDLE_MS } from './session.service.js';
import { SESSION_PURGE_JOB, sessionPurgeJob } from './session-purge.job.js';

describe('the session purge job', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const staffSessionIds = async (userId: string) =>
    (await t.deps.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).map((row) => row.id);
  const readerSessionCount = async (readerId: string) =>
    (await t.deps.db.selectFrom('reader_sessions').select('id').where('reader_id', '=', readerId).execute()).length;

  it('deletes expired staff and reader sessions and keeps the live ones', async () => {
    const { user } = await t.factories.staff();
    const expired = await t.deps.sessions.create(user.id);
    const expiredReader = await t.factories.reader();
    t.clock.advance(SESSION_IDLE_MS + 1_000);
    const live = await t.deps.sessions.create(user.id);
    const liveReader = await t.factories.reader();
    assert.deepEqual((await staffSessionIds(user.id)).sort(), [expired.id, live.id].sort(), 'an expired session stays until purged');

    await t.deps.jobs.run(SESSION_PURGE_JOB);

    assert.deepEqual(await staffSessionIds(user.id), [live.id]);
    assert.equal(await readerSessionCount(expiredReader.reader.id), 0);
    assert.equal(await readerSessionCount(liveReader.reader.id), 1);
    assert.equal((await t.deps.sessions.resolve(live.token))?.user.id, user.id, 'the live session still works');
    const status = t.deps.jobs.statuses().find((job) => job.name === SESSION_PURGE_JOB);
    assert.deepEqual([status?.everyMs, status?.atStart, status?.leaderOnly, status?.runs, status?.failures], [HOUR_MS, true, true, 1, 0]);
  });

  it('purges nothing on a node that does not hold the lock (another node purges)', async () => {
    const { user } = await t.factories.staff();
    const expired = await t.deps.sessions.create(user.id);
    t.clock.advance(SESSION_IDLE_MS + 1_000);
    const follower = new JobRunner({ clock: t.clock, locks: { holdLock: async () => false } });
    follower.register(sessionPurgeJob(t.deps.sessions, t.deps.readerSessions));
    await follower.run(SESSION_PURGE_JOB);
    assert.deepEqual(await staffSessionIds(user.id), [expired.id]);
    await follower.stop();
  });
});
