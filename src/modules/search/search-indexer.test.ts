import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('the search index kept in step, and caught up in the background', () => {
  let t: TestApp;
  const headlines = async (text: string) => (await t.deps.search.search({ text, page: 1, pageSize: 50 })).hits.map((hit) => hit.story.headline);

  before(async () => {
    t = await createTestApp();
    const section = await t.factories.section();
    for (let n = 1; n <= 24; n += 1) await t.factories.article({ section, headline: `Lighthouse log ${n}`, hoursAgo: n });
  });
  after(() => t.close());

  it('indexes what the index lacks in slices; a stop leaves the rest for the next catch-up', async () => {
    await t.deps.database.fullText.clear(t.deps.db);
    const stop = new AbortController();
    stop.abort();
    await t.deps.search.refreshIndex(undefined, stop.signal);
    assert.equal(await t.deps.database.fullText.countDocuments(t.deps.db), 0, 'stopped before its first slice');

    await t.deps.search.refreshIndex();
    assert.equal((await headlines('lighthouse')).length, 24);
    // Nothing lacking: a catch-up reads two counts and writes nothing.
    const { statements } = await t.deps.database.statements.record(() => t.deps.search.refreshIndex());
    assert.ok(statements.length <= 2, `${statements.length} statements`);
  });

  it('re-indexes a story alone when it changes, and drops a deleted story from the index', async () => {
    const story = (await t.deps.search.search({ text: 'lighthouse log', page: 1, pageSize: 50 })).hits.find(
      (hit) => hit.story.headline === 'Lighthouse log 7',
    );
    assert.ok(story);
    const admin = await t.factories.staffUser({ role: 'admin' });
    await t.deps.editing.delete(admin, story.story.id);
    assert.ok(!(await headlines('lighthouse')).includes('Lighthouse log 7'));
    assert.equal(await t.deps.database.fullText.countDocuments(t.deps.db), 23);
    assert.deepEqual(await t.deps.database.fullText.indexedIds(t.deps.db, [story.story.id]), []);
  });
});
