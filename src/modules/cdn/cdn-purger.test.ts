import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Actor } from '../articles/index.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { startWebhookReceiver, verifyDatelineSignature, type ReceivedDelivery } from '../../testing/webhook-receiver.js';
import { CdnPurger } from './cdn-purger.js';

const SECRET = 'purge-secret-for-tests-0123456789';

/** Purge requests reach a real HTTP receiver, signed, naming the keys the change touched. */
describe('CDN purge hook', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let editor: Actor;

  const nowSeconds = () => Math.floor(t.clock.now().getTime() / 1000);
  /** Every key purged since the last reset, each request's signature checked on the way. */
  const purgedKeys = async (): Promise<string[]> => {
    await t.deps.cdn.idle();
    return receiver.received.flatMap((request: ReceivedDelivery) => {
      assert.equal(request.headers['content-type'], 'application/json');
      const payload = verifyDatelineSignature(request.body, request.headers['x-dateline-signature'] as string, SECRET, nowSeconds()) as
        { keys: string[] } | undefined;
      assert.ok(payload, 'the purge request is signed with CDN_PURGE_SECRET');
      return payload.keys;
    });
  };

  before(async () => {
    receiver = await startWebhookReceiver();
    t = await createTestApp({ env: { CDN_PURGE_URL: receiver.url, CDN_PURGE_SECRET: SECRET } });
    editor = await t.factories.staffUser({ role: 'editor' });
  });
  after(async () => {
    await t.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await t.deps.cdn.idle();
    receiver.received.length = 0;
  });

  it('purges the story, the pages listing it, lists, feeds, sitemaps and search when a story is published', async () => {
    const section = await t.factories.section();
    const author = await t.factories.author();
    const id = await t.deps.editing.createDraft(editor, await t.factories.articleInput({ sectionId: section.id, authorIds: [author.id] }));
    await t.deps.cdn.idle();
    receiver.received.length = 0;

    await t.deps.editing.publish(editor, id);
    const keys = await purgedKeys();
    for (const key of [`article-${id}`, `section-${section.id}`, `author-${author.id}`, 'lists', 'feeds', 'sitemaps', 'search', 'missing']) {
      assert.ok(keys.includes(key), `${key} not purged: ${keys.join(' ')}`);
    }
    assert.ok(!keys.includes('site'), 'a story change does not empty the whole CDN');
  });

  it('purges everything when settings change', async () => {
    await t.deps.settings.updatePublication({ name: 'The Harbour Times' });
    assert.deepEqual(await purgedKeys(), ['site']);
  });

  it('retries a failing CDN a few times, then reports the failure; never throws at the caller', async () => {
    const flaky = await startWebhookReceiver([503, 502, 200]);
    const down = await startWebhookReceiver([500]);
    try {
      const errors: unknown[] = [];
      const recovering = new CdnPurger(t.clock, { url: flaky.url, secret: SECRET }, [5, 5, 5]);
      recovering.onError((error) => errors.push(error));
      recovering.purge(['article-1']);
      await recovering.idle();
      assert.equal(flaky.received.length, 3);
      assert.equal(errors.length, 0);

      const failing = new CdnPurger(t.clock, { url: down.url, secret: SECRET }, [5, 5, 5]);
      failing.onError((error) => errors.push(error));
      failing.purge(['article-2']);
      await failing.idle();
      assert.equal(down.received.length, 4);
      assert.equal(errors.length, 1);
    } finally {
      await flaky.close();
      await down.close();
    }
  });

  it('sends queued keys together, and `site` alone when it is among them', async () => {
    const batch = await startWebhookReceiver();
    try {
      const purger = new CdnPurger(t.clock, { url: batch.url, secret: SECRET });
      purger.purge(['lists', 'article-1']);
      purger.purge(['article-1', 'feeds']);
      await purger.idle();
      purger.purge(['lists']);
      purger.purge(['site']);
      await purger.idle();
      assert.deepEqual(
        batch.received.map((request) => JSON.parse(request.body) as unknown),
        [{ keys: ['article-1', 'feeds', 'lists'] }, { keys: ['site'] }],
      );
    } finally {
      await batch.close();
    }
  });

  it('does nothing without CDN_PURGE_URL', async () => {
    const plain = await createTestApp();
    try {
      assert.equal(plain.deps.cdn.enabled, false);
      await plain.deps.settings.updatePublication({ name: 'Unpurged' });
      plain.deps.cdn.purge(['site']);
      await plain.deps.cdn.idle();
      assert.equal(receiver.received.length, 0);
    } finally {
      await plain.close();
    }
  });
});
