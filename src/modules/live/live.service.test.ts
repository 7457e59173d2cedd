import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import type { DomainEvent } from '../../shared/events.js';
import { LIVE_REPLAY_LIMIT } from './live.service.js';
import type { LiveActor } from './live.types.js';

describe('live coverage: updates, key points, the change counter', () => {
  let t: TestApp;
  const changes: DomainEvent[] = [];
  before(async () => {
    t = await createTestApp();
    t.deps.events.on('live.changed', (event) => void changes.push(event));
    t.deps.events.on('story.updated', (event) => void changes.push(event));
  });
  after(() => t.close());

  const actor = (userId: string, canManage = false, authorName: string | null = null): LiveActor => ({
    userId,
    displayName: `Staff ${userId.slice(0, 4)}`,
    authorId: null,
    authorName,
    canManage,
  });
  const liveStory = async () => (await t.factories.article({ typeLabel: 'Live' })).id;
  const updateCount = async (articleId: string) =>
    Number(
      (
        await t.deps.db
          .selectFrom('live_updates')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('article_id', '=', articleId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('posts updates newest first, each change taking the next sequence and raising live.changed', async () => {
    const id = await liveStory();
    const reporter = actor('00000000-0000-4000-8000-000000000001', false, 'Mina Park');
    changes.length = 0;
    const first = await t.deps.live.post(reporter, id, { text: 'Polls opened at **6 a.m.**' });
    t.clock.advance(60_000);
    const second = await t.deps.live.post(reporter, id, { text: '> Turnout looks high.\n>\n> — Election commission', keyEvent: true });
    assert.equal(first.sequence, 1);
    assert.equal(second.sequence, 2);
    assert.equal(first.authorName, 'Mina Park');
    assert.deepEqual(
      changes.map((event) => event.name === 'live.changed' && event.sequence),
      [1, 2],
    );
    const page = await t.deps.live.page(id);
    assert.deepEqual(
      page.updates.map((update) => update.id),
      [second.id, first.id],
    );
    assert.deepEqual(
      page.keyEvents.map((update) => update.id),
      [second.id],
    );
    assert.equal(page.coverage.lastSequence, 2);
    assert.equal(second.body[0]?.type, 'quote');
  });

  it('replays exactly what changed after a sequence: posts, edits and deletes', async () => {
    const id = await liveStory();
    const reporter = actor('00000000-0000-4000-8000-000000000002');
    const a = await t.deps.live.post(reporter, id, { text: 'First.' });
    const b = await t.deps.live.post(reporter, id, { text: 'Second.' });
    const seen = (await t.deps.live.coverage(id)).lastSequence;
    const c = await t.deps.live.post(reporter, id, { text: 'Third.' });
    await t.deps.live.edit(reporter, id, a.id, { text: 'First, corrected.' });
    await t.deps.live.remove(reporter, id, b.id);
    const replay = await t.deps.live.changesSince(id, seen);
    assert.equal(replay.kind, 'changes');
    if (replay.kind !== 'changes') return;
    assert.deepEqual(
      replay.updates.map((update) => [update.id, update.deletedAt !== null, update.editedAt !== null]),
      [
        [c.id, false, false],
        [a.id, false, true],
        [b.id, true, false],
      ],
    );
    assert.equal(replay.summaryChanged, false);
    const nothing = await t.deps.live.changesSince(id, replay.lastSequence);
    assert.deepEqual(nothing.kind === 'changes' && nothing.updates, []);
    // The page no longer lists the deleted one.
    assert.ok(!(await t.deps.live.page(id)).updates.some((update) => update.id === b.id));
  });

  it('answers a forged, future, negative or too old sequence with reset, never an error', async () => {
    const id = await liveStory();
    const reporter = actor('00000000-0000-4000-8000-000000000003');
    await t.deps.live.post(reporter, id, { text: 'Only one.' });
    for (const sequence of [Number.NaN, -1, 2, 1e12, 0.5]) {
      assert.equal((await t.deps.live.changesSince(id, sequence)).kind, 'reset', String(sequence));
    }
    assert.equal((await t.deps.live.changesSince(id, 0)).kind, 'changes');
    for (let i = 0; i < LIVE_REPLAY_LIMIT + 1; i++) await t.deps.live.setSummary(actor(reporter.userId, true), id, `Point ${i}`);
    assert.equal((await t.deps.live.changesSince(id, 0)).kind, 'reset', 'too far back');
    assert.equal((await t.deps.live.changesSince(id, 2)).kind, 'changes');
  });

  it('keeps key points and ends the coverage into an ordinary story that keeps its updates', async () => {
    const id = await liveStory();
    const editor = actor('00000000-0000-4000-8000-000000000004', true);
    await t.deps.live.post(editor, id, { text: 'Before the end.', pinned: 'on' });
    const coverage = await t.deps.live.setSummary(editor, id, '- Polls closed\n\n* Counting began\n');
    assert.deepEqual(coverage.summary, ['Polls closed', 'Counting began']);
    changes.length = 0;
    const ended = await t.deps.live.end(editor, id, 'Analysis');
    assert.ok(ended.endedAt);
    assert.deepEqual(
      changes.map((event) => event.name),
      ['live.changed', 'story.updated'],
    );
    const story = await t.deps.db.selectFrom('articles').select(['type_label']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(story.type_label, 'Analysis');
    const page = await t.deps.live.page(id);
    assert.equal(page.pinned.length, 1);
    const replay = await t.deps.live.changesSince(id, ended.lastSequence - 1);
    assert.equal(replay.kind === 'changes' && replay.ended, true);
    await rejectsWithCode(t.deps.live.post(editor, id, { text: 'Too late.' }), 'ERR_LIVE_ENDED');
    await rejectsWithCode(t.deps.live.edit(editor, id, page.pinned[0]!.id, { text: 'Too late.' }), 'ERR_LIVE_ENDED');
    await rejectsWithCode(t.deps.live.end(editor, id), 'ERR_LIVE_ENDED');
  });

  it('refuses updates on stories that are not live, not published, or unknown, and changes nothing', async () => {
    const reporter = actor('00000000-0000-4000-8000-000000000005');
    const news = (await t.factories.article({ typeLabel: 'News' })).id;
    const draft = (await t.factories.article({ typeLabel: 'Live', status: 'draft' })).id;
    const embargoed = (await t.factories.article({ typeLabel: 'Live', embargoUntil: new Date(t.clock.now().getTime() + 3_600_000) })).id;
    await rejectsWithCode(t.deps.live.post(reporter, news, { text: 'x' }), 'ERR_LIVE_NOT_LIVE');
    await rejectsWithCode(t.deps.live.post(reporter, draft, { text: 'x' }), 'ERR_LIVE_NOT_PUBLISHED');
    await rejectsWithCode(t.deps.live.post(reporter, embargoed, { text: 'x' }), 'ERR_LIVE_NOT_PUBLISHED');
    await rejectsWithCode(t.deps.live.post(reporter, '00000000-0000-4000-8000-00000000dead', { text: 'x' }), 'ERR_LIVE_STORY_NOT_FOUND');
    for (const articleId of [news, draft, embargoed]) assert.equal(await updateCount(articleId), 0);
  });

  it('refuses bad text with its code and writes nothing', async () => {
    const id = await liveStory();
    const reporter = actor('00000000-0000-4000-8000-000000000006');
    const refusals: Array<[unknown, Parameters<typeof rejectsWithCode>[1]]> = [
      ['', 'ERR_LIVE_UPDATE_EMPTY'],
      ['   \n\n ', 'ERR_LIVE_UPDATE_EMPTY'],
      [42, 'ERR_LIVE_UPDATE_EMPTY'],
      ['x'.repeat(5001), 'ERR_LIVE_UPDATE_TOO_LONG'],
      ['Bell \u0007 here', 'ERR_LIVE_UPDATE_INVALID_CHARACTERS'],
      ['Escape \u001b[31m', 'ERR_LIVE_UPDATE_INVALID_CHARACTERS'],
      ['Lone \ud800 surrogate', 'ERR_LIVE_UPDATE_INVALID_CHARACTERS'],
      ['[[figure:no-such-picture]]', 'ERR_LIVE_UPDATE_INVALID'],
    ];
    for (const [text, code] of refusals) await rejectsWithCode(t.deps.live.post(reporter, id, { text }), code);
    assert.equal(await updateCount(id), 0);
    assert.equal((await t.deps.live.coverage(id)).lastSequence, 0, 'no number taken by a refusal');
    assert.ok(await t.deps.live.post(reporter, id, { text: 'x'.repeat(5000) }), 'exactly at the limit');
    await rejectsWithCode(t.deps.live.setSummary(actor(reporter.userId, true), id, Array(11).fill('point').join('\n')), 'ERR_LIVE_SUMMARY_INVALID');
    await rejectsWithCode(t.deps.live.setSummary(actor(reporter.userId, true), id, 'y'.repeat(301)), 'ERR_LIVE_SUMMARY_INVALID');
    await rejectsWithCode(t.deps.live.end(actor(reporter.userId, true), id, 'Live'), 'ERR_LIVE_TYPE_INVALID');
    await rejectsWithCode(t.deps.live.end(actor(reporter.userId, true), id, 'Gossip'), 'ERR_LIVE_TYPE_INVALID');
  });

  it('lets reporters change only their own updates; editors any, the key points and the ending', async () => {
    const id = await liveStory();
    const mina = actor('00000000-0000-4000-8000-000000000007');
    const joon = actor('00000000-0000-4000-8000-000000000008');
    const editor = actor('00000000-0000-4000-8000-000000000009', true);
    const update = await t.deps.live.post(mina, id, { text: 'Mine.' });
    await rejectsWithCode(t.deps.live.edit(joon, id, update.id, { text: 'Not yours.' }), 'ERR_LIVE_NOT_YOURS');
    await rejectsWithCode(t.deps.live.remove(joon, id, update.id), 'ERR_LIVE_NOT_YOURS');
    await rejectsWithCode(t.deps.live.setSummary(joon, id, 'A point'), 'ERR_FORBIDDEN');
    await rejectsWithCode(t.deps.live.end(joon, id), 'ERR_FORBIDDEN');
    const edited = await t.deps.live.edit(editor, id, update.id, { text: 'Mine, corrected by the desk.' });
    assert.ok(edited.editedAt);
    assert.equal(edited.userId, mina.userId, 'the byline stays the reporter’s');
    await rejectsWithCode(t.deps.live.edit(editor, id, 'not-an-id', { text: 'x' }), 'ERR_LIVE_UPDATE_NOT_FOUND');
    await t.deps.live.remove(mina, id, update.id);
    await rejectsWithCode(t.deps.live.remove(mina, id, update.id), 'ERR_LIVE_UPDATE_NOT_FOUND');
  });

  it('pages through a long coverage with a cursor, a forged cursor giving the first page', async () => {
    const id = await liveStory();
    const reporter = actor('00000000-0000-4000-8000-00000000000a');
    for (let i = 0; i < 53; i++) {
      await t.deps.live.post(reporter, id, { text: `Update ${i}` });
      t.clock.advance(1000);
    }
    const first = await t.deps.live.page(id);
    assert.equal(first.updates.length, 50);
    assert.ok(first.olderCursor);
    const older = await t.deps.live.page(id, { before: first.olderCursor });
    assert.deepEqual(
      older.updates.map((update) => update.source),
      ['Update 2', 'Update 1', 'Update 0'],
    );
    assert.equal(older.olderCursor, null);
    assert.equal((await t.deps.live.page(id, { before: "'; drop table x" })).updates.length, 50);
  });

  it('gives reporters posting at once distinct, gapless sequences', async () => {
    const id = await liveStory();
    const posts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.deps.live.post(actor(`00000000-0000-4000-8000-0000000001${i}0`), id, { text: `Together ${i}` })),
    );
    assert.deepEqual(
      posts.map((update) => update.sequence).sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    const replay = await t.deps.live.changesSince(id, 0);
    assert.equal(replay.kind === 'changes' && replay.updates.length, 8);
  });

  it('writes an audit entry for each change', async () => {
    const id = await liveStory();
    const editor = actor('00000000-0000-4000-8000-00000000000b', true);
    const update = await t.deps.live.post(editor, id, { text: 'Audited.' });
    await t.deps.live.remove(editor, id, update.id);
    const actions = await t.deps.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).orderBy('at').execute();
    assert.deepEqual(
      actions.map((row) => row.action),
      ['live.update_posted', 'live.update_deleted'],
    );
  });
});
