import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { JobRunner } from '../../shared/jobs/job-runner.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import type { Actor } from './article-editing.service.js';
import { findStoryState } from './article-editing.repository.js';
import { ScheduledPublisher } from './scheduled-publisher.js';
import { scheduledPublishJob } from './scheduled-publish.job.js';

describe('scheduled publishing', () => {
  let t: TestApp;
  let editor: Actor;
  before(async () => {
    t = await createTestApp();
    editor = await t.factories.staffUser({ role: 'editor' });
  });
  after(() => t.close());

  const scheduleStory = async (slug: string, inMs: number) => {
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ slug }));
    await t.deps.editing.schedule(editor, id, new Date(t.clock.now().getTime() + inMs));
    return id;
  };
  const scheduledPublications = async (id: string) =>
    (await t.deps.audit.list({ limit: 1000, action: 'story.published' })).filter((entry) => entry.subjectId === id);

  it('publishes a story when its time comes, exactly once even when two checks run at once', async () => {
    const id = await scheduleStory('on-time', 30 * 60_000);
    assert.deepEqual(await t.deps.publisher.publishDue(), []);
    assert.equal((await t.app.inject('/article/on-time')).statusCode, 404);

    t.clock.advance(30 * 60_000);
    const [first, second] = await Promise.all([t.deps.publisher.publishDue(), t.deps.publisher.publishDue()]);
    assert.deepEqual([...(first ?? []), ...(second ?? [])], [id]);
    assert.deepEqual(await t.deps.publisher.publishDue(), []);

    const story = await findStoryState(t.deps.db, id);
    assert.equal(story?.status, 'published');
    // It keeps its scheduled time as its publication time.
    assert.equal(story?.publishedAt?.toISOString(), t.clock.now().toISOString());
    assert.equal((await scheduledPublications(id)).length, 1);
    assert.equal((await scheduledPublications(id))[0]?.actorUserId, null);
    assert.equal((await t.app.inject('/article/on-time')).statusCode, 200);
  });

  it('two publishers (two nodes) racing on one database publish each due story exactly once', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 8; n += 1) ids.push(await scheduleStory(`two-nodes-${n}`, 10 * 60_000));
    t.clock.advance(10 * 60_000);
    // No lock between them: each story's conditional UPDATE is won by one transaction only.
    const a = new ScheduledPublisher(t.deps.db, t.deps.clock, t.deps.events, t.deps.audit);
    const b = new ScheduledPublisher(t.deps.db, t.deps.clock, t.deps.events, t.deps.audit);
    const published = (await Promise.all([a.publishDue(), b.publishDue(), a.publishDue(), b.publishDue()])).flat();
    assert.deepEqual([...published].sort(), [...ids].sort(), 'each story once, none twice');
    for (const id of ids) assert.equal((await scheduledPublications(id)).length, 1);
  });

  it('leaves stories that are not due, or not scheduled, alone', async () => {
    const later = await scheduleStory('much-later', 5 * HOUR_MS);
    const draft = await t.deps.editing.createDraft(editor, await t.factories.articleInput());
    t.clock.advance(HOUR_MS);
    assert.deepEqual(await t.deps.publisher.publishDue(), []);
    assert.equal((await findStoryState(t.deps.db, later))?.status, 'scheduled');
    assert.equal((await findStoryState(t.deps.db, draft))?.status, 'draft');
  });

  it('after a restart, publishes at once what fell due while the server was down', async () => {
    const id = await scheduleStory('while-down', HOUR_MS);
    // The server is down across the publishing time; a new publisher and its job (as a fresh start builds) start.
    t.clock.advance(3 * HOUR_MS);
    const restarted = new ScheduledPublisher(t.deps.db, t.deps.clock, t.deps.events, t.deps.audit);
    const jobs = new JobRunner({ clock: t.clock, locks: t.deps.cluster });
    jobs.register(scheduledPublishJob(restarted));
    const changed = new Promise<string[]>((resolve) => {
      t.deps.events.on('story.published', (event) => {
        if (event.articleIds.includes(id) && event.scheduled) resolve(event.articleIds);
      });
    });
    jobs.start();
    try {
      assert.deepEqual(await changed, [id]);
    } finally {
      await jobs.stop();
    }
    assert.equal((await findStoryState(t.deps.db, id))?.status, 'published');
    assert.equal((await t.app.inject('/article/while-down')).statusCode, 200);
  });
});
