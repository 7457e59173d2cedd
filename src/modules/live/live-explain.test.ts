import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LoggedStatement } from '../../db/database.js';
import { reviewPlan } from '../../testing/query-plans.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import type { LiveActor } from './live.types.js';

/**
 * Every statement live coverage issues on a reader's request (the page, a stream's replay, the
 * feed) and on a post reads by index, on a long coverage beside others: 20 live stories of 150
 * updates each, so one story's updates are a small part of the table.
 */
const STORIES = 20;
const UPDATES_EACH = 150;
const SMALL_TABLES = new Set(['sections', 'settings', 'users', 'kysely_migration', 'media_assets']);

describe('live coverage reads by index (EXPLAIN)', () => {
  let t: TestApp;
  let storyId = '';
  const reporter: LiveActor = {
    userId: '00000000-0000-4000-8000-0000000000aa',
    displayName: 'Reporter',
    authorId: null,
    authorName: null,
    canManage: true,
  };

  before(async () => {
    t = await createTestApp({ env: { PAGE_CACHE: '0' } });
    for (let s = 0; s < STORIES; s++) {
      const id = (await t.factories.article({ typeLabel: 'Live' })).id;
      storyId = id;
      const rows = Array.from({ length: UPDATES_EACH }, (_, i) => ({
        id: `${String(s).padStart(4, '0')}${String(i).padStart(4, '0')}-0000-4000-8000-000000000000`,
        article_id: id,
        sequence: i + 1,
        body: JSON.stringify([{ type: 'paragraph', content: [{ text: `Update ${i}` }] }]),
        source: `Update ${i}`,
        author_name: 'Reporter',
        user_id: reporter.userId,
        key_event: i % 10 === 0 ? 1 : 0,
        pinned: i === 3 ? 1 : 0,
        created_at: new Date(Date.UTC(2026, 10, 20, 0, 0, i)).toISOString(),
      }));
      await t.deps.db.insertInto('live_updates').values(rows).execute();
      await t.deps.db
        .insertInto('live_coverage')
        .values({ article_id: id, last_sequence: UPDATES_EACH, created_at: t.clock.now().toISOString() })
        .execute();
    }
    await t.deps.database.refreshStatistics();
  });
  after(async () => t?.close());

  it('no live statement scans the updates table or sorts a story’s whole coverage', async () => {
    const issued = new Map<string, LoggedStatement>();
    const record = async (work: () => Promise<unknown>) => {
      const { statements } = await t.deps.database.statements.record(work);
      for (const statement of statements) issued.set(statement.sql, statement);
    };
    const first = await t.deps.live.page(storyId);
    await record(() => t.deps.live.page(storyId));
    await record(() => t.deps.live.page(storyId, { before: first.olderCursor ?? undefined }));
    await record(() => t.deps.live.changesSince(storyId, UPDATES_EACH - 5));
    await record(() => t.deps.live.recentUpdates(storyId, 20));
    await record(() => t.deps.live.post(reporter, storyId, { text: 'A new one.' }));
    assert.ok(issued.size >= 6, `only ${issued.size} statements`);
    const failures: string[] = [];
    for (const statement of issued.values()) {
      if (!/live_/.test(statement.sql)) continue;
      const review = await reviewPlan(t.deps.db, t.deps.config.database.engine, statement, SMALL_TABLES);
      if (review.problems.length > 0) failures.push(`${statement.sql}\n${review.plan}\n  → ${review.problems.join('\n  → ')}`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));
  });
});
