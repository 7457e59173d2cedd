import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { CommentService, memoryCommentLimiters } from './comment.service.js';

describe('reading a page of comments', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('costs the same few queries however many comments and replies the page holds', async () => {
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = t.deps.db.withPlugin(counting);
    const service = new CommentService(db, t.clock, t.deps.events, t.deps.reading, () => t.deps.settings.publication, memoryCommentLimiters(t.clock));
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
    queries = 0;
    const small = await service.page(quiet.id, { viewerId, order: 'newest', page: 1 });
    const smallQueries = queries;
    queries = 0;
    const large = await service.page(busy.id, { viewerId, order: 'liked', page: 1 });
    assert.equal(small.threads.length, 1);
    assert.equal(large.threads.length, 12);
    assert.ok(large.threads.every((thread) => thread.replies.length === 1));
    assert.equal(queries, smallQueries);
    assert.ok(queries <= 4, `${queries} queries`);
  });
});
