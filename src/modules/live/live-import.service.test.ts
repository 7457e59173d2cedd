import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inTransaction } from '../../db/database.js';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { importLiveCoverage, LIVE_IMPORT_USER_ID } from './live-import.service.js';

const MINUTE = 60_000;

describe('live coverage import (the demo, archives)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const at = (minutes: number) => new Date(t.clock.now().getTime() - 180 * MINUTE + minutes * MINUTE);
  const update = (
    markdown: string,
    minutes: number,
    extra: Partial<{ keyEvent: boolean; pinned: boolean; editedAt: Date; userId: string }> = {},
  ) => ({
    markdown,
    authorName: 'Park Min-ji',
    authorId: null,
    keyEvent: false,
    pinned: false,
    createdAt: at(minutes),
    ...extra,
  });

  it('writes updates in creation order, then edits, key points and the ending, as if posted change by change', async () => {
    const id = (await t.factories.article({ typeLabel: 'News' })).id;
    const figure = await t.factories.media();
    // Given out of order: the import numbers them by creation time.
    const ids = await inTransaction(t.deps.db, (trx) =>
      importLiveCoverage(trx, {
        articleId: id,
        summary: ['Polls closed at 8 p.m.', 'Counting is under way'],
        endedAt: at(120),
        updates: [
          update('Counting began.', 30, { keyEvent: true, editedAt: at(50) }),
          update('Polls opened at **6 a.m.** — [turnout](https://example.com/turnout).', 0, { pinned: true }),
          update(`> We are ready.\n>\n> — Chair of the commission\n\n[[figure:${figure}]]`, 10, { userId: 'staff-1' }),
        ],
      }),
    );
    const [counting, opened, ready] = ids;
    assert.ok(counting && opened && ready);
    const page = await t.deps.live.page(id);
    assert.deepEqual(page.coverage.summary, ['Polls closed at 8 p.m.', 'Counting is under way']);
    // 3 posts (1–3, by creation time), the edit (4), the key points (5), the ending (6).
    assert.equal(page.coverage.lastSequence, 6);
    assert.equal(page.coverage.summarySequence, 5);
    assert.equal(page.coverage.endedSequence, 6);
    assert.equal(page.coverage.endedAt?.getTime(), at(120).getTime());
    assert.deepEqual(
      page.pinned.map((u) => u.id),
      [opened],
    );
    assert.deepEqual(
      page.updates.map((u) => [u.id, u.sequence]),
      [
        [counting, 4],
        [ready, 2],
      ],
    );
    assert.deepEqual(
      page.keyEvents.map((u) => u.id),
      [counting],
    );
    const [edited] = page.updates;
    assert.equal(edited?.editedAt?.getTime(), at(50).getTime());
    assert.equal(edited?.userId, LIVE_IMPORT_USER_ID);
    assert.equal(page.updates[1]?.userId, 'staff-1');
    assert.deepEqual(
      page.updates[1]?.body.map((block) => block.type),
      ['quote', 'figure'],
    );
    assert.deepEqual(page.pinned[0]?.body[0], {
      type: 'paragraph',
      content: [
        { text: 'Polls opened at ' },
        { text: '6 a.m.', marks: ['strong'] },
        { text: ' — ' },
        { text: 'turnout', href: 'https://example.com/turnout' },
        { text: '.' },
      ],
    });
    // A page's replay from any point agrees with the import.
    const replay = await t.deps.live.changesSince(id, 2);
    assert.ok(replay.kind === 'changes');
    assert.deepEqual(
      replay.updates.map((u) => u.id),
      [counting],
    );
    assert.equal(replay.summaryChanged, true);
    assert.equal(replay.ended, true);
  });

  it('keeps a live coverage open, with no key points when none are given', async () => {
    const id = (await t.factories.article({ typeLabel: 'Live' })).id;
    await inTransaction(t.deps.db, (trx) => importLiveCoverage(trx, { articleId: id, summary: [], endedAt: null, updates: [update('First.', 0)] }));
    const coverage = await t.deps.live.coverage(id);
    assert.deepEqual([coverage.lastSequence, coverage.summarySequence, coverage.endedSequence, coverage.endedAt], [1, 0, 0, null]);
    // Still live: the newsroom posts on from the imported counter.
    const next = await t.deps.live.post({ userId: 'u', displayName: 'Editor', authorId: null, authorName: null, canManage: true }, id, {
      text: 'Second.',
    });
    assert.equal(next.sequence, 2);
  });

  it('refuses what the composer refuses, writing nothing', async () => {
    const id = (await t.factories.article({ typeLabel: 'Live' })).id;
    const attempt = (updates: Array<ReturnType<typeof update>>) =>
      inTransaction(t.deps.db, (trx) => importLiveCoverage(trx, { articleId: id, summary: [], endedAt: null, updates }));
    await rejectsWithCode(attempt([update('Fine.', 0), update('   ', 1)]), 'ERR_LIVE_UPDATE_EMPTY');
    await rejectsWithCode(attempt([update('x'.repeat(5001), 0)]), 'ERR_LIVE_UPDATE_TOO_LONG');
    await assert.rejects(attempt([update('[[figure:no-such-picture]]', 0)]), /unknown figure/);
    assert.equal((await t.deps.live.page(id)).updates.length, 0);
    assert.equal((await t.deps.live.coverage(id)).lastSequence, 0);
  });
});
