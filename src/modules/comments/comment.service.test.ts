import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('reading a page of comments', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('costs the same few queries however many comments and replies the page holds', async () => {
    const readers = await Promise.all(Array.from({ length: 4 }, () => t.factories.reader()));
    const quiet = await t.factories.article();
    const busy = await t.factories.article();
    let n = 0;
    const post = async (slug: string, parentId?: string) => {
      const reader = readers[n % readers.length];
      assert.ok(reader);
      n += 1;
      t.clock.advance(11 * 60 * 1000);
      const change = await t.deps.comments.post({ reader: reader.reader, slug, body: `Comment ${n}`, parentId, ip: `192.0.2.${n % 200}` });
      return change.comment?.id;
    };
    await post(quiet.slug);
    for (let i = 0; i < 12; i += 1) {
      const id = await post(busy.slug);
      await post(busy.slug, id);
    }
    const viewerId = readers[0]?.reader.id ?? null;
    // Counted from the handle's statement log: every statement, prepared or built (db/prepared-query.ts).
    const { result: small, statements: smallStatements } = await t.deps.database.statements.record(() =>
      t.deps.comments.page(quiet.id, { viewerId, order: 'newest', page: 1 }),
    );
    const { result: large, statements: largeStatements } = await t.deps.database.statements.record(() =>
      t.deps.comments.page(busy.id, { viewerId, order: 'liked', page: 1 }),
    );
    const queries = largeStatements.length;
    assert.equal(small.threads.length, 1);
    assert.equal(large.threads.length, 12);
    assert.ok(large.threads.every((thread) => thread.replies.length === 1));
    assert.equal(queries, smallStatements.length);
    assert.ok(queries <= 4, `${queries} queries`);
  });
});
